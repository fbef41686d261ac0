// Typing expressions: name resolution in a unit kind's scope, indicator expansion, and the unit-of-measure
// rules of docs/language.md §4.
#include <chitieu/date.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "context.hpp"
#include "suggest.hpp"

namespace chitieu::sema::detail {
namespace {

bool is_numeric(value_kind k) {
  return k == value_kind::number || k == value_kind::count || k == value_kind::percent ||
         k == value_kind::money || k == value_kind::rank || k == value_kind::year;
}

bool is_plain_ratio(value_type const& t) { return t.kind == value_kind::number && t.ratio; }


class expression_checker {
 public:
  expression_checker(check_context& cx, expression_scope const& scope) : cx_(cx), scope_(scope) {}

  int expr(ast::expr const& e) {
    int left = operand(e.first);
    for (auto const& op : e.rest) {
      int right = operand(op.rhs);
      if (left < 0 || right < 0) {
        left = -1;
        continue;
      }
      left = binary(op.op, left, right, op.span, e.span);
    }
    return left;
  }

  std::set<int> const& pending_levels() const { return pending_levels_; }

 private:
  check_context& cx_;
  expression_scope scope_;
  static constexpr std::size_t max_indicator_nesting = 64;
  std::vector<int> indicator_stack_;
  int kind_set_ = -1;  // while building the parts of an `A | B` aggregate
  std::set<int> pending_levels_;  // nodes naming a level whose ladder is not known yet
  std::map<int, std::string> level_names_;

  int add(expr_node n) {
    return cx_.add_node(std::move(n));
  }
  expr_node& node(int i) { return cx_.rules.nodes[static_cast<std::size_t>(i)]; }

  int operand(ast::operand const& o) {
    return detail::visit([this](auto const& alt) { return visit(alt); }, o);
  }

  int visit(ast::number_lit const& n) {
    if (!std::isfinite(n.value)) {
      cx_.error("sema.bad_number", n.span, say(cx_.lang, "number is too large"));
      return -1;
    }
    expr_node e;
    e.op = node_op::constant;
    e.number = n.percent ? n.value / 100 : n.value;
    e.type.kind = n.percent ? value_kind::percent : value_kind::number;
    e.type.literal = true;
    e.where = cx_.at(n.span);
    return add(e);
  }
  int visit(ast::bool_lit const& b) {
    expr_node e;
    e.number = b.value ? 1 : 0;
    e.type.kind = value_kind::boolean;
    e.where = cx_.at(b.span);
    return add(e);
  }
  int visit(ast::date_lit const& d) {
    if (!is_valid_date(static_cast<int>(d.year), d.month, d.day)) {
      cx_.error("sema.bad_date", d.span, say(cx_.lang, "not a calendar date"));
      return -1;
    }
    expr_node e;
    e.number = days_from_civil({static_cast<int>(d.year), d.month, d.day});
    e.type.kind = value_kind::date;
    e.where = cx_.at(d.span);
    return add(e);
  }
  int visit(ast::due_ref const& d) {
    if (!scope_.due_allowed) {
      cx_.error("sema.due_outside_obligation", d.span,
                say(cx_.lang, "'due' is only defined in an obligation with a 'due' day"));
      return -1;
    }
    expr_node e;
    e.op = node_op::due_date;
    e.type.kind = value_kind::date;
    e.where = cx_.at(d.span);
    return add(e);
  }
  int visit(x3::forward_ast<ast::expr> const& e) { return expr(e.get()); }
  int visit(x3::forward_ast<ast::prefixed> const& p) {
    int inner = operand(p.get().value);
    if (inner < 0) return -1;
    for (auto it = p.get().ops.rbegin(); it != p.get().ops.rend(); ++it) {
      expr_node e;
      e.lhs = inner;
      e.where = cx_.at(p.get().span);
      if (*it == '!') {
        if (node(inner).type.kind != value_kind::boolean) {
          not_boolean(inner, "'not'");
          return -1;
        }
        e.op = node_op::logical_not;
        e.type.kind = value_kind::boolean;
      } else {
        if (!is_numeric(node(inner).type.kind)) {
          cx_.error("sema.type_mismatch", p.get().span,
                    say(cx_.lang, "cannot negate a value of type {0}", {type_name(cx_, node(inner).type)}));
          return -1;
        }
        e.op = node_op::negate;
        e.type = node(inner).type;
      }
      inner = add(e);
    }
    return inner;
  }

