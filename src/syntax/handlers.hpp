// on_success / on_error hooks, attached to rules through their ID classes. For grammar_def.hpp only.
#pragma once
#include <type_traits>

#include "config.hpp"
#include "hints.hpp"

namespace chitieu::syntax::detail {

struct annotate_span {  // record the byte span of every ast::node-derived attribute
  template <typename Iterator, typename Attr, typename Context>
  void on_success(Iterator const& first, Iterator const& last, Attr& attr, Context const& context) {
    if constexpr (std::is_base_of_v<ast::node, Attr>) {
      parse_state& st = x3::get<parse_state_tag>(context).get();
      // The skipper runs before a rule: move the start past leading whitespace and comments.
      Iterator begin = first;
      x3::skip_over(begin, last, context);
      attr.span = {static_cast<std::uint32_t>(begin - st.begin),
                   static_cast<std::uint32_t>(last - st.begin)};
    }
  }
};

struct report_expectation {  // turn an expectation failure into a diagnostic
  template <typename Iterator, typename Exception, typename Context>
  x3::error_handler_result on_error(Iterator&, Iterator const& last, Exception const& x,
                                    Context const& context) {
    parse_state& st = x3::get<parse_state_tag>(context).get();
    Iterator where = x.where();
    x3::skip_over(where, last, context);
    auto at = static_cast<std::uint32_t>(where - st.begin);
    st.expected = x.which();
    st.found = where == last ? say(st.lang, "end of file") : "'" + token_at(where, last) + "'";
    st.sink->push_back({severity::error, "syntax.expected", {at, at + static_cast<std::uint32_t>(
                                                                      token_length(where, last))},
                        expected_message(st.lang, st.expected, st.found)});
    return x3::error_handler_result::fail;
  }

 private:
  template <typename Iterator>
  static std::size_t token_length(Iterator where, Iterator const& last) {
    std::size_t n = 0;
    auto is_word = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
             (static_cast<unsigned char>(c) >= 0x80);
    };
    if (where == last) return 0;
    if (!is_word(*where)) {
      // one code point
      ++n;
      ++where;
      while (where != last && (static_cast<unsigned char>(*where) & 0xC0) == 0x80) ++where, ++n;
      return n;
    }
    while (where != last && is_word(*where) && n < 40) ++where, ++n;
    // The cap may fall inside a letter: end after it, so that the message echoes valid UTF-8.
    while (where != last && (static_cast<unsigned char>(*where) & 0xC0) == 0x80) ++where, ++n;
    return n;
  }
  template <typename Iterator>
  static std::string token_at(Iterator where, Iterator const& last) {
    return std::string(where, where + token_length(where, last));
  }
};

}  // namespace chitieu::syntax::detail
