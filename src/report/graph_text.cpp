// Text answers for `chitieu who`, `chitieu agency` and `chitieu plan`, for Vietnamese readers: labels
// are Vietnamese, task statuses are the scorecard's, dates are dd/mm/yyyy. Ids stay as declared.
#include <chitieu/report/graph_render.hpp>

#include <chitieu/date.hpp>
#include <chitieu/eval/outcome.hpp>
#include <chitieu/report/format.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace chitieu::report {

namespace {

std::string deadline_text(sema::task const& t) {
  if (!t.when.text.empty()) return t.when.text;
  if (t.when.kind == sema::deadline_kind::none) return "không nêu thời hạn";
  if (t.when.due != std::numeric_limits<std::int32_t>::max())
    return "chậm nhất " + format_vn_date(t.when.due);
  return "thường xuyên";
}

// A reported status as the submission writes it (docs/data.md): not_started, in_progress, done.
std::string reported_status(eval::task_status s) {
  switch (s) {
    case eval::task_status::not_started: return "chưa bắt đầu";
    case eval::task_status::in_progress: return "đang thực hiện";
    case eval::task_status::done: return "hoàn thành";
  }
  return "";
}

// The order `agency` lists verdicts in: most urgent first.
int urgency(eval::task_verdict v) {
  switch (v) {
    case eval::task_verdict::overdue: return 0;
    case eval::task_verdict::in_progress: return 1;
    case eval::task_verdict::not_due: return 2;
    case eval::task_verdict::ongoing: return 3;
    case eval::task_verdict::done_late: return 4;
    case eval::task_verdict::done: return 5;
  }
  return 6;
}

char const* role_label(graph::agency_role role) {
  return role == graph::agency_role::lead ? "chủ trì" : "phối hợp";
}

std::string agency_list(sema::checked_ruleset const& rules, std::vector<int> const& agencies) {
  std::string out;
  for (int a : agencies) out += (out.empty() ? "" : ", ") + rules.agencies[std::size_t(a)].id;
  return out.empty() ? "-" : out;
}

std::string pad(std::string s, std::size_t width) {
  auto n = code_points(s);
  if (n < width) s.append(width - n, ' ');
  return s;
}

void task_line(std::ostream& out, sema::checked_ruleset const& rules, int index,
               std::string const& indent) {
  auto const& t = rules.tasks[std::size_t(index)];
  out << indent << rules.qualified_id(t) << "  [" << deadline_text(t) << "]\n"
      << indent << "  " << t.title << '\n';
}

}  // namespace

void render_accountability(std::ostream& out, graph::accountability const& who,
                           sema::checked_ruleset const& rules) {
  // A target or an obligation: the same answer, with the words that name it.
  bool is_target = who.target >= 0 && who.target < int(rules.targets.size());
  bool is_obligation = who.obligation >= 0 && who.obligation < int(rules.obligations.size());
  if (!is_target && !is_obligation) return;
  std::string id, title, cite;
  int document = -1, parent = -1;
  if (is_target) {
    auto const& t = rules.targets[std::size_t(who.target)];
    id = rules.qualified_id(t), title = t.title, cite = t.cite, document = t.document, parent = t.parent;
  } else {
    auto const& o = rules.obligations[std::size_t(who.obligation)];
    id = rules.qualified_id(o), title = o.title, cite = o.cite, document = o.document;
  }
  char const* noun = is_target ? "chỉ tiêu" : "nghĩa vụ";
  auto const& doc = rules.documents[std::size_t(document)];
  out << id << "  " << title << '\n'
      << "  tại " << (doc.number.empty() ? doc.id : doc.number) << (cite.empty() ? "" : ", ")
      << cite << '\n';
  auto monitor_rows = [&] {
    for (int a : who.monitors) {
      auto const& agency = rules.agencies[std::size_t(a)];
      out << "  " << pad("theo dõi", 10) << pad(agency.id, 22) << "  " << agency.title << '\n';
    }
  };
  if (who.tasks.empty()) {
    out << "\nKhông có nhiệm vụ nào phục vụ " << noun << " này"
        << (parent >= 0 ? " hay các chỉ tiêu cha của nó" : "") << ".\n";
    if (!who.monitors.empty()) {
      out << "\nCơ quan chịu trách nhiệm:\n";
      monitor_rows();
    }
    return;
  }
  out << "\nNhiệm vụ phục vụ " << noun << " (" << who.tasks.size() << "):\n";
  for (auto const& s : who.tasks) {
    task_line(out, rules, s.task, "  ");
    auto const& t = rules.tasks[std::size_t(s.task)];
    if (is_target && s.via_target != who.target)
      out << "    thông qua chỉ tiêu cha "
          << rules.qualified_id(rules.targets[std::size_t(s.via_target)]) << '\n';
    out << "    chủ trì: " << agency_list(rules, t.lead)
        << "; phối hợp: " << agency_list(rules, t.support) << '\n';
  }
  out << "\nCơ quan chịu trách nhiệm:\n";
  auto agency_row = [&](graph::agency_role role, int a) {
    auto const& agency = rules.agencies[std::size_t(a)];
    // Two spaces at least, so a long id never runs into the title.
    out << "  " << pad(role_label(role), 10) << pad(agency.id, 22) << "  " << agency.title << '\n';
  };
  for (int a : who.leads) agency_row(graph::agency_role::lead, a);
  for (int a : who.supports) agency_row(graph::agency_role::support, a);
  monitor_rows();
  if (who.agencies().empty()) out << "  không có: các nhiệm vụ phục vụ không nêu cơ quan nào\n";
}