  int visit(ast::qualified_name const& q) {
    if (q.second) {
      auto doc = cx_.document_by_id.find(q.first.text);
      if (doc == cx_.document_by_id.end()) {
        cx_.error("sema.unknown_name", q.first.span, say(cx_.lang, "unknown document {0}", {quote(q.first.text)}));
        suggest(cx_, q.first.text, document_names(cx_));
        return -1;
      }
      auto ind = cx_.indicator_by_key.find({doc->second, q.second->text});
      if (ind == cx_.indicator_by_key.end()) {
        cx_.error("sema.unknown_name", q.second->span,
                  say(cx_.lang, "document {0} has no indicator {1}", {quote(q.first.text), quote(q.second->text)}));
        suggest(cx_, q.second->text, names_in_document(cx_.indicator_by_key, doc->second));
        return -1;
      }
      return expand_indicator(ind->second, q.span);
    }
    std::string const& name = q.first.text;
    auto f = cx_.field_by_key.find({scope_.unit_kind, name});
    if (f != cx_.field_by_key.end()) return field_node(f->second, q.span);
    auto ind = cx_.indicator_by_key.find({scope_.document, name});
    if (ind != cx_.indicator_by_key.end()) return expand_indicator(ind->second, q.span);
    for (auto const& ladder : cx_.rules.ladders)
      for (auto const& lv : ladder.levels)
        if (lv.id == name) {
          expr_node e;
          e.type.kind = value_kind::level;
          e.where = cx_.at(q.span);
          int i = add(e);
          pending_levels_.insert(i);
          level_names_[i] = name;
          return i;
        }
    auto const& kind = cx_.rules.unit_kinds[static_cast<std::size_t>(scope_.unit_kind)];
    cx_.error("sema.unknown_name", q.span,
              say(cx_.lang, "unknown name {0}: not a field of {1}, nor an indicator of this document", {quote(name), kind.id}));
    suggest_expression_name(cx_, name, scope_.unit_kind, scope_.document);
    return -1;
  }

  int field_node(int index, source_span span) {
    auto const& f = cx_.rules.fields[static_cast<std::size_t>(index)];
    if (f.type.kind == value_kind::text) {
      cx_.error("sema.text_in_expression", span,
                say(cx_.lang, "text field {0} cannot be computed on", {quote(f.id)}));
      return -1;
    }
    if (scope_.fields_read &&
        std::find(scope_.fields_read->begin(), scope_.fields_read->end(), index) ==
            scope_.fields_read->end())
      scope_.fields_read->push_back(index);
    expr_node e;
    e.op = node_op::field;
    e.slot = f.slot;
    e.field = index;
    e.type = f.type;
    e.where = cx_.at(span);
    return add(e);
  }

