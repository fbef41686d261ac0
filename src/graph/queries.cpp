// Questions answered from the graph: accountability, what an agency owns, neighbourhoods, and the
// fields a unit must submit.
#include <chitieu/graph/analysis.hpp>

#include <chitieu/date.hpp>

#include "views.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/visitors.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <tuple>

namespace chitieu::graph {

namespace {

template <class Container>
void add_once(Container& c, int x) {
  if (std::find(c.begin(), c.end(), x) == c.end()) c.push_back(x);
}

}  // namespace

// ---- accountability ----

accountability find_accountability(sema::checked_ruleset const& rules,
                                   dependency_graph const& graph, int target) {
  accountability out;
  out.target = target;
  if (target < 0 || target >= int(rules.targets.size())) return out;
  auto const& g = graph.g;
  std::vector<vertex> chain;
  for (std::optional<vertex> v = graph.vertex_of(node_kind::target, target);
       v && std::find(chain.begin(), chain.end(), *v) == chain.end();) {
    chain.push_back(*v);
    std::optional<vertex> up;
    for (auto e : boost::make_iterator_range(boost::out_edges(*v, g)))
      if (g[e].kind == edge_kind::parent) up = boost::target(e, g);
    v = up;
  }
  std::set<int> seen;
  for (auto t : chain)
    for (auto e : boost::make_iterator_range(boost::in_edges(t, g)))
      if (g[e].kind == edge_kind::serves) {
        int task = g[boost::source(e, g)].index;
        if (seen.insert(task).second) out.tasks.push_back({task, g[t].index});
      }
  std::sort(out.tasks.begin(), out.tasks.end(),
            [](serving_task const& a, serving_task const& b) { return a.task < b.task; });
  for (auto const& s : out.tasks)
    for (int a : rules.tasks[std::size_t(s.task)].lead) add_once(out.leads, a);
  for (auto const& s : out.tasks)
    for (int a : rules.tasks[std::size_t(s.task)].support)
      if (std::find(out.leads.begin(), out.leads.end(), a) == out.leads.end())
        add_once(out.supports, a);
  return out;
}

accountability find_accountability(sema::checked_ruleset const& rules, int target) {
  return find_accountability(rules, build(rules), target);
}

std::vector<int> serving_tasks(sema::checked_ruleset const& rules, int target) {
  std::vector<int> out;
  for (auto const& s : find_accountability(rules, target).tasks) out.push_back(s.task);
  return out;
}

std::vector<int> accountable_agencies(sema::checked_ruleset const& rules, int target) {
  auto who = find_accountability(rules, target);
  auto out = who.leads;
  out.insert(out.end(), who.supports.begin(), who.supports.end());
  return out;
}

// ---- task status ----

std::string_view name_of(task_status status) {
  switch (status) {
    case task_status::overdue: return "overdue";
    case task_status::in_progress: return "in_progress";
    case task_status::not_due: return "not_due";
    case task_status::ongoing: return "ongoing";
    case task_status::done_late: return "done_late";
    case task_status::done: return "done";
  }
  return "unknown";
}

task_reports read_task_reports(nlohmann::json const& submission, sema::checked_ruleset const& rules,
                               std::vector<std::string>* problems) {
  task_reports out;
  auto complain = [&](std::string text) {
    if (problems) problems->push_back(std::move(text));
  };
  if (!submission.is_object() || !submission.contains("tasks")) return out;
  auto const& by_document = submission["tasks"];
  if (!by_document.is_object()) {
    complain("/tasks: expected an object");
    return out;
  }
  for (auto const& [doc_id, reports] : by_document.items()) {
    int doc = -1;
    for (std::size_t d = 0; d < rules.documents.size(); ++d)
      if (rules.documents[d].id == doc_id) doc = int(d);
    if (doc < 0 || !reports.is_object()) {
      complain("/tasks/" + doc_id + ": " + (doc < 0 ? "unknown document" : "expected an object"));
      continue;
    }
    for (auto const& [task_id, report] : reports.items()) {
      std::string where = "/tasks/" + doc_id + "/" + task_id;
      int task = -1;
      for (std::size_t t = 0; t < rules.tasks.size(); ++t)
        if (rules.tasks[t].document == doc && rules.tasks[t].id == task_id) task = int(t);
      if (task < 0 || !report.is_object()) {
        complain(where + ": " + (task < 0 ? "unknown task" : "expected an object"));
        continue;
      }
      task_report r;
      if (auto s = report.find("status"); s != report.end() && s->is_string()) r.status = *s;
      if (auto c = report.find("completed"); c != report.end() && c->is_string()) {
        r.completed = parse_iso_date(c->get<std::string>());
        if (!r.completed) complain(where + "/completed: not a date (YYYY-MM-DD)");
      }
      if (auto p = report.find("progress"); p != report.end() && p->is_number())
        r.progress = p->get<double>();
      if (auto n = report.find("note"); n != report.end() && n->is_string()) r.note = *n;
      out[task] = std::move(r);
    }
  }
  return out;
}

std::optional<std::int32_t> due_day(sema::task const& task, std::int32_t as_of) {
  if (task.when.kind == sema::deadline_kind::yearly && task.when.month >= 1 &&
      task.when.month <= 12 && task.when.day >= 1) {
    int year = civil_from_days(as_of).year;
    unsigned day = std::min(task.when.day, days_in_month(year, task.when.month));
    return days_from_civil({year, task.when.month, day});
  }
  return detail::fixed_due(task);
}

task_status status_of(sema::task const& task, task_report const* report, std::int32_t as_of) {
  auto due = due_day(task, as_of);
  bool done = report && report->status == "done";
  // A yearly task done in an earlier year is not done for this year.
  if (done && task.when.kind == sema::deadline_kind::yearly && report->completed &&
      civil_from_days(*report->completed).year < civil_from_days(as_of).year)
    done = false;
  if (done)
    return due && report->completed && *report->completed > *due ? task_status::done_late
                                                                 : task_status::done;
  if (!due) return task_status::ongoing;
  if (as_of > *due) return task_status::overdue;
  bool started = report && (report->status == "in_progress" || report->progress.value_or(0) > 0);
  return started ? task_status::in_progress : task_status::not_due;
}

// ---- what an agency owns ----

agency_work find_agency_work(sema::checked_ruleset const& rules, dependency_graph const& graph,
                             int agency, task_reports const* reports, std::int32_t as_of) {
  agency_work out;
  out.agency = agency;
  if (agency < 0 || agency >= int(rules.agencies.size())) return out;
  auto const& g = graph.g;
  std::map<int, agency_role> roles;
  for (auto e : boost::make_iterator_range(
           boost::out_edges(graph.vertex_of(node_kind::agency, agency), g))) {
    auto role = g[e].kind == edge_kind::leads ? agency_role::lead : agency_role::support;
    auto [it, fresh] = roles.emplace(g[boost::target(e, g)].index, role);
    if (!fresh && role == agency_role::lead) it->second = role;
  }
  for (auto [task, role] : roles) {
    owned_task owned{task, role, std::nullopt, nullptr};
    if (reports) {
      auto found = reports->find(task);
      owned.report = found == reports->end() ? nullptr : &found->second;
      owned.status = status_of(rules.tasks[std::size_t(task)], owned.report, as_of);
    }
    out.tasks.push_back(owned);
    auto const& t = rules.tasks[std::size_t(task)];
    for (int x : t.serves_targets) add_once(out.targets, x);
    for (int x : t.serves_obligations) add_once(out.obligations, x);
  }
  constexpr auto never = std::numeric_limits<std::int32_t>::max();
  auto sort_key = [&](owned_task const& o) {
    auto const& t = rules.tasks[std::size_t(o.task)];
    int rank = o.status ? int(*o.status) : 0;
    return std::tuple(rank, due_day(t, as_of).value_or(never), o.task);
  };
  std::sort(out.tasks.begin(), out.tasks.end(),
            [&](owned_task const& a, owned_task const& b) { return sort_key(a) < sort_key(b); });
  std::sort(out.targets.begin(), out.targets.end());
  std::sort(out.obligations.begin(), out.obligations.end());
  return out;
}

std::vector<target_risk> targets_at_risk(sema::checked_ruleset const& rules,
                                         dependency_graph const& graph, task_reports const& reports,
                                         std::int32_t as_of) {
  std::vector<bool> overdue(rules.tasks.size(), false);
  for (std::size_t t = 0; t < rules.tasks.size(); ++t) {
    auto found = reports.find(int(t));
    overdue[t] = status_of(rules.tasks[t], found == reports.end() ? nullptr : &found->second,
                           as_of) == task_status::overdue;
  }
  std::vector<target_risk> out;
  for (std::size_t x = 0; x < rules.targets.size(); ++x) {
    target_risk risk{int(x), {}};
    for (auto const& s : find_accountability(rules, graph, int(x)).tasks)
      if (overdue[std::size_t(s.task)]) risk.overdue_tasks.push_back(s.task);
    if (!risk.overdue_tasks.empty()) out.push_back(std::move(risk));
  }
  return out;
}

// ---- neighbourhood ----

namespace {

using undirected_type = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

struct not_through_hubs {
  undirected_type const* u = nullptr;
  graph_type const* g = nullptr;
  vertex focus = 0;
  bool operator()(undirected_type::edge_descriptor e) const {
    // out_edges(x) of an undirected graph yields edges whose source is x: the node being left.
    auto from = boost::source(e, *u);
    auto kind = (*g)[from].kind;
    return from == focus || (kind != node_kind::agency && kind != node_kind::field);
  }
};

}  // namespace

std::vector<bool> neighbourhood(dependency_graph const& graph, vertex focus, int depth) {
  auto const& g = graph.g;
  auto const n = boost::num_vertices(g);
  std::vector<bool> keep(n, false);
  if (focus >= n) return keep;
  undirected_type both_ways(n);
  for (auto e : boost::make_iterator_range(boost::edges(g)))
    boost::add_edge(boost::source(e, g), boost::target(e, g), both_ways);
  boost::filtered_graph<undirected_type, not_through_hubs> walk(
      both_ways, not_through_hubs{&both_ways, &g, focus});
  std::vector<int> distance(n, std::numeric_limits<int>::max());
  distance[focus] = 0;
  boost::breadth_first_search(walk, focus,
                              boost::visitor(boost::make_bfs_visitor(boost::record_distances(
                                  boost::make_iterator_property_map(
                                      distance.begin(), boost::get(boost::vertex_index, both_ways)),
                                  boost::on_tree_edge{}))));
  for (std::size_t v = 0; v < n; ++v) keep[v] = distance[v] <= depth;
  return keep;
}

// ---- submission template ----

namespace {

struct collect_fields : boost::default_bfs_visitor {
  std::set<vertex>* found = nullptr;
  template <class Graph>
  void discover_vertex(vertex v, Graph const& g) const {
    if (g[v].kind == node_kind::field) found->insert(v);
  }
};

}  // namespace

std::vector<int> submission_fields(sema::checked_ruleset const& rules,
                                   dependency_graph const& graph, int unit_kind) {
  if (unit_kind < 0 || unit_kind >= int(rules.unit_kinds.size())) return {};
  auto const& g = graph.g;
  // Every field reachable by `reads` edges from a target or an obligation. A field read only inside
  // an aggregate at a province is still reached, and belongs to the kind it is declared for.
  struct reads_only {
    graph_type const* g = nullptr;
    bool operator()(edge e) const { return (*g)[e].kind == edge_kind::reads; }
  };
  boost::filtered_graph<graph_type, reads_only> reads(g, reads_only{&g});
  std::vector<vertex> roots;
  for (auto kind : {node_kind::target, node_kind::obligation})
    for (auto v : graph.by_kind[std::size_t(kind)]) roots.push_back(v);
  std::set<vertex> found;
  std::vector<boost::default_color_type> color(boost::num_vertices(g), boost::white_color);
  boost::queue<vertex> queue;
  collect_fields visitor;
  visitor.found = &found;
  boost::breadth_first_visit(
      reads, roots.begin(), roots.end(), queue, visitor,
      boost::make_iterator_property_map(color.begin(), boost::get(boost::vertex_index, g)));
  std::vector<int> out;
  for (auto v : found)
    if (g[v].unit_kind == unit_kind) out.push_back(g[v].index);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace chitieu::graph
