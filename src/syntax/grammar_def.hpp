// Rule definitions of the rule language. Included by grammar.cpp ONLY (BOOST_SPIRIT_DEFINE lives here).
// Display names of rules are user-facing English: they appear in "expected …" messages.
#pragma once
#include "ast_adapted.hpp"
#include "grammar.hpp"
#include "handlers.hpp"
#include "lexemes.hpp"

namespace chitieu::syntax::detail {
using x3::attr;
using x3::lit;
using x3::uint_;

// ---- rule IDs: annotate_span records spans; errors are handled at the declaration only ----
struct name_class : annotate_span {};
struct expr_name_class : annotate_span {};
struct qualified_name_class : annotate_span {};
struct string_lit_class : annotate_span {};
struct number_lit_class : annotate_span {};
struct bool_lit_class : annotate_span {};
struct date_lit_class : annotate_span {};
struct due_ref_class : annotate_span {};
struct expr_class : annotate_span {};
struct and_expr_class : annotate_span {};
struct comparison_class : annotate_span {};
struct sum_class : annotate_span {};
struct product_class : annotate_span {};
struct operation_class : annotate_span {};
struct prefixed_class : annotate_span {};
struct not_chain_class : annotate_span {};
struct primary_class;
struct aggregate_class : annotate_span {};
struct function_call_class : annotate_span {};
struct call_class : annotate_span {};
struct value_lit_class;
struct quarter_lit_class : annotate_span {};
struct slash_lit_class : annotate_span {};
struct year_lit_class : annotate_span {};
struct period_class;
struct deadline_class : annotate_span {};
struct milestone_class : annotate_span {};
struct text_item_class : annotate_span {};
struct names_item_class : annotate_span {};
struct expr_item_class : annotate_span {};
struct weight_item_class : annotate_span {};
struct baseline_item_class : annotate_span {};
struct every_item_class : annotate_span {};
struct due_item_class : annotate_span {};
struct deadline_item_class : annotate_span {};
struct severity_item_class : annotate_span {};
struct severity_level_class;
struct allow_item_class : annotate_span {};
struct item_class;
struct year_number_class;
struct day_number_class;
struct every_count_class;
struct kinds_list_class;
struct names_list_class;
struct plain_names_class;
struct texts_list_class;
struct levels_list_class;
struct document_item_class : annotate_span {};
struct document_decl_class : annotate_span {};
struct agency_decl_class : annotate_span {};
struct unit_decl_class : annotate_span {};
struct level_decl_class : annotate_span {};
struct ladder_decl_class : annotate_span {};
struct type_spec_class : annotate_span {};
struct field_decl_class : annotate_span {};
struct indicator_decl_class : annotate_span {};
struct block_decl_class : annotate_span {};
struct declaration_class : report_expectation {};

x3::rule<name_class, ast::name> const name = "identifier";
x3::rule<expr_name_class, ast::name> const expr_name = "name";
x3::rule<qualified_name_class, ast::qualified_name> const qualified_name = "name";
x3::rule<string_lit_class, ast::string_lit> const string_lit = "quoted string";
x3::rule<number_lit_class, ast::number_lit> const number_lit = "number";
x3::rule<bool_lit_class, ast::bool_lit> const bool_lit = "true or false";
x3::rule<date_lit_class, ast::date_lit> const date_lit = "date (YYYY-MM-DD)";
x3::rule<due_ref_class, ast::due_ref> const due_ref = "due";
x3::rule<expr_class, ast::expr> const expr = "expression";
x3::rule<and_expr_class, ast::expr> const and_expr = "expression";
x3::rule<comparison_class, ast::expr> const comparison = "expression";
x3::rule<sum_class, ast::expr> const sum = "expression";
x3::rule<product_class, ast::expr> const product = "expression";
x3::rule<prefixed_class, ast::prefixed> const unary = "operand";
x3::rule<not_chain_class, ast::prefixed> const not_chain = "condition";
x3::rule<primary_class, ast::operand> const primary = "operand";
x3::rule<aggregate_class, ast::aggregate> const aggregate = "aggregate";
x3::rule<function_call_class, ast::function_call> const function_call = "function call";
x3::rule<call_class, ast::call> const call = "function call";
x3::rule<value_lit_class, ast::value_lit> const value_lit = "value (number, percent or level)";
x3::rule<quarter_lit_class, ast::quarter_lit> const quarter_lit = "quarter (Q1 2026)";
x3::rule<slash_lit_class, ast::slash_lit> const slash_lit = "day/month or month/year";
x3::rule<year_lit_class, ast::year_lit> const year_lit = "year";
x3::rule<period_class, ast::period> const period = "period (date, quarter, month or year)";
x3::rule<deadline_class, ast::deadline> const deadline =
    "deadline (ongoing, by, during, from, every … by or within … days of)";
x3::rule<milestone_class, ast::milestone> const milestone = "milestone";
x3::rule<text_item_class, ast::text_item> const text_item = "item";
x3::rule<names_item_class, ast::names_item> const names_item = "item";
x3::rule<expr_item_class, ast::expr_item> const expr_item = "item";
x3::rule<weight_item_class, ast::weight_item> const weight_item = "item";
x3::rule<baseline_item_class, ast::baseline_item> const baseline_item = "item";
x3::rule<every_item_class, ast::every_item> const every_item = "item";
x3::rule<due_item_class, ast::due_item> const due_item = "item";
x3::rule<deadline_item_class, ast::deadline_item> const deadline_item = "item";
x3::rule<severity_item_class, ast::severity_item> const severity_item = "item";
x3::rule<severity_level_class, bool> const severity_level = "'error' or 'warning'";
x3::rule<allow_item_class, ast::allow_item> const allow_item = "item";
x3::rule<item_class, ast::item> const item = "item or '}'";
x3::rule<year_number_class, unsigned> const year_number = "year (YYYY)";
x3::rule<day_number_class, unsigned> const day_number = "day of the month";
x3::rule<every_count_class, unsigned> const every_count = "'year' or 'N years'";
x3::rule<kinds_list_class, std::vector<ast::name>> const kinds_list = "unit kind";
x3::rule<names_list_class, std::vector<ast::qualified_name>> const names_list = "name";
x3::rule<plain_names_class, std::vector<ast::name>> const plain_names = "name";
x3::rule<texts_list_class, std::vector<ast::string_lit>> const texts_list = "quoted string";
x3::rule<levels_list_class, std::vector<ast::level_decl>> const levels_list = "level (id \"title\")";
x3::rule<document_item_class, ast::document_item> const document_item = "document item or '}'";
x3::rule<document_decl_class, ast::document_decl> const document_decl = "document";
x3::rule<agency_decl_class, ast::agency_decl> const agency_decl = "agency";
x3::rule<unit_decl_class, ast::unit_decl> const unit_decl = "unit";
x3::rule<level_decl_class, ast::level_decl> const level_decl = "level";
x3::rule<ladder_decl_class, ast::ladder_decl> const ladder_decl = "ladder";
x3::rule<type_spec_class, ast::type_spec> const type_spec =
    "type (number, count, percent, money, bool, year, date, rank, text or level)";
x3::rule<field_decl_class, ast::field_decl> const field_decl = "field";
x3::rule<indicator_decl_class, ast::indicator_decl> const indicator_decl = "indicator";
x3::rule<block_decl_class, ast::block_decl> const block_decl = "target, obligation, task or check";
declaration_type const declaration =
    "declaration (document, agency, unit, ladder, field, indicator, target, obligation, task or check)";

// ---- symbol tables ----
struct comparator_table : x3::symbols<ast::binary_op> {
  comparator_table() {
    add(">=", ast::binary_op::ge)("\xE2\x89\xA5", ast::binary_op::ge)(">", ast::binary_op::gt)(
        "<=", ast::binary_op::le)("\xE2\x89\xA4", ast::binary_op::le)("<", ast::binary_op::lt)(
        "==", ast::binary_op::eq)("=", ast::binary_op::eq)("!=", ast::binary_op::ne);
  }
} const comparator;

struct milestone_op_table : x3::symbols<ast::milestone_op> {
  milestone_op_table() {
    add(">=", ast::milestone_op::ge)("\xE2\x89\xA5", ast::milestone_op::ge)(
        ">", ast::milestone_op::gt)("<=", ast::milestone_op::le)("\xE2\x89\xA4", ast::milestone_op::le)(
        "<", ast::milestone_op::lt)("==", ast::milestone_op::eq)("=", ast::milestone_op::eq);
  }
} const milestone_comparator;

struct additive_table : x3::symbols<ast::binary_op> {
  additive_table() { add("+", ast::binary_op::add)("-", ast::binary_op::sub); }
} const additive_op;

struct multiplicative_table : x3::symbols<ast::binary_op> {
  multiplicative_table() { add("*", ast::binary_op::mul)("/", ast::binary_op::div); }
} const multiplicative_op;

auto const kw = [](char const* word) { return keyword_parser{word}; };

auto const aggregate_kind =
    kw("count") >> attr(ast::aggregate_kind::count) | kw("sum") >> attr(ast::aggregate_kind::sum) |
    kw("avg") >> attr(ast::aggregate_kind::avg) | kw("min") >> attr(ast::aggregate_kind::min) |
    kw("max") >> attr(ast::aggregate_kind::max) | kw("share") >> attr(ast::aggregate_kind::share) |
    kw("all") >> attr(ast::aggregate_kind::all) | kw("any") >> attr(ast::aggregate_kind::any);

auto const function_kind = kw("growth") >> attr(ast::function_kind::growth) |
                           kw("cumulative") >> attr(ast::function_kind::cumulative);

auto const call_kind = kw("prev") >> attr(ast::call_kind::prev) | kw("has") >> attr(ast::call_kind::has);
auto const minmax_kind = kw("min") >> attr(ast::call_kind::min) | kw("max") >> attr(ast::call_kind::max);

auto const text_key = kw("cite") >> attr(ast::text_key::cite) |
                      kw("group") >> attr(ast::text_key::group) |
                      kw("note") >> attr(ast::text_key::note) |
                      kw("output") >> attr(ast::text_key::output);

auto const names_key =
    (kw("applies") > kw("to") >> attr(ast::names_key::applies)) |
    kw("parent") >> attr(ast::names_key::parent) |
    kw("implements") >> attr(ast::names_key::implements) |
    kw("lead") >> attr(ast::names_key::lead) | kw("support") >> attr(ast::names_key::support) |
    kw("after") >> attr(ast::names_key::after) | kw("serves") >> attr(ast::names_key::serves) |
    kw("restates") >> attr(ast::names_key::restates) | kw("monitor") >> attr(ast::names_key::monitor);


auto const document_text_key =
    kw("number") >> attr(ast::document_key::number) | kw("kind") >> attr(ast::document_key::kind) |
    kw("issuer") >> attr(ast::document_key::issuer) |
    kw("province") >> attr(ast::document_key::province) |
    kw("title") >> attr(ast::document_key::title) | kw("signer") >> attr(ast::document_key::signer) |
    kw("implements") >> attr(ast::document_key::implements) |
    kw("replaces") >> attr(ast::document_key::replaces);
auto const document_names_key =
    kw("level") >> attr(ast::document_key::level) | kw("monitor") >> attr(ast::document_key::monitor);

auto const type_kind =
    kw("number") >> attr(ast::type_kind::number) | kw("count") >> attr(ast::type_kind::count) |
    kw("percent") >> attr(ast::type_kind::percent) | kw("money") >> attr(ast::type_kind::money) |
    kw("bool") >> attr(ast::type_kind::boolean) | kw("year") >> attr(ast::type_kind::year) |
    kw("date") >> attr(ast::type_kind::date) | kw("rank") >> attr(ast::type_kind::rank) |
    kw("text") >> attr(ast::type_kind::text) | kw("level") >> attr(ast::type_kind::level);

auto const block_kind = kw("target") >> attr(ast::block_kind::target) |
                        kw("obligation") >> attr(ast::block_kind::obligation) |
                        kw("task") >> attr(ast::block_kind::task) |
                        kw("check") >> attr(ast::block_kind::check);

// ---- lexical ----
auto const name_def = identifier_parser{false};
auto const expr_name_def = identifier_parser{true};  // keywords are not names inside expressions
auto const qualified_name_def = expr_name >> -(lit('.') >> expr_name);
auto const string_lit_def = quoted_string_parser{};
auto const number_lit_def = x3::lexeme[real_number_parser{} >> x3::matches[lit('%')]];
auto const bool_lit_def = kw("true") >> attr(true) | kw("false") >> attr(false);
auto const two_digits = x3::uint_parser<unsigned, 10, 1, 2>{};
auto const four_digits = x3::uint_parser<unsigned, 10, 4, 4>{};
auto const year_number_def = four_digits;
auto const day_number_def = uint_;  // any size: the checker says why 32 is not a day
auto const date_lit_def = x3::lexeme[four_digits >> '-' >> two_digits >> '-' >> two_digits];
auto const due_ref_def = kw("due");

// ---- expressions ----
auto const expr_def = and_expr >> *(x3::rule<operation_class, ast::operation>{"'or'"} =
                                        kw("or") >> attr(ast::binary_op::or_) > and_expr);
auto const and_expr_def = not_chain >> *(x3::rule<operation_class, ast::operation>{"'and'"} =
                                             kw("and") >> attr(ast::binary_op::and_) > not_chain);
auto const not_chain_def = *(kw("not") >> attr('!')) >> comparison;
auto const comparison_def =
    sum >> x3::repeat(0, 1)[x3::rule<operation_class, ast::operation>{"comparison"} =
                                comparator > sum];
auto const sum_def = product >> *(x3::rule<operation_class, ast::operation>{"'+' or '-'"} =
                                      additive_op > product);
// `per N` scales the rate before it: `so_sv / dan_so per 10000` is students per 10 000 people.
auto const per_scale = x3::rule<prefixed_class, ast::prefixed>{"number (per N)"} =
    attr(std::string()) >> number_lit;
auto const product_def =
    unary >> *(x3::rule<operation_class, ast::operation>{"'*' or '/'"} =
                   (multiplicative_op > unary) | (kw("per") >> attr(ast::binary_op::per) > per_scale));
auto const unary_def = *(lit('-') >> attr('-')) >> primary;
auto const primary_def = date_lit | number_lit | bool_lit | due_ref | call | aggregate | function_call |
                         qualified_name | (lit('(') > expr > lit(')'));
auto const kinds_list_def = name % lit('|');
auto const plain_names_def = name % ',';
auto const aggregate_def = aggregate_kind >> lit('(') > kinds_list > -(kw("where") > expr) >
                           -(lit(',') > expr) > lit(')');
// `min(a + 1, b)` is the scalar minimum. `min(x, y)`, a name and a comma, is read as an aggregate;
// the checker makes it scalar when `x` is not a unit kind.
auto const aggregate_head = kinds_list >> (lit(',') | kw("where") | lit(')'));
auto const call_def = (call_kind >> lit('(') > (expr % ',') > lit(')')) |
                      (minmax_kind >> lit('(') >> !aggregate_head >> (expr % ',') > lit(')'));
auto const function_call_def =
    function_kind >> lit('(') > expr > -(lit(',') > kw("from") > year_number) > lit(')');

// ---- values, periods, deadlines, milestones ----
auto const value_lit_def = number_lit | name;
auto const quarter_lit_def = x3::lexeme[lit('Q') >> x3::uint_parser<unsigned, 10, 1, 1>{}] > year_number;
auto const slash_lit_def = x3::lexeme[two_digits >> '/' >> uint_];
auto const year_lit_def = four_digits >> attr(true);
auto const period_def = date_lit | quarter_lit | slash_lit | year_lit;
auto const no_period = attr(std::optional<ast::period>{});
auto const once = attr(1u);     // `count` of the forms without one
auto const no_day = attr(0u);  // `day` of the forms without one
// Each alternative fills the whole struct, so that X3 never has to split a nested sequence. The
// recurring forms backtrack after `every` (`>>`), so that each names its own period word.
auto const deadline_def =
    (kw("ongoing") >> attr(ast::deadline_kind::ongoing) >> once >> no_day >> no_period >> no_period) |
    (kw("by") >> attr(ast::deadline_kind::by) >> once >> no_day > period >> no_period) |
    (kw("during") >> attr(ast::deadline_kind::during) >> once >> no_day > period >> no_period) |
    (kw("from") >> attr(ast::deadline_kind::from) >> once >> no_day > period > -(kw("to") > period)) |
    (kw("every") >> kw("month") >> attr(ast::deadline_kind::monthly) >> once > kw("by") > day_number >>
     no_period >> no_period) |
    (kw("every") >> kw("quarter") >> attr(ast::deadline_kind::quarterly) >> once > kw("by") > day_number >>
     no_period >> no_period) |
    (kw("every") >> kw("year") >> attr(ast::deadline_kind::yearly) >> once >> no_day > kw("by") >
     slash_lit > -(kw("from") > period)) |
    (kw("every") >> attr(ast::deadline_kind::yearly) >> uint_ > kw("years") >> no_day > kw("by") >
     slash_lit > -(kw("from") > period)) |
    (kw("within") >> attr(ast::deadline_kind::within) > uint_ > kw("days") > kw("of") >> no_day >
     (kw("issue") | period) >> no_period);
auto const milestone_def =
    (milestone_comparator >> value_lit >> attr(std::optional<ast::value_lit>{}) > kw("by") >
     year_number) |
    (kw("between") >> attr(ast::milestone_op::between) > value_lit > kw("and") > value_lit >
     kw("by") > year_number) |
    (kw("approx") >> attr(ast::milestone_op::approx) > value_lit > -(kw("within") > value_lit) >
     kw("by") > year_number);

// ---- block items ----
auto const text_item_def = text_key > string_lit;
auto const names_list_def = qualified_name % ',';
auto const texts_list_def = string_lit % ',';
auto const levels_list_def = level_decl % lit('<');
auto const names_item_def = names_key > names_list;
// A measure is arithmetic only: a comparison on the next line is a milestone, not part of it.
auto const expr_item_def = (kw("measure") >> attr(ast::expr_key::measure) > sum) |
                           (kw("require") >> attr(ast::expr_key::require) > expr);
auto const weight_item_def = kw("weight") > number_lit;
auto const baseline_item_def = kw("baseline") > value_lit > kw("in") > year_number;
auto const every_count_def = (kw("year") >> attr(1u)) | (uint_ > kw("years"));
auto const every_item_def =
    kw("every") > every_count > -(kw("from") > year_number) > -(kw("until") > year_number);
auto const due_item_def = kw("due") > slash_lit;
auto const deadline_item_def = kw("deadline") > deadline;
auto const severity_level_def = kw("error") >> attr(false) | kw("warning") >> attr(true);
auto const severity_item_def = kw("severity") > severity_level;
auto const allow_item_def = kw("allow") > qualified_name > string_lit;  // a warning code, a reason
auto const item_def = text_item | names_item | expr_item | weight_item | baseline_item |
                      every_item | due_item | deadline_item | severity_item | allow_item | milestone;

// ---- declarations ----
auto const document_item_def =
    (document_text_key > texts_list >> attr(std::optional<ast::date_lit>{}) >>
     attr(std::vector<ast::name>{})) |
    (kw("date") >> attr(ast::document_key::date) >> attr(std::vector<ast::string_lit>{}) > date_lit >>
     attr(std::vector<ast::name>{})) |
    (document_names_key >> attr(std::vector<ast::string_lit>{}) >> attr(std::optional<ast::date_lit>{}) >
     plain_names);
auto const document_decl_def = kw("document") > name > lit('{') > *document_item > lit('}');
auto const agency_decl_def =
    kw("agency") > name > string_lit > -(kw("level") > name) > *allow_item;
auto const unit_decl_def = kw("unit") > name > string_lit > -(kw("counted") > string_lit);
auto const level_decl_def = name > string_lit;
auto const ladder_decl_def =
    kw("ladder") > name > string_lit > lit('{') > levels_list > lit('}');
auto const type_spec_def = type_kind >> -(kw("of") > string_lit) >> -name;
auto const field_decl_def =
    kw("field") > name > lit('.') > name > lit(':') > type_spec > string_lit;
auto const indicator_decl_def = kw("indicator") > name > -string_lit > lit('=') > expr;
auto const block_decl_def = block_kind > name > string_lit > lit('{') > *item > lit('}');
auto const declaration_def = document_decl | agency_decl | unit_decl | ladder_decl | field_decl |
                             indicator_decl | block_decl;

BOOST_SPIRIT_DEFINE(name, expr_name, qualified_name, string_lit, number_lit, bool_lit, date_lit,
                    due_ref, expr, and_expr, not_chain, comparison, sum, product, unary, primary,
                    aggregate, function_call, call, value_lit, quarter_lit, slash_lit, year_lit, period,
                    deadline, milestone, text_item, names_item, expr_item, weight_item,
                    baseline_item, every_item, due_item, deadline_item, severity_item, severity_level,
                    allow_item, item, names_list, plain_names, day_number, every_count,
                    texts_list, levels_list, year_number, kinds_list, document_item,
                    document_decl, agency_decl, unit_decl, level_decl, ladder_decl, type_spec,
                    field_decl, indicator_decl, block_decl, declaration)

}  // namespace chitieu::syntax::detail