  int expand_indicator(int index, source_span span) {
    if (std::find(indicator_stack_.begin(), indicator_stack_.end(), index) !=
        indicator_stack_.end()) {
      std::string cycle;
      for (int i : indicator_stack_)
        cycle += cx_.rules.indicators[static_cast<std::size_t>(i)].id + " -> ";
      cycle += cx_.rules.indicators[static_cast<std::size_t>(index)].id;
      cx_.error("sema.indicator_cycle", span, say(cx_.lang, "indicators depend on each other: {0}", {cycle}));
      return -1;
    }
    // Each indicator inside another is checked inside its check: a bound keeps the checker's own stack
    // safe (an alias chain `i2 = i1` adds no node, so the expression's depth would not catch it).
    if (cx_.nodes_exhausted) return -1;  // said once already; expanding further would only repeat it
    if (indicator_stack_.size() >= max_indicator_nesting) {
      cx_.error("sema.too_deep", span,
                say(cx_.lang, "indicators are nested more than {0} deep here", {std::to_string(max_indicator_nesting)}));
      return -1;
    }
    note_used(scope_.indicators_used, index);
    // Typed once per unit kind (and whether `due` is defined), then shared: a use refers to the nodes
    // of the first, so the pool grows with the text rather than with the uses (context.hpp).
    check_context::indicator_use key{index, scope_.unit_kind, scope_.due_allowed};
    if (auto done = cx_.indicator_expansions.find(key); done != cx_.indicator_expansions.end()) {
      for (int i : done->second.indicators) note_used(scope_.indicators_used, i);
      for (int f : done->second.fields) note_used(scope_.fields_read, f);
      return done->second.root;
    }
    auto const* decl = cx_.indicator_ast.at(index);
    // The indicator's text lives in its own file; diagnostics inside it point there. What it reads is
    // gathered apart, to be given to every rule that uses it.
    check_context::indicator_expansion expansion;
    auto saved_file = cx_.file;
    auto saved_scope = scope_;
    cx_.file = cx_.indicator_file.at(index);
    scope_.document = cx_.rules.indicators[static_cast<std::size_t>(index)].document;
    scope_.indicators_used = &expansion.indicators;
    scope_.fields_read = &expansion.fields;
    auto first_node = static_cast<int>(cx_.rules.nodes.size());
    indicator_stack_.push_back(index);
    int root = expr(decl->value);
    indicator_stack_.pop_back();
    cx_.file = saved_file;
    scope_ = saved_scope;
    for (int i : expansion.indicators) note_used(scope_.indicators_used, i);
    for (int f : expansion.fields) note_used(scope_.fields_read, f);
    // A level name still waiting for the ladder of what it is compared with takes it from this use, so
    // its node cannot be shared (an indicator that is a bare level name, rare). A failure is kept too:
    // its errors were said, and a diamond of failing indicators must not say them twice per level.
    bool settled = std::none_of(pending_levels_.begin(), pending_levels_.end(), [&](int n) { return n >= first_node; });
    if (settled && !cx_.nodes_exhausted) {
      expansion.root = root;
      cx_.indicator_expansions.emplace(key, std::move(expansion));
    }
    return root;
  }

  static void note_used(std::vector<int>* list, int index) {
    if (list && std::find(list->begin(), list->end(), index) == list->end()) list->push_back(index);
  }

  int visit(x3::forward_ast<ast::aggregate> const& a_) {
    auto const& a = a_.get();
    // `min(x, y)` where x is not a unit kind: the scalar minimum of two values.
    bool scalar = (a.kind == ast::aggregate_kind::min || a.kind == ast::aggregate_kind::max) &&
                  a.unit_kinds.size() == 1 && !a.filter && a.value &&
                  !cx_.unit_by_id.count(a.unit_kinds.front().text);
    if (scalar && !names_value(a.unit_kinds.front().text)) {
      auto const& kind = cx_.rules.unit_kinds[static_cast<std::size_t>(scope_.unit_kind)];
      cx_.error("sema.unknown_name", a.unit_kinds.front().span,
                say(cx_.lang, "unknown name {0}: not a unit kind, nor a field of {1} or an indicator of this document",
                    {quote(a.unit_kinds.front().text), kind.id}));
      return -1;
    }
    if (scalar) {
      ast::qualified_name first;
      first.first = a.unit_kinds.front();
      first.span = first.first.span;
      int left = visit(first);
      int right = left < 0 ? -1 : expr(*a.value);
      if (right < 0) return -1;
      ast::call c;
      c.span = a.span;
      c.kind = a.kind == ast::aggregate_kind::min ? ast::call_kind::min : ast::call_kind::max;
      return call_node(c, {left, right});
    }
    if (a.unit_kinds.size() == 1) return aggregate_over(a, a.unit_kinds.front(), a.kind, false);
    return aggregate_over_kinds(a);
  }

