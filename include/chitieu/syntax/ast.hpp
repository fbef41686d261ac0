/// @file
/// The syntax tree of a rule file: plain structs with byte spans. No grammar here; everyone may include it.
#pragma once
#include <chitieu/source.hpp>

#include <boost/spirit/home/x3/support/ast/variant.hpp>
#include <optional>
#include <string>
#include <vector>

namespace chitieu::syntax::ast {
namespace x3 = boost::spirit::x3;

/// Every node a diagnostic can point at. The parser fills `span`; the grammar never does.
struct node {
  source_span span;
};

struct name : node {
  std::string text;
};

/// `T1` or `bn_ctr04.T1`.
struct qualified_name : node {
  name first;
  std::optional<name> second;
};

struct string_lit : node {
  std::string value;
};

struct number_lit : node {
  double value = 0;
  bool percent = false;  // written with a trailing '%'
};

struct bool_lit : node {
  bool value = false;
};

struct date_lit : node {
  unsigned year = 0, month = 0, day = 0;
};

/// `due` inside an obligation's expression: that year's due date.
struct due_ref : node {
  bool present = true;
};

// ---- expressions (calc9 shape: each precedence level is a first operand and a chain) ----

enum class binary_op { or_, and_, eq, ne, lt, le, gt, ge, add, sub, mul, div, per };  // `a / b per 10000`
enum class aggregate_kind { count, sum, avg, min, max, share, all, any };
enum class function_kind { growth, cumulative };
/// `prev(x [, N])`, `has(x)`, and the scalar `min(a, b)` / `max(a, b)`.
enum class call_kind { prev, has, min, max };

struct expr;
struct aggregate;
struct function_call;
struct call;
struct prefixed;

struct operand : x3::variant<number_lit, bool_lit, date_lit, due_ref, x3::forward_ast<aggregate>,
                             x3::forward_ast<function_call>, x3::forward_ast<call>, qualified_name,
                             x3::forward_ast<prefixed>, x3::forward_ast<expr>> {
  using base_type::base_type;
  using base_type::operator=;
};

struct operation : node {
  binary_op op{};
  operand rhs;
};

struct expr : node {
  operand first;
  std::vector<operation> rest;
};

/// Prefix operators, kept flat so that `not not not …` never recurses: each char is '!' or '-'.
struct prefixed : node {
  std::string ops;
  operand value;
};

struct aggregate : node {
  aggregate_kind kind{};
  std::vector<name> unit_kinds;  // `share(vocational_school | college, …)` spans several kinds
  std::optional<expr> filter;
  std::optional<expr> value;
};

struct function_call : node {
  function_kind kind{};
  expr argument;
  std::optional<unsigned> from_year;
};

/// A call whose arguments are all expressions; the checker counts them (`sema.function_arguments`).
struct call : node {
  call_kind kind{};
  std::vector<expr> arguments;
};

// ---- values, periods, milestones ----

/// A milestone or baseline value: a number (maybe a percent) or a ladder level.
struct value_lit : x3::variant<number_lit, name> {
  using base_type::base_type;
  using base_type::operator=;
};

struct quarter_lit : node {
  unsigned quarter = 0, year = 0;
};
/// `12/2025` (month/year) or `25/11` (day/month); the checker tells which by the size of `second`.
struct slash_lit : node {
  unsigned first = 0, second = 0;
};
struct year_lit : node {
  unsigned year = 0;
  bool present = true;
};

struct period : x3::variant<date_lit, quarter_lit, slash_lit, year_lit> {
  using base_type::base_type;
  using base_type::operator=;
};

enum class deadline_kind { ongoing, by, during, from, yearly, monthly, quarterly, within };

/// `by P`, `during P`, `from P [to Q]`; the recurring `every month by D`, `every quarter by D`,
/// `every [N years | year] by DD/MM [from YYYY]` (first: DD/MM, second: the from year); and
/// `within N days of (issue | DATE)` (first: the date, none for the document's own date).
struct deadline : node {
  deadline_kind kind{};
  unsigned count = 1;  // N of `every N years` and of `within N days`
  unsigned day = 0;    // D of `every month by D` and `every quarter by D`
  std::optional<period> first;
  std::optional<period> second;
};

enum class milestone_op { ge, gt, le, lt, eq, between, approx };

struct milestone : node {
  milestone_op op{};
  value_lit value;
  std::optional<value_lit> second;  // upper bound of `between`, tolerance of `approx`
  unsigned year = 0;
};

// ---- items inside target / obligation / task blocks ----

enum class text_key { cite, group, note, output };
enum class names_key { applies, parent, implements, lead, support, after, serves, restates, monitor };
enum class expr_key { measure, require };

struct text_item : node {
  text_key key{};
  string_lit value;
};
struct names_item : node {
  names_key key{};
  std::vector<qualified_name> names;
};
struct expr_item : node {
  expr_key key{};
  expr value;
};
struct weight_item : node {
  number_lit value;
};
struct baseline_item : node {
  value_lit value;
  unsigned year = 0;
};
/// `every year` or `every N years`, with optional `from` and `until` years.
struct every_item : node {
  unsigned interval = 1;
  std::optional<unsigned> from;
  std::optional<unsigned> until;
};
struct due_item : node {
  slash_lit day_month;
};
struct deadline_item : node {
  deadline value;
};
/// `severity error` or `severity warning` in a check.
struct severity_item : node {
  bool warning = false;
};
/// `allow graph.unserved_target "reason"`: a warning about this declaration that the plan intends.
struct allow_item : node {
  qualified_name code;
  string_lit reason;
};

struct item : x3::variant<text_item, names_item, expr_item, weight_item, baseline_item, milestone,
                          every_item, due_item, deadline_item, severity_item, allow_item> {
  using base_type::base_type;
  using base_type::operator=;
};

// ---- declarations ----

enum class document_key { number, kind, issuer, province, title, signer, date, implements, replaces,
                          level, monitor };

struct document_item : node {
  document_key key{};
  std::vector<string_lit> texts;  // number … implements, replaces
  std::optional<date_lit> date;   // date
  std::vector<name> names;        // level, monitor
};
struct document_decl : node {
  name id;
  std::vector<document_item> items;
};
struct agency_decl : node {
  name id;
  string_lit title;
  std::optional<name> level;
  std::vector<allow_item> allows;
};
struct unit_decl : node {
  name id;
  string_lit title;
  std::optional<string_lit> counted;
};
struct level_decl : node {
  name id;
  string_lit title;
};
struct ladder_decl : node {
  name id;
  string_lit title;
  std::vector<level_decl> levels;
};

enum class type_kind { number, count, percent, money, boolean, year, date, rank, text, level };

struct type_spec : node {
  type_kind kind{};
  std::optional<string_lit> unit_of;  // `count of "phòng"`
  std::optional<name> ladder;         // `level muc_do`
};
struct field_decl : node {
  name unit_kind;
  name id;
  type_spec type;
  string_lit label;
};
struct indicator_decl : node {
  name id;
  std::optional<string_lit> title;
  expr value;
};

enum class block_kind { target, obligation, task, check };

struct block_decl : node {
  block_kind kind{};
  name id;
  string_lit title;
  std::vector<item> items;
};

struct declaration : x3::variant<document_decl, agency_decl, unit_decl, ladder_decl, field_decl,
                                 indicator_decl, block_decl> {
  using base_type::base_type;
  using base_type::operator=;
};

struct rule_file {
  std::vector<declaration> declarations;
};

}  // namespace chitieu::syntax::ast
