// Plan checks over the dependency graph. Each finding is a diagnostic at the declaration it
// concerns; the codes are stable and listed in docs/diagnostics.md.
#include <chitieu/graph/analysis.hpp>

#include <chitieu/date.hpp>
#include <chitieu/language.hpp>

#include "views.hpp"

#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <sstream>
#include <tuple>

namespace chitieu::graph {

namespace {

class checker {
 public:
  checker(sema::checked_ruleset const& rules, dependency_graph const& graph, language lang)
      : rules_(rules), graph_(graph), lang_(lang) {}

  diagnostics run() {
    cycles(edge_kind::depends_on, node_kind::task, "graph.task_cycle",
           say(lang_, "tasks depend on each other in a cycle: {0}"));
    cycles(edge_kind::parent, node_kind::target, "graph.parent_cycle",
           say(lang_, "targets are each other's parent in a cycle: {0}"));
    cycles(edge_kind::implements, node_kind::target, "graph.implements_cycle",
           say(lang_, "targets implement each other in a cycle: {0}"));
    schedule();
    unserved_targets();
    tasks_without_lead();
    idle_agencies();
    weaker_targets();
    std::stable_sort(out_.begin(), out_.end(), [](diagnostic const& a, diagnostic const& b) {
      return std::tie(a.file, a.span.begin) < std::tie(b.file, b.span.begin);
    });
    return std::move(out_);
  }

 private:
  void emit(severity level, char const* code, sema::location const& at, std::string message) {
    out_.push_back(diagnostic{level, code, at.span, std::move(message), at.file});
  }

  std::string const& id(vertex v) const { return graph_.g[v].id; }
  // Dates as their reader writes them: 31/03/2026 in Vietnamese, 2026-03-31 in English.
  std::string date(std::int32_t days) const {
    return lang_ == language::vi ? format_vn_date(days) : format_iso_date(days);
  }

  // `message` is already in the run's language, with {0} where the cycle goes.
  void cycles(edge_kind edges, node_kind nodes, char const* code, std::string const& message) {
    for (auto const& c : detail::find_cycles(graph_.g, edges, nodes)) {
      std::string text;
      for (auto v : c.path) text += id(v) + " → ";
      text += id(c.path.front());
      if (c.members.size() > c.path.size()) {
        std::string others;
        for (auto v : c.members)
          if (std::find(c.path.begin(), c.path.end(), v) == c.path.end()) others += " " + id(v);
        text += say(lang_, " (also caught up in it:{0})", {others});
      }
      emit(severity::error, code, graph_.g[c.path.front()].where, say(lang_, message, {text}));
      for (auto v : c.members)
        if (v != c.path.front())
          emit(severity::note, code, graph_.g[v].where, say(lang_, "{0} is part of that cycle", {id(v)}));
      if (nodes == node_kind::task) task_cycle_found_ = true;
    }
  }

  // The earliest day each task can be finished: not before its own start, nor before everything it
  // comes after. A task due before that day cannot be done as planned.
  void schedule() {
    if (task_cycle_found_) return;  // no order exists; the cycle is the problem to fix first
    auto const view = detail::view_of(graph_.g, edge_kind::depends_on, node_kind::task);
    std::vector<vertex> order;  // prerequisites first: edges point from a task to its prerequisite
    boost::topological_sort(view, std::back_inserter(order));
    constexpr auto open = std::numeric_limits<std::int32_t>::min();
    std::vector<std::int32_t> earliest(rules_.tasks.size(), open);
    for (auto v : order) {
      int t = graph_.g[v].index;
      auto const& task = rules_.tasks[std::size_t(t)];
      std::int32_t e = sema::is_recurring(task.when.kind) ? open : task.when.start;
      for (int p : task.after) e = std::max(e, earliest[std::size_t(p)]);
      earliest[std::size_t(t)] = e;
    }
    for (std::size_t t = 0; t < rules_.tasks.size(); ++t) {
      auto const& task = rules_.tasks[t];
      auto due = detail::fixed_due(task);
      if (!due) continue;
      for (int p : task.after) {
        auto const& before = rules_.tasks[std::size_t(p)];
        auto ready = earliest[std::size_t(p)];
        if (ready != open && ready > *due) {
          emit(severity::error, "graph.schedule_conflict", task.where,
               say(lang_, "task {0} is due {1}, but {2}, which it comes after, cannot finish before {3}",
                   {rules_.qualified_id(task), date(*due), rules_.qualified_id(before), date(ready)}));
        } else if (auto before_due = detail::fixed_due(before); before_due && *before_due > *due) {
          emit(severity::warning, "graph.due_before_prerequisite", task.where,
               say(lang_, "task {0} is due {1}, before {2}, which it comes after, is due {3}",
                   {rules_.qualified_id(task), date(*due), rules_.qualified_id(before), date(*before_due)}));
        }
      }
    }
  }