  /// One unit kind. `build` may differ from `a.kind` when several kinds are combined: a share is then
  /// counted (`count_true` counts the units where filter and value hold).
  int aggregate_over(ast::aggregate const& a, ast::name const& kind_name, ast::aggregate_kind build,
                     bool count_true) {
    auto kind = cx_.unit_by_id.find(kind_name.text);
    if (kind == cx_.unit_by_id.end()) {
      cx_.error("sema.unknown_name", kind_name.span, say(cx_.lang, "unknown unit kind {0}", {quote(kind_name.text)}));
      suggest(cx_, kind_name.text, unit_kind_names(cx_));
      return -1;
    }
    expression_scope inner = scope_;
    inner.unit_kind = kind->second;
    expression_checker sub(cx_, inner);
    sub.indicator_stack_ = indicator_stack_;
    expr_node e;
    e.unit_kind = kind->second;
    e.kind_set = kind_set_;
    e.where = cx_.at(a.span);
    bool ok = true;
    if (a.filter) {
      e.lhs = sub.expr(*a.filter);
      if (e.lhs < 0) ok = false;
      else if (node(e.lhs).type.kind != value_kind::boolean) {
        not_boolean(e.lhs, "'where'");
        ok = false;
      }
    }
    if (a.value) {
      e.rhs = sub.expr(*a.value);
      if (e.rhs < 0) ok = false;
    }
    merge_pending(sub);
    if (!ok) return -1;
    auto const& counted = cx_.rules.unit_kinds[static_cast<std::size_t>(kind->second)].counted;
    bool wants_value = a.kind != ast::aggregate_kind::count;
    if (wants_value != (e.rhs >= 0)) {
      cx_.error("sema.aggregate_arguments", a.span,
                wants_value ? say(cx_.lang, "this aggregate needs a value after ','")
                            : say(cx_.lang, "count takes no value; use 'where' to filter"));
      return -1;
    }
    bool wants_bool = a.kind == ast::aggregate_kind::share || a.kind == ast::aggregate_kind::all ||
                      a.kind == ast::aggregate_kind::any;
    if (e.rhs >= 0) {
      auto const& vt = node(e.rhs).type;
      if (wants_bool && vt.kind != value_kind::boolean) {
        not_boolean(e.rhs, say(cx_.lang, "this aggregate's condition"));
        return -1;
      }
      if (!wants_bool && !is_numeric(vt.kind)) {
        cx_.error("sema.type_mismatch", node(e.rhs).where.span,
                  say(cx_.lang, "cannot aggregate values of type {0}", {type_name(cx_, vt)}));
        return -1;
      }
    }
    if (count_true) {  // units where the filter and the condition both hold
      if (e.lhs >= 0) {
        expr_node both;
        both.op = node_op::logical_and;
        both.lhs = e.lhs;
        both.rhs = e.rhs;
        both.type.kind = value_kind::boolean;
        both.where = e.where;
        e.lhs = add(both);
      } else {
        e.lhs = e.rhs;
      }
      e.rhs = -1;
    } else if (build == ast::aggregate_kind::count) {
      e.rhs = -1;
    }
    switch (count_true ? ast::aggregate_kind::count : build) {
      case ast::aggregate_kind::count:
        e.op = node_op::agg_count;
        e.type = {value_kind::count, counted, -1, false};
        break;
      case ast::aggregate_kind::sum: e.op = node_op::agg_sum; e.type = node(e.rhs).type; break;
      case ast::aggregate_kind::avg: e.op = node_op::agg_avg; e.type = node(e.rhs).type; break;
      case ast::aggregate_kind::min: e.op = node_op::agg_min; e.type = node(e.rhs).type; break;
      case ast::aggregate_kind::max: e.op = node_op::agg_max; e.type = node(e.rhs).type; break;
      case ast::aggregate_kind::share:
        e.op = node_op::agg_share;
        e.type = {value_kind::percent, "", -1, false};
        break;
      case ast::aggregate_kind::all: e.op = node_op::agg_all; e.type.kind = value_kind::boolean; break;
      case ast::aggregate_kind::any: e.op = node_op::agg_any; e.type.kind = value_kind::boolean; break;
    }
    e.type.literal = false;
    return add(e);
  }