void render_agency_work(std::ostream& out, graph::agency_work const& work,
                        sema::checked_ruleset const& rules,
                        std::vector<eval::task_outcome> const* verdicts, std::int32_t as_of,
                        agency_failures const* failing) {
  if (work.agency < 0 || work.agency >= int(rules.agencies.size())) return;
  auto const& a = rules.agencies[std::size_t(work.agency)];
  out << a.id << "  " << a.title << '\n';
  if (verdicts) out << "  tình trạng tại ngày " << format_vn_date(as_of) << '\n';
  std::size_t leads = std::count_if(work.tasks.begin(), work.tasks.end(), [](auto const& o) {
    return o.role == graph::agency_role::lead;
  });
  out << "\nNhiệm vụ (" << work.tasks.size() << ": chủ trì " << leads << ", phối hợp "
      << work.tasks.size() - leads << "):\n";
  struct row {
    graph::owned_task owned;
    eval::task_outcome const* verdict = nullptr;
  };
  std::vector<row> rows;
  for (auto const& o : work.tasks) {
    row r{o, nullptr};
    if (verdicts)
      for (auto const& k : *verdicts)
        if (k.task == o.task) r.verdict = &k;
    rows.push_back(r);
  }
  if (verdicts) {
    // Within a verdict, by the due day judged; tasks without one last.
    constexpr auto never = std::numeric_limits<std::int32_t>::max();
    auto key = [&](row const& r) {
      if (!r.verdict) return std::tuple(6, never, r.owned.task);
      return std::tuple(urgency(r.verdict->result), r.verdict->due ? r.verdict->due : never, r.owned.task);
    };
    std::stable_sort(rows.begin(), rows.end(),
                     [&](row const& x, row const& y) { return key(x) < key(y); });
  }
  for (auto const& [o, k] : rows) {
    auto const& t = rules.tasks[std::size_t(o.task)];
    std::string head = "  ";
    if (k) head += pad(verdict_label(k->result), 17);
    head += pad(role_label(o.role), 10);
    out << head << rules.qualified_id(t) << "  [" << deadline_text(t) << "]";
    if (k && k->due) out << " hạn " << format_vn_date(k->due);
    out << '\n' << std::string(code_points(head) + 2, ' ') << t.title << '\n';
    if (!k) continue;
    if (k->reported) {
      std::string detail;
      auto add = [&](std::string const& part) { detail += (detail.empty() ? "" : ", ") + part; };
      // "done" with a completion day is said once: "hoàn thành ngày 20/01/2026".
      if (!(k->reported_status == eval::task_status::done && k->completed))
        add(reported_status(k->reported_status));
      if (k->completed) add("hoàn thành ngày " + format_vn_date(*k->completed));
      if (!std::isnan(k->reported_progress)) add(std::to_string(int(k->reported_progress)) + "%");
      if (!k->note.empty()) detail += (detail.empty() ? "ghi chú: " : "; ghi chú: ") + k->note;
      if (!detail.empty())
        out << std::string(code_points(head) + 2, ' ') << "báo cáo: " << detail << '\n';
    } else {
      out << std::string(code_points(head) + 2, ' ') << "chưa báo cáo\n";
    }
  }
  if (failing) {
    // What the scorecard says needs action, for which this agency answers (monitors included).
    auto role = [&](std::vector<int> const& accountable, std::vector<int> const& monitors) {
      if (std::find(accountable.begin(), accountable.end(), work.agency) != accountable.end())
        return "thực hiện";
      return std::find(monitors.begin(), monitors.end(), work.agency) != monitors.end() ? "theo dõi" : "";
    };
    out << "\nChỉ tiêu, nghĩa vụ chưa đạt mà cơ quan chịu trách nhiệm ("
        << failing->targets.size() + failing->obligations.size() << "):\n";
    for (auto const* t : failing->targets) {
      auto const& rule = rules.targets[std::size_t(t->target)];
      out << "  " << pad(verdict_label(t->headline), 17) << pad(role(t->accountable, t->monitors), 10)
          << rules.qualified_id(rule) << "  " << rule.title << '\n';
    }
    for (auto const* o : failing->obligations) {
      auto const& rule = rules.obligations[std::size_t(o->obligation)];
      out << "  " << pad(verdict_label(o->overall), 17) << pad(role(o->accountable, o->monitors), 10)
          << rules.qualified_id(rule) << "  " << rule.title << '\n';
    }
    if (failing->targets.empty() && failing->obligations.empty()) out << "  không có\n";
  }
  if (!work.targets.empty()) {
    out << "\nChỉ tiêu mà các nhiệm vụ này phục vụ (" << work.targets.size() << "):\n";
    for (int x : work.targets) {
      auto const& t = rules.targets[std::size_t(x)];
      out << "  " << rules.qualified_id(t) << "  " << t.title << '\n';
    }
  }
  if (!work.obligations.empty()) {
    out << "\nNghĩa vụ mà các nhiệm vụ này phục vụ (" << work.obligations.size() << "):\n";
    for (int x : work.obligations) {
      auto const& o = rules.obligations[std::size_t(x)];
      out << "  " << rules.qualified_id(o) << "  " << o.title << '\n';
    }
  }
}

