// The only translation unit that sees grammar_def.hpp: the grammar is instantiated once.
#include "grammar_def.hpp"

namespace chitieu::syntax::detail {
BOOST_SPIRIT_INSTANTIATE(declaration_type, iterator_type, context_type)
declaration_type const& declaration_grammar() { return declaration; }
}  // namespace chitieu::syntax::detail