  // Whether a task serves the target or one of its parents. Each target is settled once, with the
  // chain above it, so a long chain of parents costs its length, not its square or cube.
  bool served(vertex target) const {
    enum : signed char { unknown = -1, no = 0, yes = 1, on_path = 2 };
    if (served_.empty()) served_.assign(boost::num_vertices(graph_.g), unknown);
    std::vector<vertex> path;
    signed char result = no;
    for (std::optional<vertex> v = target; v;) {
      auto known = served_[*v];
      if (known == no || known == yes) {
        result = known;
        break;
      }
      if (known == on_path) break;  // a parent cycle (reported separately): nothing above serves
      served_[*v] = on_path;
      path.push_back(*v);
      bool direct = false;
      for (auto e : boost::make_iterator_range(boost::in_edges(*v, graph_.g)))
        if (graph_.g[e].kind == edge_kind::serves) direct = true;
      if (direct) {
        result = yes;
        break;
      }
      std::optional<vertex> up;
      for (auto e : boost::make_iterator_range(boost::out_edges(*v, graph_.g)))
        if (graph_.g[e].kind == edge_kind::parent) up = boost::target(e, graph_.g);
      v = up;
    }
    for (auto v : path) served_[v] = result;
    return result == yes;
  }

  void unserved_targets() {
    for (std::size_t i = 0; i < rules_.targets.size(); ++i) {
      auto const& t = rules_.targets[i];
      if (served(graph_.vertex_of(node_kind::target, int(i)))) continue;
      emit(severity::warning, "graph.unserved_target", t.where,
           t.parent >= 0 ? say(lang_, "no task serves target {0} or its parent targets", {rules_.qualified_id(t)})
                         : say(lang_, "no task serves target {0}", {rules_.qualified_id(t)}));
    }
  }

  void tasks_without_lead() {
    for (auto const& t : rules_.tasks)
      if (t.lead.empty())
        emit(severity::warning, "graph.task_without_lead", t.where,
             say(lang_, "task {0} has no lead agency", {rules_.qualified_id(t)}));
  }

  void idle_agencies() {
    for (std::size_t i = 0; i < rules_.agencies.size(); ++i) {
      auto v = graph_.vertex_of(node_kind::agency, int(i));
      if (boost::out_degree(v, graph_.g) > 0) continue;
      auto const& a = rules_.agencies[i];
      emit(severity::warning, "graph.idle_agency", a.where,
           say(lang_, "agency {0} neither leads nor coordinates any task, nor monitors a target", {a.id}));
    }
  }

  // ---- weaker than the target implemented ----

  struct interval {
    double lo = -INFINITY, hi = INFINITY;
    bool lo_closed = false, hi_closed = false;
  };

  static interval accepted(sema::milestone const& m) {
    using op = sema::milestone::op;
    switch (m.comparator) {
      case op::ge: return {m.value, INFINITY, true, false};
      case op::gt: return {m.value, INFINITY, false, false};
      case op::le: return {-INFINITY, m.value, false, true};
      case op::lt: return {-INFINITY, m.value, false, false};
      case op::eq: return {m.value, m.value, true, true};
      case op::between: return {m.value, m.upper, true, true};
      case op::approx: return {m.value - m.upper, m.value + m.upper, true, true};
    }
    return {};
  }

  enum class looseness { none, lower_floor, higher_ceiling, comparator };

  std::string reason(looseness why) const {
    switch (why) {
      case looseness::lower_floor: return say(lang_, "lower threshold");
      case looseness::higher_ceiling: return say(lang_, "higher ceiling");
      case looseness::comparator: return say(lang_, "looser comparator");
      case looseness::none: break;
    }
    return "";
  }

