// Text answers for `chitieu who`, `chitieu agency` and `chitieu plan`. Labels are English like the
// rest of the CLI; titles and deadlines stay in the documents' Vietnamese.
#include <chitieu/report/graph_render.hpp>

#include <chitieu/date.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <string>

namespace chitieu::report {

namespace {

std::string deadline_text(sema::task const& t) {
  if (!t.when.text.empty()) return t.when.text;
  if (t.when.kind == sema::deadline_kind::none) return "no deadline stated";
  if (t.when.due != std::numeric_limits<std::int32_t>::max())
    return "by " + format_iso_date(t.when.due);
  return "ongoing";
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
  if (who.target < 0 || who.target >= int(rules.targets.size())) return;
  auto const& target = rules.targets[std::size_t(who.target)];
  auto const& doc = rules.documents[std::size_t(target.document)];
  out << rules.qualified_id(target) << "  " << target.title << '\n'
      << "  in " << (doc.number.empty() ? doc.id : doc.number) << (target.cite.empty() ? "" : ", ")
      << target.cite << '\n';
  if (who.tasks.empty()) {
    out << "\nNo task serves this target" << (target.parent >= 0 ? " or its parent targets" : "")
        << ".\n";
    return;
  }
  out << "\nTasks serving it (" << who.tasks.size() << "):\n";
  for (auto const& s : who.tasks) {
    task_line(out, rules, s.task, "  ");
    auto const& t = rules.tasks[std::size_t(s.task)];
    if (s.via_target != who.target)
      out << "    through parent target "
          << rules.qualified_id(rules.targets[std::size_t(s.via_target)]) << '\n';
    out << "    lead: " << agency_list(rules, t.lead)
        << "; support: " << agency_list(rules, t.support) << '\n';
  }
  out << "\nAccountable agencies:\n";
  for (int a : who.leads)
    out << "  lead     " << pad(rules.agencies[std::size_t(a)].id, 24)
        << rules.agencies[std::size_t(a)].title << '\n';
  for (int a : who.supports)
    out << "  support  " << pad(rules.agencies[std::size_t(a)].id, 24)
        << rules.agencies[std::size_t(a)].title << '\n';
  if (who.leads.empty() && who.supports.empty())
    out << "  none: the serving tasks name no agency\n";
}

void render_agency_work(std::ostream& out, graph::agency_work const& work,
                        sema::checked_ruleset const& rules, std::optional<std::int32_t> as_of) {
  if (work.agency < 0 || work.agency >= int(rules.agencies.size())) return;
  auto const& a = rules.agencies[std::size_t(work.agency)];
  out << a.id << "  " << a.title << '\n';
  if (as_of) out << "  status as of " << format_iso_date(*as_of) << '\n';
  std::size_t leads = std::count_if(work.tasks.begin(), work.tasks.end(), [](auto const& o) {
    return o.role == graph::agency_role::lead;
  });
  out << "\nTasks (" << work.tasks.size() << ": " << leads << " as lead, "
      << work.tasks.size() - leads << " as support):\n";
  for (auto const& o : work.tasks) {
    auto const& t = rules.tasks[std::size_t(o.task)];
    std::string head = "  ";
    if (o.status) head += pad(std::string(graph::name_of(*o.status)), 12);
    head += pad(o.role == graph::agency_role::lead ? "lead" : "support", 9);
    out << head << rules.qualified_id(t) << "  [" << deadline_text(t) << "]";
    if (as_of)
      if (auto due = graph::due_day(t, *as_of)) out << " due " << format_iso_date(*due);
    out << '\n' << std::string(code_points(head) + 2, ' ') << t.title << '\n';
    if (o.report) {
      std::string detail;
      if (!o.report->status.empty()) detail += "reported " + o.report->status;
      if (o.report->completed) detail += ", completed " + format_iso_date(*o.report->completed);
      if (o.report->progress) detail += ", " + std::to_string(int(*o.report->progress)) + "%";
      if (!o.report->note.empty()) detail += ": " + o.report->note;
      if (!detail.empty()) out << std::string(code_points(head) + 2, ' ') << detail << '\n';
    } else if (o.status) {
      out << std::string(code_points(head) + 2, ' ') << "no report\n";
    }
  }
  if (!work.targets.empty()) {
    out << "\nTargets served (" << work.targets.size() << "):\n";
    for (int x : work.targets) {
      auto const& t = rules.targets[std::size_t(x)];
      out << "  " << rules.qualified_id(t) << "  " << t.title << '\n';
    }
  }
  if (!work.obligations.empty()) {
    out << "\nObligations served (" << work.obligations.size() << "):\n";
    for (int x : work.obligations) {
      auto const& o = rules.obligations[std::size_t(x)];
      out << "  " << rules.qualified_id(o) << "  " << o.title << '\n';
    }
  }
}

void render_task_order(std::ostream& out, graph::task_order const& order,
                       sema::checked_ruleset const& rules) {
  if (!order.cycles.empty()) {
    out << "No order: tasks depend on each other in a cycle.\n";
    return;
  }
  out << "Task order (" << order.order.size() << " tasks), grouped by deadline:\n";
  // Grouping by deadline can put a task before one it comes after; such pairs are flagged.
  std::map<int, std::size_t> group_of;
  for (std::size_t g = 0; g < order.groups.size(); ++g)
    for (int t : order.groups[g].tasks) group_of[t] = g;
  for (std::size_t g = 0; g < order.groups.size(); ++g) {
    auto const& group = order.groups[g];
    switch (group.type) {
      case graph::deadline_group::kind::dated:
        out << "\nDue " << format_iso_date(group.due) << " (" << format_vn_date(group.due)
            << "):\n";
        break;
      case graph::deadline_group::kind::yearly: out << "\nEvery year:\n"; break;
      case graph::deadline_group::kind::open:
        out << "\nOngoing, open-ended or without a deadline:\n";
        break;
    }
    for (int t : group.tasks) {
      task_line(out, rules, t, "  ");
      auto const& task = rules.tasks[std::size_t(t)];
      if (!task.after.empty()) {
        out << "    after:";
        for (int p : task.after) {
          out << ' ' << rules.qualified_id(rules.tasks[std::size_t(p)]);
          if (group_of[p] > g) out << " (listed later: its deadline is later)";
        }
        out << '\n';
      }
    }
  }
  out << '\n';
  if (order.critical_path.empty()) {
    out << "Critical path: none, no task comes after another.\n";
    return;
  }
  out << "Critical path (" << order.critical_path.size() << " tasks):\n";
  for (std::size_t i = 0; i < order.critical_path.size(); ++i) {
    auto const& t = rules.tasks[std::size_t(order.critical_path[i])];
    out << "  " << (i == 0 ? "  " : "→ ") << rules.qualified_id(t) << "  [" << deadline_text(t)
        << "]\n";
  }
}

}  // namespace chitieu::report
