// Text answers for `chitieu who`, `chitieu agency` and `chitieu plan`, in Vietnamese (dates dd/mm/yyyy)
// or English (ISO dates): task statuses are the scorecard's; ids and titles stay as declared.
#include <chitieu/report/graph_render.hpp>

#include <chitieu/date.hpp>
#include <chitieu/eval/outcome.hpp>
#include <chitieu/language.hpp>
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

// English readers get ISO days: unambiguous where 03/04 means March or April.
std::string day_text(language lang, std::int32_t day) {
  return lang == language::en ? format_iso_date(day) : format_vn_date(day);
}

std::string deadline_text(sema::task const& t, language lang) { return render_deadline(t.when, lang); }

// A reported status as the submission writes it (docs/data.md): not_started, in_progress, done.
std::string reported_status(eval::task_status s, language lang) {
  switch (s) {
    case eval::task_status::not_started: return say(lang, "chưa bắt đầu");
    case eval::task_status::in_progress: return say(lang, "đang thực hiện");
    case eval::task_status::done: return say(lang, "done");
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

std::string role_label(graph::agency_role role, language lang) {
  return role == graph::agency_role::lead ? say(lang, "chủ trì") : say(lang, "phối hợp");
}

// Column widths: English labels run longer ("Needs acceleration", "implements").
std::size_t verdict_width(language lang) { return lang == language::en ? 20 : 17; }
std::size_t role_width(language lang) { return lang == language::en ? 12 : 10; }

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
               std::string const& indent, language lang) {
  auto const& t = rules.tasks[std::size_t(index)];
  out << indent << rules.qualified_id(t) << "  [" << deadline_text(t, lang) << "]\n"
      << indent << "  " << t.title << '\n';
}

// "Phường Kinh Bắc (bn-kinhbac)", as a person names a unit; the code alone when it has no name.
std::string unit_text(agency_failure::at_unit const& u) {
  return u.name.empty() || u.name == u.id ? u.id : u.name + " (" + u.id + ")";
}

// The units where one item needs action, by verdict in the order first met: "Không đạt (4): A, B, C
// và 1 đơn vị khác". Three names at most, so that a province of a thousand schools stays readable.
void failing_units(std::ostream& out, std::vector<agency_failure::at_unit> const& units,
                   std::string const& indent, language lang) {
  std::vector<eval::verdict> order;
  for (auto const& u : units)
    if (std::find(order.begin(), order.end(), u.verdict) == order.end()) order.push_back(u.verdict);
  for (auto v : order) {
    std::vector<std::string> names;
    for (auto const& u : units)
      if (u.verdict == v) names.push_back(unit_text(u));
    std::string listed;
    for (std::size_t i = 0; i < names.size() && i < 3; ++i) listed += (i ? ", " : "") + names[i];
    if (names.size() > 3) {
      auto more = std::to_string(names.size() - 3);
      listed = agree(lang, more, say(lang, "{0} và {1} đơn vị khác", {listed, more}));
    }
    // The label is the scorecard's, given in `lang` by the catalog.
    out << indent << say(lang, verdict_label(v)) << " (" << names.size() << "): " << listed << '\n';
  }
}

}  // namespace

