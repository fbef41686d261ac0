// The only entry point into the X3 grammar: input checks, the declaration loop, and error recovery.
#include <chitieu/syntax/parse.hpp>

#include <string_view>

#include "code_chars.hpp"
#include "grammar.hpp"
#include "hints.hpp"
#include "lexemes.hpp"

namespace chitieu::syntax {
namespace {

constexpr std::string_view declaration_keywords[] = {
    "document", "agency", "unit", "ladder", "field", "indicator", "target", "obligation", "task",
    "check"};

bool starts_declaration(std::string_view rest) {
  for (auto kw : declaration_keywords)
    if (rest.substr(0, kw.size()) == kw &&
        (rest.size() == kw.size() || !detail::is_identifier_char(rest[kw.size()])))
      return true;
  return false;
}

/// The next line after `from` whose first word starts a declaration, or the end of the text.
std::size_t recovery_point(std::string_view text, std::size_t from) {
  std::size_t pos = text.find('\n', from);
  while (pos != std::string_view::npos) {
    std::size_t start = pos + 1;
    while (start < text.size() && (text[start] == ' ' || text[start] == '\t')) ++start;
    if (starts_declaration(text.substr(start))) return start;
    pos = text.find('\n', start);
  }
  return text.size();
}

/// Deepest bracket nesting outside strings and comments, checked before parsing so that the
/// recursive-descent parser can never run out of stack.
std::optional<std::uint32_t> too_deep_at(std::string_view text, unsigned limit) {
  unsigned depth = 0;
  auto at = detail::for_each_code_char(text, 0, text.size(), [&](std::size_t, char c) {
    if (c == '(' || c == '{') return ++depth > limit;
    if ((c == ')' || c == '}') && depth > 0) --depth;
    return false;
  });
  if (at == std::string_view::npos) return std::nullopt;
  return static_cast<std::uint32_t>(at);
}

}  // namespace

parse_result parse(source_file const& src, parse_options const& options, std::uint32_t file) {
  namespace x3 = boost::spirit::x3;
  parse_result out;
  std::string_view text = src.text();
  auto error = [&](std::string code, std::uint32_t at, std::uint32_t end, std::string message) {
    out.diags.push_back({severity::error, std::move(code), {at, end}, std::move(message), file});
  };

  if (text.size() > options.max_bytes) {
    error("syntax.too_large", 0, 0,
          say(options.lang, "rule file is larger than {0} bytes", {std::to_string(options.max_bytes)}));
    return out;
  }
  if (auto bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    auto at = static_cast<std::uint32_t>(bad);
    error("syntax.invalid_utf8", at, at + 1, say(options.lang, "invalid UTF-8 byte sequence"));
    return out;
  }
  if (auto deep = too_deep_at(text, options.max_nesting)) {
    error("syntax.too_deep", *deep, *deep + 1,
          say(options.lang, "nesting deeper than {0} levels", {std::to_string(options.max_nesting)}));
    return out;
  }

  char const* const begin = text.data();
  char const* const last = begin + text.size();
  char const* first = begin;
  // A byte order mark, as editors on Windows write one: read past it, as JSON readers do. Positions stay
  // offsets in the file as it is.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") first += 3;
  detail::parse_state state{begin, &out.diags};
  state.lang = options.lang;
  auto const parser =
      x3::with<detail::parse_state_tag>(std::ref(state))[detail::declaration_grammar()];
  ast::rule_file result;

  while (true) {
    detail::skip_blanks(first, last);
    if (first == last) break;
    ast::declaration decl;
    auto const before = out.diags.size();
    char const* start = first;
    bool ok = false;
    try {
      ok = x3::phrase_parse(first, last, parser, detail::skipper, decl);
    } catch (std::exception const& e) {  // an expectation below the declaration rule; never expected
      error("syntax.internal", static_cast<std::uint32_t>(start - begin),
            static_cast<std::uint32_t>(start - begin), e.what());
    }
    if (ok) {
      result.declarations.push_back(std::move(decl));
      continue;
    }
    if (out.diags.size() == before + 1 && out.diags[before].code == "syntax.expected")
      detail::refine_syntax_error(text, static_cast<std::size_t>(start - begin), state.expected, state.found,
                                  options.lang, out.diags, before);
    if (out.diags.size() == before) {
      auto at = static_cast<std::uint32_t>(start - begin);
      std::size_t word = 0;
      while (start + word != last && detail::is_identifier_char(start[word])) ++word;
      error("syntax.expected_declaration", at, at + static_cast<std::uint32_t>(word ? word : 1),
            say(options.lang, "expected a declaration (document, agency, unit, ladder, field, indicator, target, obligation, task or check)"));
      detail::suggest_declaration_keyword(text, options.lang, out.diags, before);
    }
    auto resume = recovery_point(text, static_cast<std::size_t>(start - begin));
    first = begin + resume;
  }
  for (auto& d : out.diags) d.file = file;
  if (!has_errors(out.diags)) out.ast = std::move(result);
  return out;
}

}  // namespace chitieu::syntax
