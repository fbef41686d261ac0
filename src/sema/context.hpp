// Shared state of one check run: symbol tables and the diagnostic sink. Private to src/sema.
#pragma once
#include <chitieu/language.hpp>
#include <chitieu/sema/check.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <tuple>
#include <string>
#include <utility>

namespace chitieu::sema::detail {

namespace ast = syntax::ast;
namespace x3 = boost::spirit::x3;

struct check_context {
  checked_ruleset rules;
  diagnostics diags;
  std::uint32_t file = 0;  // the file being checked
  language lang = language::vi;  // of every message; the code writes English, `say` gives this language

  std::map<std::string, int, std::less<>> unit_by_id, ladder_by_id, agency_by_id, document_by_id;
  std::map<std::pair<int, std::string>, int> field_by_key;  // (unit kind, id)
  // per document: id -> index
  std::map<std::pair<int, std::string>, int> indicator_by_key, target_by_key, obligation_by_key,
      task_by_key;
  std::map<int, ast::indicator_decl const*> indicator_ast;  // indicator index -> declaration
  std::map<int, std::uint32_t> indicator_file;

  // Per node of rules.nodes: 1 + the depth of its deepest operand. The evaluator and the reports walk
  // expressions recursively, so an expression deeper than this is refused here (sema.too_deep), where
  // the author can see it, rather than overflowing the stack when it is scored.
  static constexpr std::uint32_t max_expression_depth = 512;
  std::vector<std::uint32_t> node_depth;
  // An indicator is typed once per (unit kind, whether `due` is defined) and every later use refers to
  // the same nodes (expressions.cpp), so the node pool grows with the text. What an evaluation walks
  // does not: `i2 = i1 + i1`, `i3 = i2 + i2`, … ("diamonds") share their nodes but the interpreter
  // visits each use, so each node also counts the nodes an evaluation of it visits, and an expression
  // past max_evaluated_nodes is refused here rather than taking hours at every unit when it is scored
  // (the largest shipped rule visits a few dozen). max_nodes bounds the pool itself: a huge rule file.
  static constexpr std::size_t max_nodes = 500'000;
  static constexpr std::uint64_t max_evaluated_nodes = 100'000;
  std::vector<std::uint64_t> node_visits;  // per node: nodes an evaluation of it visits, capped
  bool nodes_exhausted = false;  // reported once; every expression after it is refused

  struct indicator_use {
    int indicator = -1, unit_kind = -1;
    bool due_allowed = false;
    bool operator<(indicator_use const& o) const {
      return std::tie(indicator, unit_kind, due_allowed) < std::tie(o.indicator, o.unit_kind, o.due_allowed);
    }
  };
  struct indicator_expansion {
    int root = -1;                 // -1: it failed, and its errors were reported at its first use
    std::vector<int> indicators;   // what it uses, directly or not, for the using rule's lists
    std::vector<int> fields;
  };
  std::map<indicator_use, indicator_expansion> indicator_expansions;

  /// Adds a node to rules.nodes and returns its index; reports the node where an expression first
  /// grows past max_expression_depth or max_evaluated_nodes.
  int add_node(expr_node n) {
    auto depth_of = [&](int i) { return i < 0 ? 0u : node_depth[static_cast<std::size_t>(i)]; };
    auto visits_of = [&](int i) { return i < 0 ? std::uint64_t(0) : node_visits[static_cast<std::size_t>(i)]; };
    // Past the bound the node is still added (callers hold its index), and indicators stop being
    // expanded (expressions.cpp), so the growth stops with the text.
    if (rules.nodes.size() >= max_nodes && !nodes_exhausted) {
      diags.push_back({severity::error, "sema.too_large", n.where.span,
                       say(lang, "the rules have more than {0} expression nodes", {std::to_string(max_nodes)}),
                       n.where.file});
      nodes_exhausted = true;
    }
    std::uint32_t depth = 1 + std::max(depth_of(n.lhs), depth_of(n.rhs));
    if (depth == max_expression_depth + 1)
      diags.push_back({severity::error, "sema.too_deep", n.where.span,
                       say(lang, "this expression is nested more than {0} levels deep (a chain of that many operators); split it into indicators",
                           {std::to_string(max_expression_depth)}),
                       n.where.file});
    std::uint64_t below = std::max(visits_of(n.lhs), visits_of(n.rhs));
    std::uint64_t visits = std::min(1 + visits_of(n.lhs) + visits_of(n.rhs), max_evaluated_nodes + 1);
    if (visits > max_evaluated_nodes && below <= max_evaluated_nodes)
      diags.push_back({severity::error, "sema.too_large", n.where.span,
                       say(lang, "evaluating this expression visits more than {0} nodes, its indicators written out (an indicator used twice in the next, over and over?)",
                           {std::to_string(max_evaluated_nodes)}),
                       n.where.file});
    rules.nodes.push_back(std::move(n));
    node_depth.push_back(depth);
    node_visits.push_back(visits);
    return static_cast<int>(rules.nodes.size() - 1);
  }