void render_accountability(std::ostream& out, graph::accountability const& who,
                           sema::checked_ruleset const& rules, language lang) {
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
  auto const& doc = rules.documents[std::size_t(document)];
  std::string where = doc.number.empty() ? doc.id : doc.number;
  if (!cite.empty()) where += ", " + cite;
  out << id << "  " << title << '\n' << "  " << say(lang, "tại {0}", {where}) << '\n';
  auto monitor_rows = [&] {
    for (int a : who.monitors) {
      auto const& agency = rules.agencies[std::size_t(a)];
      out << "  " << pad(say(lang, "monitor"), role_width(lang)) << pad(agency.id, 22) << "  " << agency.title
          << '\n';
    }
  };
  if (who.tasks.empty()) {
    out << '\n'
        << (!is_target     ? say(lang, "Không có nhiệm vụ nào phục vụ nghĩa vụ này.")
            : parent >= 0 ? say(lang, "Không có nhiệm vụ nào phục vụ chỉ tiêu này hay các chỉ tiêu cha của nó.")
                          : say(lang, "Không có nhiệm vụ nào phục vụ chỉ tiêu này."))
        << '\n';
    if (!who.monitors.empty()) {
      out << '\n' << say(lang, "Cơ quan chịu trách nhiệm:") << '\n';
      monitor_rows();
    }
    return;
  }
  auto count = std::to_string(who.tasks.size());
  out << '\n'
      << (is_target ? say(lang, "Nhiệm vụ phục vụ chỉ tiêu ({0}):", {count})
                    : say(lang, "Nhiệm vụ phục vụ nghĩa vụ ({0}):", {count}))
      << '\n';
  for (auto const& s : who.tasks) {
    task_line(out, rules, s.task, "  ", lang);
    auto const& t = rules.tasks[std::size_t(s.task)];
    if (is_target && s.via_target != who.target)
      out << "    "
          << say(lang, "thông qua chỉ tiêu cha {0}", {rules.qualified_id(rules.targets[std::size_t(s.via_target)])})
          << '\n';
    out << "    "
        << say(lang, "chủ trì: {0}; phối hợp: {1}", {agency_list(rules, t.lead), agency_list(rules, t.support)})
        << '\n';
  }
  out << '\n' << say(lang, "Cơ quan chịu trách nhiệm:") << '\n';
  auto agency_row = [&](graph::agency_role role, int a) {
    auto const& agency = rules.agencies[std::size_t(a)];
    // Two spaces at least, so a long id never runs into the title.
    out << "  " << pad(role_label(role, lang), role_width(lang)) << pad(agency.id, 22) << "  " << agency.title
        << '\n';
  };
  for (int a : who.leads) agency_row(graph::agency_role::lead, a);
  for (int a : who.supports) agency_row(graph::agency_role::support, a);
  monitor_rows();
  if (who.agencies().empty()) out << "  " << say(lang, "không có: các nhiệm vụ phục vụ không nêu cơ quan nào") << '\n';
}

void render_agency_work(std::ostream& out, graph::agency_work const& work,
                        sema::checked_ruleset const& rules,
                        std::vector<eval::task_outcome> const* verdicts, std::int32_t as_of,
                        agency_failures const* failing, language lang) {
  if (work.agency < 0 || work.agency >= int(rules.agencies.size())) return;
  auto const& a = rules.agencies[std::size_t(work.agency)];
  out << a.id << "  " << a.title << '\n';
  if (verdicts) out << "  " << say(lang, "tình trạng tại ngày {0}", {day_text(lang, as_of)}) << '\n';
  std::size_t leads = std::count_if(work.tasks.begin(), work.tasks.end(), [](auto const& o) {
    return o.role == graph::agency_role::lead;
  });
  out << '\n'
      << say(lang, "Nhiệm vụ ({0}: chủ trì {1}, phối hợp {2}):",
             {std::to_string(work.tasks.size()), std::to_string(leads), std::to_string(work.tasks.size() - leads)})
      << '\n';
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
    if (k) head += pad(say(lang, verdict_label(k->result)), verdict_width(lang));
    head += pad(role_label(o.role, lang), role_width(lang));
    out << head << rules.qualified_id(t) << "  [" << deadline_text(t, lang) << "]";
    if (k && k->due) out << ' ' << say(lang, "hạn {0}", {day_text(lang, k->due)});
    out << '\n' << std::string(code_points(head) + 2, ' ') << t.title << '\n';
    if (!k) continue;
    if (k->reported) {
      std::string detail;
      auto add = [&](std::string const& part) { detail += (detail.empty() ? "" : ", ") + part; };
      // "done" with a completion day is said once: "hoàn thành ngày 20/01/2026".
      if (!(k->reported_status == eval::task_status::done && k->completed))
        add(reported_status(k->reported_status, lang));
      if (k->completed) add(say(lang, "hoàn thành ngày {0}", {day_text(lang, *k->completed)}));
      if (!std::isnan(k->reported_progress)) add(std::to_string(int(k->reported_progress)) + "%");
      if (!k->note.empty()) detail += (detail.empty() ? "" : "; ") + say(lang, "ghi chú: {0}", {k->note});
      if (!detail.empty())
        out << std::string(code_points(head) + 2, ' ') << say(lang, "báo cáo: {0}", {detail}) << '\n';
    } else {
      out << std::string(code_points(head) + 2, ' ') << say(lang, "chưa báo cáo") << '\n';
    }
  }
  if (failing) {
    // What the scorecard says needs action anywhere in the submission, for which this agency answers
    // (monitors included), with the units where it does.
    out << '\n'
        << say(lang, "Chỉ tiêu, nghĩa vụ chưa đạt mà cơ quan chịu trách nhiệm ({0}):",
               {std::to_string(failing->items.size())})
        << '\n';
    for (auto const& item : failing->items) {
      bool target = item.target >= 0;
      std::string id = target ? rules.qualified_id(rules.targets[std::size_t(item.target)])
                              : rules.qualified_id(rules.obligations[std::size_t(item.obligation)]);
      auto const& title = target ? rules.targets[std::size_t(item.target)].title
                                 : rules.obligations[std::size_t(item.obligation)].title;
      std::string head = "  " + pad(item.monitor ? say(lang, "monitor") : say(lang, "thực hiện"), role_width(lang));
      out << head << id << "  " << title << '\n';
      failing_units(out, item.units, std::string(code_points(head), ' '), lang);
    }
    if (failing->items.empty()) out << "  " << say(lang, "không có") << '\n';
  }
  if (!work.targets.empty()) {
    out << '\n'
        << say(lang, "Chỉ tiêu mà các nhiệm vụ này phục vụ ({0}):", {std::to_string(work.targets.size())}) << '\n';
    for (int x : work.targets) {
      auto const& t = rules.targets[std::size_t(x)];
      out << "  " << rules.qualified_id(t) << "  " << t.title << '\n';
    }
  }
  if (!work.obligations.empty()) {
    out << '\n'
        << say(lang, "Nghĩa vụ mà các nhiệm vụ này phục vụ ({0}):", {std::to_string(work.obligations.size())})
        << '\n';
    for (int x : work.obligations) {
      auto const& o = rules.obligations[std::size_t(x)];
      out << "  " << rules.qualified_id(o) << "  " << o.title << '\n';
    }
  }
}

