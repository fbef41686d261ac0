// Typing the calls whose arguments are plain expressions: `prev(x [, N])`, `has(x)` and the scalar
// `min(a, b)` / `max(a, b)` (docs/language.md §4). The arguments arrive already typed.
#include <cmath>

#include "context.hpp"

namespace chitieu::sema::detail {
namespace {

bool is_numeric_or_date(value_kind k) {
  return k == value_kind::number || k == value_kind::count || k == value_kind::percent ||
         k == value_kind::money || k == value_kind::rank || k == value_kind::year ||
         k == value_kind::date;
}

char const* name_of(ast::call_kind k) {
  switch (k) {
    case ast::call_kind::prev: return "prev";
    case ast::call_kind::has: return "has";
    case ast::call_kind::min: return "min";
    case ast::call_kind::max: return "max";
  }
  return "";
}

int add(check_context& cx, expr_node n) {
  return cx.add_node(std::move(n));
}

}  // namespace

int check_call(check_context& cx, ast::call const& c, std::vector<int> const& args,
               common_type_fn const& common) {
  auto node = [&](int i) -> expr_node& { return cx.rules.nodes[static_cast<std::size_t>(i)]; };
  auto arity = [&](std::size_t least, std::size_t most, std::string const& shape) {
    if (args.size() >= least && args.size() <= most) return true;
    cx.error("sema.function_arguments", c.span, say(cx.lang, "{0} takes {1}", {name_of(c.kind), shape}));
    return false;
  };
  expr_node e;
  e.where = cx.at(c.span);
  switch (c.kind) {
    case ast::call_kind::prev: {
      if (!arity(1, 2, say(cx.lang, "a value and, optionally, how many years back: prev(x) or prev(x, 2)")))
        return -1;
      int back = 1;
      if (args.size() == 2) {
        auto const& n = node(args[1]);
        bool whole = n.op == node_op::constant && n.type.literal && n.type.kind == value_kind::number &&
                     n.number == std::floor(n.number) && n.number >= 1 && n.number <= 100;
        if (!whole) {
          cx.error("sema.prev_years", n.where.span,
                   say(cx.lang, "how many years back must be a whole number from 1 to 100"));
          return -1;
        }
        back = static_cast<int>(n.number);
      }
      auto const& inner = node(args[0]);
      if (inner.type.literal) {
        cx.error("sema.function_arguments", inner.where.span,
                 say(cx.lang, "prev of a constant is the constant: give it a value that changes by year"));
        return -1;
      }
      e.op = node_op::prev;
      e.lhs = args[0];
      e.back = back;
      e.type = inner.type;
      return add(cx, e);
    }
    case ast::call_kind::has: {
      if (!arity(1, 1, say(cx.lang, "one field: has(x)"))) return -1;
      if (node(args[0]).op != node_op::field) {
        cx.error("sema.has_field", node(args[0]).where.span,
                 say(cx.lang, "has asks whether a field was submitted: give it one field's name"));
        return -1;
      }
      e.op = node_op::has;
      e.lhs = args[0];
      e.type.kind = value_kind::boolean;
      return add(cx, e);
    }
    case ast::call_kind::min:
    case ast::call_kind::max: {
      std::string const shape = c.kind == ast::call_kind::min
                                    ? say(cx.lang, "two values of one type: min(a, b), or a unit kind: min(K, E)")
                                    : say(cx.lang, "two values of one type: max(a, b), or a unit kind: max(K, E)");
      if (!arity(2, 2, shape)) return -1;
      for (int i : args)
        if (!is_numeric_or_date(node(i).type.kind)) {
          cx.error("sema.type_mismatch", node(i).where.span,
                   say(cx.lang, "{0} compares numbers or dates, not {1}", {name_of(c.kind), type_name(cx, node(i).type)}));
          return -1;
        }
      auto t = common(args[0], args[1], c.span);
      if (!t) return -1;
      e.op = c.kind == ast::call_kind::min ? node_op::min_of : node_op::max_of;
      e.lhs = args[0];
      e.rhs = args[1];
      e.type = *t;
      e.type.literal = node(args[0]).type.literal && node(args[1]).type.literal;
      return add(cx, e);
    }
  }
  return -1;
}

}  // namespace chitieu::sema::detail