  // Whether every value `a` accepts is accepted by `b`, and if not, why not.
  static looseness looser(interval const& a, interval const& b) {
    if (a.lo < b.lo) return looseness::lower_floor;
    if (a.hi > b.hi) return looseness::higher_ceiling;
    if ((a.lo == b.lo && a.lo_closed && !b.lo_closed) ||
        (a.hi == b.hi && a.hi_closed && !b.hi_closed))
      return looseness::comparator;
    return looseness::none;
  }

  static bool same_type(sema::value_type const& a, sema::value_type const& b) {
    return a.kind == b.kind && a.unit == b.unit && a.ladder == b.ladder;
  }

  std::string show_value(double v, sema::value_type const& type) const {
    if (type.kind == sema::value_kind::level && type.ladder >= 0 &&
        type.ladder < int(rules_.ladders.size())) {
      auto const& levels = rules_.ladders[std::size_t(type.ladder)].levels;
      auto i = static_cast<long>(std::lround(v));
      if (i >= 0 && i < long(levels.size())) return levels[std::size_t(i)].id;
    }
    bool percent = type.kind == sema::value_kind::percent;
    std::ostringstream text;
    text.precision(10);
    text << (percent ? v * 100 : v) << (percent ? "%" : "");
    return text.str();
  }

  std::string show(sema::milestone const& m, sema::value_type const& type) const {
    using op = sema::milestone::op;
    std::string value = show_value(m.value, type);
    std::string text;
    switch (m.comparator) {
      case op::ge: text = ">= " + value; break;
      case op::gt: text = "> " + value; break;
      case op::le: text = "<= " + value; break;
      case op::lt: text = "< " + value; break;
      case op::eq: text = "= " + value; break;
      case op::between: text = "between " + value + " and " + show_value(m.upper, type); break;
      case op::approx: text = "approx " + value + " within " + show_value(m.upper, type); break;
    }
    // Written as in the rule file (its keywords are the same in every language), so it can be found there.
    return text + " by " + std::to_string(m.year);
  }

  // A target implementing a higher one must ask at least as much by each year the higher one names,
  // within its own horizon: a plan to 2030 says nothing about the national 2045 milestone.
  void weaker_targets() {
    for (auto const& t : rules_.targets) {
      if (t.milestones.empty()) continue;
      int horizon = t.milestones.back().year;
      for (int u_index : t.implements) {
        if (u_index < 0 || u_index >= int(rules_.targets.size())) continue;
        auto const& u = rules_.targets[std::size_t(u_index)];
        if (!same_type(t.type, u.type)) continue;
        for (auto const& wanted : u.milestones) {
          if (wanted.year > horizon) continue;
          auto const goal = accepted(wanted);
          sema::milestone const* by_then = nullptr;
          for (auto const& m : t.milestones)
            if (m.year <= wanted.year) by_then = &m;
          auto why = by_then ? looser(accepted(*by_then), goal) : looseness::lower_floor;
          if (why == looseness::none) continue;
          sema::milestone const* later = nullptr;
          for (auto const& m : t.milestones)
            if (m.year > wanted.year && looser(accepted(m), goal) == looseness::none) {
              later = &m;
              break;
            }
          auto mine = rules_.qualified_id(t), other = rules_.qualified_id(u);
          std::string theirs = show(wanted, u.type);
          std::string message;
          if (later)
            message = say(lang_, "target {0} is weaker than {1}, which it implements: it reaches {2} against {3} (later year)",
                          {mine, other, show(*later, t.type), theirs});
          else if (!by_then)
            message = say(lang_, "target {0} is weaker than {1}, which it implements: it sets nothing by {2} against {3} (later year)",
                          {mine, other, std::to_string(wanted.year), theirs});
          else
            message = say(lang_, "target {0} is weaker than {1}, which it implements: {2} against {3} ({4})",
                          {mine, other, show(*by_then, t.type), theirs, reason(why)});
          emit(severity::warning, "graph.weaker_than_implemented", t.where, message);
          break;  // one finding per pair is enough to send the reader to the row
        }
      }
    }
  }

  sema::checked_ruleset const& rules_;
  dependency_graph const& graph_;
  language lang_;
  diagnostics out_;
  mutable std::vector<signed char> served_;  // per vertex, filled by served()
  bool task_cycle_found_ = false;
};

}  // namespace

diagnostics check(sema::checked_ruleset const& rules, dependency_graph const& graph, language lang) {
  return checker(rules, graph, lang).run();
}

diagnostics check(sema::checked_ruleset const& rules, language lang) {
  return check(rules, build(rules), lang);
}

}  // namespace chitieu::graph