  /// `share(vocational_school | college where cong_lap, dat_chuan)`: the units of every kind listed,
  /// as one set. Built from one aggregate per kind, combined with + and /, and/or.
  int aggregate_over_kinds(ast::aggregate const& a) {
    using K = ast::aggregate_kind;
    if (a.kind == K::min || a.kind == K::max) {
      cx_.error("sema.aggregate_arguments", a.span, say(cx_.lang, "min and max take one unit kind"));
      return -1;
    }
    auto combine = [&](node_op op, int left, int right, value_type type) {
      if (left < 0) return right;
      expr_node e;
      e.op = op;
      e.lhs = left;
      e.rhs = right;
      e.type = type;
      e.where = cx_.at(a.span);
      return add(e);
    };
    // The kinds form one set of units: a kind with none listed is empty when the others have some.
    std::vector<int> kinds;
    for (auto const& k : a.unit_kinds)
      if (auto found = cx_.unit_by_id.find(k.text); found != cx_.unit_by_id.end()) kinds.push_back(found->second);
    kind_set_ = static_cast<int>(cx_.rules.kind_sets.size());
    cx_.rules.kind_sets.push_back(kinds);
    struct reset {
      int& v;
      ~reset() { v = -1; }
    } reset_kind_set{kind_set_};
    int top = -1, bottom = -1;
    value_type top_type, count_type{value_kind::count, "", -1, false, false};
    std::string noun;
    for (std::size_t i = 0; i < a.unit_kinds.size(); ++i) {
      auto const& k = a.unit_kinds[i];
      auto found = cx_.unit_by_id.find(k.text);
      std::string counted = found == cx_.unit_by_id.end() ? "" : cx_.rules.unit_kinds[found->second].counted;
      noun = i == 0 ? counted : (noun == counted ? noun : "đơn vị");
      count_type.unit = noun;
      switch (a.kind) {
        case K::count: {
          int part = aggregate_over(a, k, K::count, false);
          if (part < 0) return -1;
          top = combine(node_op::add, top, part, count_type);
          break;
        }
        case K::sum:
        case K::avg: {
          int part = aggregate_over(a, k, K::sum, false);
          if (part < 0) return -1;
          auto const& t = node(part).type;
          if (i > 0 && (t.kind != top_type.kind || t.unit != top_type.unit)) {
            cx_.error("sema.unit_mismatch", a.span, say(cx_.lang, "the value has different units in different unit kinds"));
            return -1;
          }
          top_type = t;
          top = combine(node_op::add, top, part, top_type);
          if (a.kind == K::avg) {
            int n = aggregate_over(a, k, K::count, false);
            if (n < 0) return -1;
            bottom = combine(node_op::add, bottom, n, count_type);
          }
          break;
        }
        case K::share: {
          int yes = aggregate_over(a, k, K::count, true);
          int all = yes < 0 ? -1 : aggregate_over(a, k, K::count, false);
          if (all < 0) return -1;
          top = combine(node_op::add, top, yes, count_type);
          bottom = combine(node_op::add, bottom, all, count_type);
          break;
        }
        case K::all:
        case K::any: {
          int part = aggregate_over(a, k, a.kind, false);
          if (part < 0) return -1;
          value_type b{value_kind::boolean, "", -1, false, false};
          top = combine(a.kind == K::all ? node_op::logical_and : node_op::logical_or, top, part, b);
          break;
        }
        default: return -1;
      }
    }
    if (a.kind == K::share) {
      node(top).type = count_type;
      return combine(node_op::div, top, bottom, value_type{value_kind::percent, "", -1, false, false});
    }
    if (a.kind == K::avg) return combine(node_op::div, top, bottom, top_type);
    return top;
  }

  int visit(x3::forward_ast<ast::call> const& c_) {
    std::vector<int> args;
    for (auto const& a : c_.get().arguments) {
      int i = expr(a);
      if (i < 0) return -1;
      args.push_back(i);
    }
    return call_node(c_.get(), args);
  }

  /// Whether a bare name is a field or an indicator here.
  bool names_value(std::string const& name) const {
    return cx_.field_by_key.count({scope_.unit_kind, name}) || cx_.indicator_by_key.count({scope_.document, name});
  }

  int call_node(ast::call const& c, std::vector<int> const& args) {
    return check_call(cx_, c, args,
                      [this](int a, int b, source_span span) { return common_type(a, b, span); });
  }