void render_task_order(std::ostream& out, graph::task_order const& order,
                       sema::checked_ruleset const& rules, language lang) {
  if (!order.cycles.empty()) {
    out << say(lang, "Không sắp được thứ tự: các nhiệm vụ phụ thuộc lẫn nhau thành vòng.") << '\n';
    return;
  }
  // One task is "1 task" in English; Vietnamese nouns have no plural, so its text is the same.
  out << (order.order.size() == 1
              ? say(lang, "Thứ tự nhiệm vụ (1 nhiệm vụ), theo thời hạn:")
              : say(lang, "Thứ tự nhiệm vụ ({0} nhiệm vụ), theo thời hạn:", {std::to_string(order.order.size())}))
      << '\n';
  // Grouping by deadline can put a task before one it comes after; such pairs are flagged.
  std::map<int, std::size_t> group_of;
  for (std::size_t g = 0; g < order.groups.size(); ++g)
    for (int t : order.groups[g].tasks) group_of[t] = g;
  for (std::size_t g = 0; g < order.groups.size(); ++g) {
    auto const& group = order.groups[g];
    switch (group.type) {
      case graph::deadline_group::kind::dated:
        out << '\n' << say(lang, "Hạn {0}:", {day_text(lang, group.due)}) << '\n';
        break;
      case graph::deadline_group::kind::yearly: out << '\n' << say(lang, "Định kỳ:") << '\n'; break;
      case graph::deadline_group::kind::open:
        out << '\n' << say(lang, "Thường xuyên, không có hạn kết thúc hoặc không nêu thời hạn:") << '\n';
        break;
    }
    for (int t : group.tasks) {
      task_line(out, rules, t, "  ", lang);
      auto const& task = rules.tasks[std::size_t(t)];
      if (!task.after.empty()) {
        out << "    " << say(lang, "sau:");
        for (int p : task.after) {
          out << ' ' << rules.qualified_id(rules.tasks[std::size_t(p)]);
          if (group_of[p] > g) out << ' ' << say(lang, "(xếp sau vì thời hạn muộn hơn)");
        }
        out << '\n';
      }
    }
  }
  out << '\n';
  if (order.critical_path.empty()) {
    out << say(lang, "Đường găng: không có, không nhiệm vụ nào phải làm sau nhiệm vụ khác.") << '\n';
    return;
  }
  out << say(lang, "Đường găng ({0} nhiệm vụ):", {std::to_string(order.critical_path.size())}) << '\n';
  for (std::size_t i = 0; i < order.critical_path.size(); ++i) {
    auto const& t = rules.tasks[std::size_t(order.critical_path[i])];
    out << "  " << (i == 0 ? "  " : "→ ") << rules.qualified_id(t) << "  [" << deadline_text(t, lang)
        << "]\n";
  }
}

}  // namespace chitieu::report
