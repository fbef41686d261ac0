// Fusion adaptation of the AST, for grammar_def.hpp only. `span` is never adapted: the on_success
// handler fills it.
#pragma once
#include <chitieu/syntax/ast.hpp>

#include <boost/fusion/include/adapt_struct.hpp>

namespace ast_ns = chitieu::syntax::ast;

BOOST_FUSION_ADAPT_STRUCT(ast_ns::qualified_name, first, second)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::number_lit, value, percent)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::bool_lit, value)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::date_lit, year, month, day)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::operation, op, rhs)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::expr, first, rest)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::prefixed, ops, value)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::aggregate, kind, unit_kinds, filter, value)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::function_call, kind, argument, from_year)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::call, kind, arguments)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::quarter_lit, quarter, year)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::slash_lit, first, second)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::year_lit, year, present)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::deadline, kind, count, day, first, second)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::milestone, op, value, second, year)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::text_item, key, value)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::names_item, key, names)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::expr_item, key, value)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::weight_item, value)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::baseline_item, value, year)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::every_item, interval, from, until)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::due_item, day_month)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::deadline_item, value)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::severity_item, warning)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::allow_item, code, reason)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::document_item, key, texts, date, names)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::document_decl, id, items)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::agency_decl, id, title, level, allows)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::unit_decl, id, title, counted)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::level_decl, id, title)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::ladder_decl, id, title, levels)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::type_spec, kind, unit_of, ladder)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::field_decl, unit_kind, id, type, label)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::indicator_decl, id, title, value)
BOOST_FUSION_ADAPT_STRUCT(ast_ns::block_decl, kind, id, title, items)
