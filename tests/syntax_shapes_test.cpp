// syntax layer: the expression shapes of national plans: prev, has, scalar min/max.
#include <chitieu/syntax/parse.hpp>

#include <doctest/doctest.h>

#include <functional>

using namespace chitieu;
namespace ast = chitieu::syntax::ast;
namespace x3 = boost::spirit::x3;

namespace {
struct parsed {
  source_file src;
  syntax::parse_result result;
};

parsed parse_indicator(std::string const& expression) {
  parsed p{source_file("t.ct", "indicator x = " + expression + "\n"), {}};
  p.result = syntax::parse(p.src);
  return p;
}

/// The calls and aggregates of an expression, outermost first, as "prev/2", "has/1", "min(agg)".
void shapes(ast::operand const& o, std::vector<std::string>& out);
void shapes(ast::expr const& e, std::vector<std::string>& out) {
  shapes(e.first, out);
  for (auto const& op : e.rest) shapes(op.rhs, out);
}
void shapes(ast::operand const& o, std::vector<std::string>& out) {
  static char const* const call_names[] = {"prev", "has", "min", "max"};
  static char const* const aggregate_names[] = {"count", "sum", "avg", "min", "max", "share", "all", "any"};
  boost::apply_visitor(
      [&](auto const& alt) {
        using T = std::decay_t<decltype(alt)>;
        if constexpr (std::is_same_v<T, x3::forward_ast<ast::call>>) {
          out.push_back(std::string(call_names[static_cast<int>(alt.get().kind)]) + "/" +
                        std::to_string(alt.get().arguments.size()));
          for (auto const& a : alt.get().arguments) shapes(a, out);
        } else if constexpr (std::is_same_v<T, x3::forward_ast<ast::aggregate>>) {
          out.push_back(std::string(aggregate_names[static_cast<int>(alt.get().kind)]) + "(agg)");
          if (alt.get().value) shapes(*alt.get().value, out);
        } else if constexpr (std::is_same_v<T, x3::forward_ast<ast::expr>>) {
          shapes(alt.get(), out);
        } else if constexpr (std::is_same_v<T, x3::forward_ast<ast::prefixed>>) {
          shapes(alt.get().value, out);
        }
      },
      o.get());
}

std::vector<std::string> shapes_of(std::string const& expression) {
  auto p = parse_indicator(expression);
  REQUIRE(p.result.ast);
  auto const& d = boost::get<ast::indicator_decl>(p.result.ast->declarations.at(0).get());
  std::vector<std::string> out;
  shapes(d.value, out);
  return out;
}
}  // namespace

TEST_CASE("syntax: prev reads an earlier year, with an optional count of years") {
  CHECK(shapes_of("vao_lop6 / prev(ht_lop5)") == std::vector<std::string>{"prev/1"});
  CHECK(shapes_of("prev(ho_ngheo, 2)") == std::vector<std::string>{"prev/2"});
  CHECK(shapes_of("sum(school, prev(ht_lop5))") == std::vector<std::string>{"sum(agg)", "prev/1"});
  CHECK(shapes_of("prev(sum(school, ht_lop5))") == std::vector<std::string>{"prev/1", "sum(agg)"});
  auto p = parse_indicator("prev(x) + 1");
  REQUIRE(p.result.ast);
  auto const& d = boost::get<ast::indicator_decl>(p.result.ast->declarations.at(0).get());
  CHECK(d.value.span.end > d.value.span.begin);
}

TEST_CASE("syntax: has takes its argument in parentheses; a name 'prev' alone is still a name") {
  CHECK(shapes_of("has(nam_thanh_lap)") == std::vector<std::string>{"has/1"});
  CHECK(shapes_of("prev + has").empty());  // no call: two names
}

TEST_CASE("syntax: min and max of two values, told from the aggregate by their first argument") {
  // An expression first: the scalar form.
  CHECK(shapes_of("max(ho_ngheo - 10, 0)") == std::vector<std::string>{"max/2"});
  CHECK(shapes_of("min(2 * a, b)") == std::vector<std::string>{"min/2"});
  // A name and a comma reads as an aggregate; the checker decides by whether the name is a unit kind.
  CHECK(shapes_of("min(school, diem)") == std::vector<std::string>{"min(agg)"});
  CHECK(shapes_of("min(school where cong_lap, diem)") == std::vector<std::string>{"min(agg)"});
  CHECK(shapes_of("max(a | b, diem)") == std::vector<std::string>{"max(agg)"});
}

TEST_CASE("syntax: a call left open is syntax.expected") {
  auto p = parse_indicator("prev(x, ");
  CHECK_FALSE(p.result.ast);
  REQUIRE(p.result.diags.size() == 1);
  CHECK(p.result.diags[0].code == "syntax.expected");
}

TEST_CASE("syntax: 'per N' follows a rate at the level of '*' and '/'") {
  auto p = parse_indicator("so_sv / dan_so per 10000");
  REQUIRE(p.result.ast);
  auto const& d = boost::get<ast::indicator_decl>(p.result.ast->declarations.at(0).get());
  // The whole expression is one product: so_sv, then '/ dan_so', then 'per 10000', read left to right.
  std::vector<ast::binary_op> ops;
  std::function<void(ast::operand const&)> walk = [&](ast::operand const& o) {
    if (auto const* e = boost::get<x3::forward_ast<ast::expr>>(&o.get())) {
      walk(e->get().first);
      for (auto const& op : e->get().rest) ops.push_back(op.op);
    } else if (auto const* q = boost::get<x3::forward_ast<ast::prefixed>>(&o.get())) {
      walk(q->get().value);
    }
  };
  walk(d.value.first);
  for (auto const& op : d.value.rest) ops.push_back(op.op);
  CHECK(ops == std::vector<ast::binary_op>{ast::binary_op::div, ast::binary_op::per});
  auto bad = parse_indicator("so_sv / dan_so per dan_so");
  CHECK_FALSE(bad.result.ast);
  REQUIRE(bad.result.diags.size() == 1);
  CHECK(bad.result.diags[0].code == "syntax.expected");
}