  int visit(x3::forward_ast<ast::function_call> const& f_) {
    auto const& f = f_.get();
    int arg = expr(f.argument);
    if (arg < 0) return -1;
    if (!is_numeric(node(arg).type.kind)) {
      cx_.error("sema.type_mismatch", f.argument.span,
                say(cx_.lang, "growth and cumulative need a number, not {0}", {type_name(cx_, node(arg).type)}));
      return -1;
    }
    if (f.from_year && (*f.from_year < 1900 || *f.from_year > 2200)) {
      cx_.error("sema.bad_period", f.span, say(cx_.lang, "year out of range 1900–2200"));
      return -1;
    }
    expr_node e;
    e.lhs = arg;
    e.where = cx_.at(f.span);
    e.from_year = f.from_year ? static_cast<int>(*f.from_year) : 0;
    if (f.kind == ast::function_kind::growth) {
      e.op = node_op::growth;
      e.type = {value_kind::percent, "", -1, false};
    } else {
      if (!f.from_year) {
        cx_.error("sema.function_arguments", f.span, say(cx_.lang, "cumulative needs ', from YEAR'"));
        return -1;
      }
      e.op = node_op::cumulative;
      e.type = node(arg).type;
      e.type.literal = false;
    }
    return add(e);
  }

  void merge_pending(expression_checker const& sub) {
    for (int i : sub.pending_levels_) {
      pending_levels_.insert(i);
      level_names_[i] = sub.level_names_.at(i);
    }
  }

  void not_boolean(int i, std::string const& where) {
    cx_.error("sema.not_boolean", node(i).where.span,
              say(cx_.lang, "{0} needs a yes/no condition, not {1}", {where, type_name(cx_, node(i).type)}));
  }

  /// Gives a pending level name the ladder of the other operand.
  bool settle_level(int level_node, value_type const& other) {
    if (!pending_levels_.count(level_node)) return true;
    auto& n = node(level_node);
    if (other.kind != value_kind::level || other.ladder < 0) {
      cx_.error("sema.type_mismatch", n.where.span,
                say(cx_.lang, "level {0} compared with {1}", {quote(level_names_[level_node]), type_name(cx_, other)}));
      return false;
    }
    auto const& ladder = cx_.rules.ladders[static_cast<std::size_t>(other.ladder)];
    for (std::size_t i = 0; i < ladder.levels.size(); ++i)
      if (ladder.levels[i].id == level_names_[level_node]) {
        n.number = static_cast<double>(i);
        n.type = other;
        pending_levels_.erase(level_node);
        return true;
      }
    cx_.error("sema.unknown_level", n.where.span,
              say(cx_.lang, "ladder {0} has no level {1}", {quote(ladder.id), quote(level_names_[level_node])}));
    suggest(cx_, level_names_[level_node], level_names(cx_, other.ladder));
    return false;
  }

  /// The type that results from combining a and b with +, - or a comparison, or nullopt after
  /// reporting why they do not combine.
  std::optional<value_type> common_type(int a, int b, source_span span) {
    value_type const& ta = node(a).type;
    value_type const& tb = node(b).type;
    if (ta.kind == value_kind::level || tb.kind == value_kind::level) {
      if (!settle_level(a, tb) || !settle_level(b, node(a).type)) return std::nullopt;
      if (node(a).type.ladder != node(b).type.ladder) {
        cx_.error("sema.type_mismatch", span, say(cx_.lang, "levels of different ladders are not comparable"));
        return std::nullopt;
      }
      return node(a).type;
    }
    if (ta.kind == value_kind::boolean || tb.kind == value_kind::boolean ||
        ta.kind == value_kind::date || tb.kind == value_kind::date) {
      if (ta.kind == tb.kind) return ta;
      mismatch(span, ta, tb);
      return std::nullopt;
    }
    if (ta.literal && tb.literal) return ta.kind == value_kind::percent ? ta : tb;
    if (ta.literal || tb.literal) {
      value_type const& lit = ta.literal ? ta : tb;
      value_type const& other = ta.literal ? tb : ta;
      if (other.kind == value_kind::percent && lit.kind != value_kind::percent) {
        auto const& n = node(ta.literal ? a : b);
        cx_.error("sema.percent_literal", n.where.span,
                  percent_literal_message(cx_.lang, true,
                                          n.op == node_op::constant ? std::optional<double>(n.number)
                                                                    : std::nullopt));
        return std::nullopt;
      }
      if (lit.kind == value_kind::percent && other.kind != value_kind::percent &&
          !is_plain_ratio(other)) {
        mismatch(span, ta, tb);
        return std::nullopt;
      }
      return other;
    }
    if (ta.kind == tb.kind) {
      if (ta.unit != tb.unit) {
        cx_.error("sema.unit_mismatch", span,
                  say(cx_.lang, "units differ: {0} and {1}", {type_name(cx_, ta), type_name(cx_, tb)}));
        return std::nullopt;
      }
      return ta;
    }
    if ((ta.kind == value_kind::percent && is_plain_ratio(tb)) ||
        (tb.kind == value_kind::percent && is_plain_ratio(ta)))
      return value_type{value_kind::percent, "", -1, false, false};
    mismatch(span, ta, tb);
    return std::nullopt;
  }

