// The one place that names the parse context, iterator and skipper. Included by the grammar files and
// parse.cpp only.
#pragma once
#include <chitieu/language.hpp>
#include <chitieu/source.hpp>

#include <boost/spirit/home/x3.hpp>

namespace chitieu::syntax::detail {
namespace x3 = boost::spirit::x3;

struct parse_state {  // what grammar hooks may touch while parsing
  char const* begin;  // to turn iterators into offsets
  diagnostics* sink;  // where errors go; the grammar never prints
  std::string expected = {};  // what the last failed expectation wanted (its display name)
  std::string found = {};     // what stood there instead, as the message shows it
  language lang = language::vi;  // of the messages
};
struct parse_state_tag;

/// ASCII whitespace and `//` comments. Written by hand because x3::space classifies bytes with the C
/// locale and asserts on the UTF-8 bytes of Vietnamese comments.
struct skipper_parser : x3::parser<skipper_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
    if (first == last) return false;
    char c = *first;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++first;
      return true;
    }
    if (c == '/' && first + 1 != last && first[1] == '/') {
      while (first != last && *first != '\n') ++first;
      return true;
    }
    return false;
  }
};
inline skipper_parser const skipper{};

using iterator_type = char const*;
using skipper_type = skipper_parser;
using phrase_context_type = x3::phrase_parse_context<skipper_type>::type;
// MUST equal the x3::with<> stack in parse.cpp, or linking fails with an undefined parse_rule.
using context_type =
    x3::context<parse_state_tag, std::reference_wrapper<parse_state>, phrase_context_type>;

}  // namespace chitieu::syntax::detail
