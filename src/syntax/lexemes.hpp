// Hand-written lexeme parsers: keywords, identifiers and quoted strings. The standard X3 character
// classes classify bytes with the C locale and assert on UTF-8, so these look at ASCII bytes only.
// For grammar_def.hpp only.
#pragma once
#include <algorithm>
#include <charconv>
#include <string>
#include <string_view>

#include <chitieu/language.hpp>
#include <chitieu/syntax/ast.hpp>

#include "config.hpp"

namespace chitieu::syntax::detail {

inline bool is_identifier_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
inline bool is_identifier_char(char c) { return is_identifier_start(c) || (c >= '0' && c <= '9'); }

/// Skips ASCII whitespace and comments (x3::skip_over wants a context; here there is none).
inline void skip_blanks(char const*& first, char const* last) {
  x3::unused_type unused;
  while (skipper.parse(first, last, unused, unused, unused)) {
  }
}

/// Words that cannot name a field or indicator inside an expression.
inline bool is_reserved_in_expression(std::string_view word) {
  static constexpr std::string_view reserved[] = {"and", "or", "not", "where", "true", "false", "due"};
  for (auto r : reserved)
    if (word == r) return true;
  return false;
}

/// A word that must not run on into an identifier: `by` matches in "by 2030", not in "bypass".
struct keyword_parser : x3::parser<keyword_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  char const* word;
  constexpr explicit keyword_parser(char const* w) : word(w) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&,
             Attribute&) const {
    x3::skip_over(first, last, context);
    Iterator it = first;
    for (char const* w = word; *w; ++w, ++it)
      if (it == last || *it != *w) return false;
    if (it != last && is_identifier_char(*it)) return false;
    first = it;
    return true;
  }
};

struct identifier_parser : x3::parser<identifier_parser> {
  using attribute_type = ast::name;
  static bool const has_attribute = true;
  bool reject_reserved = false;
  constexpr explicit identifier_parser(bool reserved) : reject_reserved(reserved) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&,
             Attribute& attr) const {
    x3::skip_over(first, last, context);
    if (first == last || !is_identifier_start(*first)) return false;
    Iterator it = first;
    while (it != last && is_identifier_char(*it)) ++it;
    std::string word(first, it);
    if (reject_reserved && is_reserved_in_expression(word)) return false;
    ast::name result;
    result.text = std::move(word);
    x3::traits::move_to(result, attr);
    first = it;
    return true;
  }
};

/// "…" on one line, with \" \\ and \n escapes; any valid UTF-8 inside.
struct quoted_string_parser : x3::parser<quoted_string_parser> {
  using attribute_type = ast::string_lit;
  static bool const has_attribute = true;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&,
             Attribute& attr) const {
    x3::skip_over(first, last, context);
    if (first == last || *first != '"') return false;
    Iterator it = first + 1;
    std::string value;
    while (it != last && *it != '"') {
      if (*it == '\n') return false;
      if (*it == '\\') {
        ++it;
        if (it == last) return false;
        if (*it == 'n')
          value.push_back('\n');
        else if (*it == '"' || *it == '\\')
          value.push_back(*it);
        else
          return false;
        ++it;
        continue;
      }
      value.push_back(*it++);
    }
    if (it == last) return false;
    ast::string_lit result;
    result.value = std::move(value);
    x3::traits::move_to(result, attr);
    first = it + 1;
    return true;
  }
};

/// A number as X3's real parser reads one ("-1", "2.5", ".5", "3.", "1e-3"), but never "nan" or "inf",
/// which would swallow names like nang_luc. A number too large or too small for a double ("1e400") is an
/// error at the number itself (syntax.number_range), and parsing goes on past it.
struct real_number_parser : x3::parser<real_number_parser> {
  using attribute_type = double;
  static bool const has_attribute = true;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute& attr) const {
    x3::skip_over(first, last, context);
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    Iterator it = first;
    bool negative = false;
    if (it != last && (*it == '+' || *it == '-')) negative = *it++ == '-';
    Iterator const digits = it;
    std::size_t count = 0;
    while (it != last && digit(*it)) ++it, ++count;
    if (it != last && *it == '.') {
      ++it;
      while (it != last && digit(*it)) ++it, ++count;
    }
    if (count == 0) return false;
    if (it != last && (*it == 'e' || *it == 'E')) {
      Iterator e = it + 1;
      if (e != last && (*e == '+' || *e == '-')) ++e;
      if (e != last && digit(*e)) {
        while (e != last && digit(*e)) ++e;
        it = e;
      }
    }
    double value = 0;
    auto [end, error] = std::from_chars(&*digits, &*digits + (it - digits), value);
    if (error == std::errc::result_out_of_range) {
      auto& state = x3::get<parse_state_tag>(context).get();
      auto from = static_cast<std::uint32_t>(&*first - state.begin);
      auto to = static_cast<std::uint32_t>(&*digits + (it - digits) - state.begin);
      // Alternatives may read the same number more than once: one error for it.
      bool said = std::any_of(state.sink->begin(), state.sink->end(), [&](diagnostic const& d) {
        return d.code == "syntax.number_range" && d.span.begin == from;
      });
      if (!said)
        state.sink->push_back({severity::error, "syntax.number_range", {from, to},
                               say(state.lang, "this number is too large or too small to be represented"), 0});
    } else if (error != std::errc() || end != &*digits + (it - digits)) {
      return false;
    }
    x3::traits::move_to(negative ? -value : value, attr);
    first = it;
    return true;
  }
};

}  // namespace chitieu::syntax::detail

namespace boost::spirit::x3 {
// What users read in "expected …": the keyword itself, not the parser's type.
template <>
struct get_info<chitieu::syntax::detail::keyword_parser> {
  using result_type = std::string;
  std::string operator()(chitieu::syntax::detail::keyword_parser const& p) const {
    return std::string("'") + p.word + "'";
  }
};
template <>
struct get_info<chitieu::syntax::detail::identifier_parser> {
  using result_type = std::string;
  std::string operator()(chitieu::syntax::detail::identifier_parser const&) const {
    return "identifier";
  }
};
template <>
struct get_info<chitieu::syntax::detail::quoted_string_parser> {
  using result_type = std::string;
  std::string operator()(chitieu::syntax::detail::quoted_string_parser const&) const {
    return "quoted string";
  }
};
}  // namespace boost::spirit::x3