  void mismatch(source_span span, value_type const& a, value_type const& b) {
    cx_.error("sema.type_mismatch", span,
              say(cx_.lang, "cannot combine {0} with {1}", {type_name(cx_, a), type_name(cx_, b)}));
  }

  int binary(ast::binary_op op, int a, int b, source_span op_span, source_span whole) {
    expr_node e;
    e.lhs = a;
    e.rhs = b;
    auto const& left = cx_.rules.nodes[static_cast<std::size_t>(a)].where.span;
    auto const& right = cx_.rules.nodes[static_cast<std::size_t>(b)].where.span;
    // From the left operand to the right one, when both are written here; an operand that is an
    // indicator is written elsewhere (its nodes are shared by every use), and then the operator says
    // where this use is.
    auto written_here = [&](int i) {
      auto const& w = cx_.rules.nodes[static_cast<std::size_t>(i)].where;
      return w.file == cx_.file && w.span.begin >= whole.begin && w.span.end <= whole.end;
    };
    source_span span = op_span;
    if (written_here(a) && written_here(b)) span = {std::min(left.begin, right.begin), std::max(left.end, right.end)};
    e.where = cx_.at(span);
    switch (op) {
      case ast::binary_op::or_:
      case ast::binary_op::and_:
        for (int i : {a, b})
          if (node(i).type.kind != value_kind::boolean) {
            not_boolean(i, op == ast::binary_op::or_ ? "'or'" : "'and'");
            return -1;
          }
        e.op = op == ast::binary_op::or_ ? node_op::logical_or : node_op::logical_and;
        e.type.kind = value_kind::boolean;
        return add(e);
      case ast::binary_op::eq:
      case ast::binary_op::ne:
      case ast::binary_op::lt:
      case ast::binary_op::le:
      case ast::binary_op::gt:
      case ast::binary_op::ge: {
        if (!common_type(a, b, span)) return -1;
        if (node(a).type.kind == value_kind::boolean && op != ast::binary_op::eq &&
            op != ast::binary_op::ne) {
          cx_.error("sema.type_mismatch", span, say(cx_.lang, "yes/no values are only compared with = or !="));
          return -1;
        }
        static constexpr node_op ops[] = {node_op::eq, node_op::ne, node_op::lt,
                                          node_op::le, node_op::gt, node_op::ge};
        e.op = ops[static_cast<int>(op) - static_cast<int>(ast::binary_op::eq)];
        e.type.kind = value_kind::boolean;
        return add(e);
      }
      case ast::binary_op::add:
      case ast::binary_op::sub: {
        for (int i : {a, b})
          if (!is_numeric(node(i).type.kind)) {
            cx_.error("sema.type_mismatch", node(i).where.span,
                      say(cx_.lang, "cannot add or subtract {0}", {type_name(cx_, node(i).type)}));
            return -1;
          }
        auto t = common_type(a, b, span);
        if (!t) return -1;
        e.op = op == ast::binary_op::add ? node_op::add : node_op::sub;
        e.type = *t;
        e.type.literal = node(a).type.literal && node(b).type.literal;
        return add(e);
      }
      case ast::binary_op::mul:
      case ast::binary_op::div: {
        for (int i : {a, b})
          if (!is_numeric(node(i).type.kind)) {
            cx_.error("sema.type_mismatch", node(i).where.span,
                      say(cx_.lang, "cannot multiply or divide {0}", {type_name(cx_, node(i).type)}));
            return -1;
          }
        e.op = op == ast::binary_op::mul ? node_op::mul : node_op::div;
        e.type = product_type(op == ast::binary_op::div, node(a).type, node(b).type);
        // Each product carries its unit in full ("đồng·đồng·…"), so a long product, or a diamond of
        // indicators multiplying the previous one by itself, would double it at every step.
        if (unit_factors(e.type.unit) > max_unit_factors) {
          cx_.error("sema.unit_too_complex", span,
                    say(cx_.lang, "the unit of this product has more than {0} factors", {std::to_string(max_unit_factors)}));
          return -1;
        }
        return add(e);
      }
      case ast::binary_op::per: {
        // A rate per N people is the rate times N, in a unit that says so.
        auto t = scaled_rate(cx_, node(a).type, node(b), span);
        if (!t) return -1;
        e.op = node_op::mul;
        e.type = *t;
        return add(e);
      }
    }
    return -1;
  }

