// The parser API seen by parse.cpp: one declaration at a time, so that parse.cpp can recover after an
// error and report the next one too. DECLARE only.
#pragma once
#include <chitieu/syntax/ast.hpp>

#include "config.hpp"

namespace chitieu::syntax::detail {
struct declaration_class;
using declaration_type = x3::rule<declaration_class, ast::declaration>;
BOOST_SPIRIT_DECLARE(declaration_type)
declaration_type const& declaration_grammar();
}  // namespace chitieu::syntax::detail