void render_task_order(std::ostream& out, graph::task_order const& order,
                       sema::checked_ruleset const& rules) {
  if (!order.cycles.empty()) {
    out << "Không sắp được thứ tự: các nhiệm vụ phụ thuộc lẫn nhau thành vòng.\n";
    return;
  }
  out << "Thứ tự nhiệm vụ (" << order.order.size() << " nhiệm vụ), theo thời hạn:\n";
  // Grouping by deadline can put a task before one it comes after; such pairs are flagged.
  std::map<int, std::size_t> group_of;
  for (std::size_t g = 0; g < order.groups.size(); ++g)
    for (int t : order.groups[g].tasks) group_of[t] = g;
  for (std::size_t g = 0; g < order.groups.size(); ++g) {
    auto const& group = order.groups[g];
    switch (group.type) {
      case graph::deadline_group::kind::dated:
        out << "\nHạn " << format_vn_date(group.due) << ":\n";
        break;
      case graph::deadline_group::kind::yearly: out << "\nĐịnh kỳ:\n"; break;
      case graph::deadline_group::kind::open:
        out << "\nThường xuyên, không có hạn kết thúc hoặc không nêu thời hạn:\n";
        break;
    }
    for (int t : group.tasks) {
      task_line(out, rules, t, "  ");
      auto const& task = rules.tasks[std::size_t(t)];
      if (!task.after.empty()) {
        out << "    sau:";
        for (int p : task.after) {
          out << ' ' << rules.qualified_id(rules.tasks[std::size_t(p)]);
          if (group_of[p] > g) out << " (xếp sau vì thời hạn muộn hơn)";
        }
        out << '\n';
      }
    }
  }
  out << '\n';
  if (order.critical_path.empty()) {
    out << "Đường găng: không có, không nhiệm vụ nào phải làm sau nhiệm vụ khác.\n";
    return;
  }
  out << "Đường găng (" << order.critical_path.size() << " nhiệm vụ):\n";
  for (std::size_t i = 0; i < order.critical_path.size(); ++i) {
    auto const& t = rules.tasks[std::size_t(order.critical_path[i])];
    out << "  " << (i == 0 ? "  " : "→ ") << rules.qualified_id(t) << "  [" << deadline_text(t)
        << "]\n";
  }
}

}  // namespace chitieu::report