  // Real units have two or three factors ("người·năm/giáo viên").
  static constexpr std::size_t max_unit_factors = 12;
  static std::size_t unit_factors(std::string const& unit) {
    if (unit.empty()) return 0;
    std::size_t n = 1;
    for (std::size_t at = unit.find("·"); at != std::string::npos; at = unit.find("·", at + 1)) ++n;
    return n + static_cast<std::size_t>(std::count(unit.begin(), unit.end(), '/'));
  }

  static std::string unit_of(value_type const& t) {
    if (!t.unit.empty()) return t.unit;
    switch (t.kind) {
      case value_kind::money: return "đồng";
      case value_kind::percent: return "%";
      default: return "";
    }
  }

  static value_type product_type(bool divide, value_type const& a, value_type const& b) {
    // A percent scales what it multiplies: 40% of 1000 người is 400 người.
    bool a_scalar = a.literal || is_plain_ratio(a) || (!divide && a.kind == value_kind::percent);
    bool b_scalar = b.literal || is_plain_ratio(b) || (!divide && b.kind == value_kind::percent);
    if (b_scalar && !(a.literal && !b.literal)) {
      value_type t = a;
      t.literal = a.literal && b.literal;
      return t;
    }
    if (a_scalar && !divide) return b;
    value_type t{value_kind::number, "", -1, false, false};
    if (divide && a.kind == b.kind && a.unit == b.unit) {  // a plain ratio
      t.ratio = true;
      return t;
    }
    // Units multiply and divide as on paper; what cancels completely is a plain ratio.
    t.unit = combine_units(unit_of(a), unit_of(b), divide);
    if (t.unit.empty() && (divide || (!unit_of(a).empty() && !unit_of(b).empty()))) t.ratio = true;
    return t;
  }
};

}  // namespace

int check_expression(check_context& cx, ast::expr const& e, expression_scope const& scope) {
  expression_checker checker(cx, scope);
  int root = checker.expr(e);
  for (int i : checker.pending_levels()) {
    cx.error("sema.unknown_name", cx.rules.nodes[static_cast<std::size_t>(i)].where.span,
             say(cx.lang, "a level is only meaningful compared with a value of its ladder"));
    root = -1;
  }
  return root;
}

std::string quote(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string type_name(check_context const& cx, value_type const& t) {
  // The type keywords of the rule language (percent, count, money…) stay as written in every language.
  switch (t.kind) {
    case value_kind::number:
      if (t.literal) return say(cx.lang, "a number");
      if (t.ratio) return say(cx.lang, "a ratio");
      break;
    case value_kind::boolean: return say(cx.lang, "yes/no");
    case value_kind::level:
      if (t.ladder >= 0) return say(cx.lang, "level of {0}", {cx.rules.ladders[static_cast<std::size_t>(t.ladder)].id});
      break;
    default: break;
  }
  return describe(t, cx.rules);
}

}  // namespace chitieu::sema::detail