  location at(source_span span) const { return {file, span}; }
  void error(std::string code, source_span span, std::string message) {
    diags.push_back({severity::error, std::move(code), span, std::move(message), file});
  }
  void warning(std::string code, source_span span, std::string message) {
    diags.push_back({severity::warning, std::move(code), span, std::move(message), file});
  }
  void note(location where, std::string code, std::string message) {
    diags.push_back({severity::note, std::move(code), where.span, std::move(message), where.file});
  }
};

/// Expression checking: builds typed nodes in rules.nodes, returns the root or -1 after reporting.
struct expression_scope {
  int unit_kind = -1;
  int document = -1;
  bool due_allowed = false;
  std::vector<int>* indicators_used = nullptr;
  std::vector<int>* fields_read = nullptr;
};
int check_expression(check_context& cx, ast::expr const& e, expression_scope const& scope);

/// The type two operands combine to (as for `+` or a comparison), or nullopt after reporting.
using common_type_fn = std::function<std::optional<value_type>(int, int, source_span)>;
/// `prev`, `has` and the scalar `min`/`max`, over already-typed arguments (src/sema/calls.cpp).
int check_call(check_context& cx, ast::call const& c, std::vector<int> const& args,
               common_type_fn const& common);

/// The unit of a product (or quotient) of values in units `a` and `b`, with common factors cancelled;
/// "" when nothing is left (src/sema/units.cpp).
std::string combine_units(std::string const& a, std::string const& b, bool divide);

/// The type of `rate per N`, where `scale` is the node of N: "sinh viên/người" per 10000 is
/// "sinh viên/10.000 người". Nullopt after reporting `sema.per_scale` or `sema.per_needs_rate`.
std::optional<value_type> scaled_rate(check_context& cx, value_type const& rate, expr_node const& scale,
                                      source_span span);

/// `applies to K1, K2`: the unit kinds, each once; unknown or qualified names are reported.
std::vector<int> resolve_unit_kinds(check_context& cx, ast::names_item const& item);

/// A `check` block: its items were already sorted into allowed ones; fills `out`.
void check_data_check(check_context& cx, ast::block_decl const& decl, int document, data_check& out);

/// Deadlines: resolves a task's `deadline` item; `doc` is the task's document (its date is `issue`).
deadline resolve_deadline(check_context& cx, ast::deadline const& d, document const& doc);
/// An obligation's `every [N] year[s] [from F] [until U]`; `doc` is its document (its year counts N).
void resolve_years(check_context& cx, ast::every_item const& every, document const& doc, obligation& o);
/// `every N years` of a deadline or an obligation: false after reporting N = 0.
bool check_interval(check_context& cx, unsigned n, source_span span, char const* unit);
/// A `from`/`until` year of a recurrence: false after reporting one outside 1900–2200.
bool check_recurrence_year(check_context& cx, unsigned year, source_span span);
/// "25/11" as day and month; false after reporting.
bool resolve_day_month(check_context& cx, ast::slash_lit const& s, unsigned& day, unsigned& month);

std::string quote(std::string_view s);
/// A value type as messages name it ("percent", "a number", "level of muc_do"), in the run's language.
std::string type_name(check_context const& cx, value_type const& t);

/// Visits an x3::variant with a generic lambda (x3's own apply_visitor wants a result_type).
template <typename Visitor, typename Variant>
decltype(auto) visit(Visitor&& v, Variant const& variant) {
  return boost::apply_visitor(std::forward<Visitor>(v), variant.get());
}

}  // namespace chitieu::sema::detail
