// Better syntax errors, found by looking at the text around the point where the parser stopped.
#include "hints.hpp"

#include "code_chars.hpp"

#include <chitieu/suggest.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace chitieu::syntax::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_word_char(char c) { return is_word_start(c) || is_digit(c); }

std::string_view word_at(std::string_view text, std::size_t at) {
  if (at >= text.size() || !is_word_start(text[at])) return {};
  std::size_t end = at;
  while (end < text.size() && is_word_char(text[end])) ++end;
  return text.substr(at, end - at);
}

std::size_t line_end(std::string_view text, std::size_t at) {
  auto e = text.find('\n', at);
  if (e == std::string_view::npos) e = text.size();
  if (e > at && text[e - 1] == '\r') --e;
  return e;
}

/// The keywords an author may have meant, from what the parser expected there.
std::vector<std::string> keywords_for(std::string_view expected) {
  if (expected == "item or '}'" || expected == "'}'")
    return {"cite",     "group",   "note",   "output", "applies", "parent",  "implements",
            "lead",     "support", "after",  "serves", "measure", "require", "weight",
            "baseline", "every",   "due",    "deadline", "severity", "between", "approx", "allow",
            "restates", "monitor"};
  if (expected == "document item or '}'")
    return {"number", "kind",       "issuer", "province", "title", "signer",
            "implements", "date", "level", "monitor", "replaces"};
  // Otherwise the words the display name lists: "type (number, count, …)", or quoted: "'by'".
  std::vector<std::string> out;
  auto open = expected.find('(');
  bool listed = open != std::string_view::npos;
  bool quoted = false;
  for (std::size_t i = listed ? open : 0; i < expected.size(); ++i) {
    if (expected[i] == '\'') quoted = !quoted;
    if (!is_word_start(expected[i])) continue;
    std::size_t j = i;
    while (j < expected.size() && is_word_char(expected[j])) ++j;
    auto w = std::string(expected.substr(i, j - i));
    if ((listed || quoted) && w != "or") out.push_back(w);
    i = j - 1;
  }
  return out;
}

bool starts_declaration_keyword(std::string_view word) {
  static constexpr std::string_view keywords[] = {"document", "agency",    "unit", "ladder", "field",
                                                  "indicator", "target", "obligation", "task", "check"};
  return std::find(std::begin(keywords), std::end(keywords), word) != std::end(keywords);
}

/// The last '{' between `from` and `to` left open, outside strings and comments.
std::optional<std::size_t> open_brace(std::string_view text, std::size_t from, std::size_t to) {
  std::vector<std::size_t> open;
  detail::for_each_code_char(text, from, to, [&](std::size_t i, char c) {
    if (c == '{') open.push_back(i);
    else if (c == '}' && !open.empty()) open.pop_back();
    return false;
  });
  if (open.empty()) return std::nullopt;
  return open.back();
}

/// Where the run of digits and dots that ends just before `at` starts.
std::size_t number_start(std::string_view text, std::size_t at) {
  std::size_t b = at;
  while (b > 0 && (is_digit(text[b - 1]) || text[b - 1] == '.')) --b;
  return b;
}

diagnostic note_after(diagnostic const& d, std::size_t begin, std::size_t end, std::string message) {
  return {severity::note, d.code, {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)},
          std::move(message), d.file};
}

}  // namespace

std::string expected_message(language lang, std::string_view which, std::string_view found) {
  // One sentence per display name (grammar_def.hpp), so each language words it whole.
  std::string f(found);
  if (which == "quoted string") return say(lang, "expected quoted string, found {0}", {f});
  if (which == "name") return say(lang, "expected name, found {0}", {f});
  if (which == "identifier") return say(lang, "expected identifier, found {0}", {f});
  if (which == "level (id \"title\")") return say(lang, "expected level (id \"title\"), found {0}", {f});
  if (which == "comparison") return say(lang, "expected comparison, found {0}", {f});
  if (which == "number (per N)") return say(lang, "expected number (per N), found {0}", {f});
  if (which == "deadline (ongoing, by, during, from, every … by or within … days of)")
    return say(lang, "expected deadline (ongoing, by, during, from, every … by or within … days of), found {0}", {f});
  if (which == "type (number, count, percent, money, bool, year, date, rank, text or level)")
    return say(lang, "expected type (number, count, percent, money, bool, year, date, rank, text or level), found {0}", {f});
  if (which == "unit kind") return say(lang, "expected unit kind, found {0}", {f});
  if (which == "item") return say(lang, "expected item, found {0}", {f});
  if (which == "item or '}'") return say(lang, "expected item or '}', found {0}", {f});
  if (which == "document item or '}'") return say(lang, "expected document item or '}', found {0}", {f});
  if (which == "expression") return say(lang, "expected expression, found {0}", {f});
  if (which == "operand") return say(lang, "expected operand, found {0}", {f});
  if (which == "condition") return say(lang, "expected condition, found {0}", {f});
  if (which == "function call") return say(lang, "expected function call, found {0}", {f});
  if (which == "aggregate") return say(lang, "expected aggregate, found {0}", {f});
  if (which == "number") return say(lang, "expected number, found {0}", {f});
  if (which == "true or false") return say(lang, "expected true or false, found {0}", {f});
  if (which == "milestone") return say(lang, "expected milestone, found {0}", {f});
  if (which == "year") return say(lang, "expected year, found {0}", {f});
  if (which == "year (YYYY)") return say(lang, "expected year (YYYY), found {0}", {f});
  if (which == "date (YYYY-MM-DD)") return say(lang, "expected date (YYYY-MM-DD), found {0}", {f});
  if (which == "day of the month") return say(lang, "expected day of the month, found {0}", {f});
  if (which == "quarter (Q1 2026)") return say(lang, "expected quarter (Q1 2026), found {0}", {f});
  if (which == "day/month or month/year") return say(lang, "expected day/month or month/year, found {0}", {f});
  if (which == "period (date, quarter, month or year)")
    return say(lang, "expected period (date, quarter, month or year), found {0}", {f});
  if (which == "value (number, percent or level)")
    return say(lang, "expected value (number, percent or level), found {0}", {f});
  if (which == "'year' or 'N years'") return say(lang, "expected 'year' or 'N years', found {0}", {f});
  if (which == "'error' or 'warning'") return say(lang, "expected 'error' or 'warning', found {0}", {f});
  if (which == "target, obligation, task or check")
    return say(lang, "expected target, obligation, task or check, found {0}", {f});
  if (which == "level") return say(lang, "expected level, found {0}", {f});
  // A keyword or punctuation ("'by'", "'{'"), or a declaration's own name (its keyword): shown as written.
  return say(lang, "expected {0}, found {1}", {which, f});
}

void refine_syntax_error(std::string_view text, std::size_t declaration, std::string_view expected,
                         std::string_view found_text, language lang, diagnostics& diags, std::size_t index) {
  auto& d = diags[index];
  std::size_t at = d.span.begin;
  std::vector<diagnostic> notes;

  if (at < text.size() && text[at] == '"') {
    // A string the parser could not read: the closing quote is missing on this line.
    std::size_t e = line_end(text, at);
    bool closed = false;
    for (std::size_t i = at + 1; i < e; ++i) {
      if (text[i] == '\\') ++i;
      else if (text[i] == '"') {
        closed = true;
        break;
      }
    }
    if (!closed) {
      d.code = "syntax.unterminated_string";
      d.message = say(lang, "unterminated string: close it with '\"' on the same line");
      d.span.end = static_cast<std::uint32_t>(e);
      return;
    }
  }

  // `20,5`: the parser read 20 and stopped at the comma. `T1,2` ends a name there, not a number.
  std::size_t b = number_start(text, at);
  if (at < text.size() && text[at] == ',' && b < at && is_digit(text[at - 1]) &&
      !(b > 0 && is_word_char(text[b - 1])) &&
      at + 1 < text.size() && is_digit(text[at + 1])) {
    std::size_t e = at + 1;
    while (e < text.size() && is_digit(text[e])) ++e;
    if (e < text.size() && text[e] == '%') ++e;
    std::string fixed(text.substr(b, e - b));
    fixed[at - b] = '.';
    d.code = "syntax.decimal_comma";
    d.message = say(lang, "a decimal number takes a dot, not a comma: write {0}", {fixed});
    d.span = {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
    return;
  }

  bool wants_brace = expected.find("'}'") != std::string_view::npos;
  auto found = word_at(text, at);
  if (expected == "'}'") {
    // The items of a block are optional, so the parser only names the brace; say what else fits.
    auto block = word_at(text, declaration);
    std::string f(found_text);
    if (block == "document")
      d.message = say(lang, "expected a document item or '}', found {0}", {f});
    else if (block == "target" || block == "obligation" || block == "task" || block == "check")
      d.message = say(lang, "expected an item or '}', found {0}", {f});
  }
  if (wants_brace) {
    // A '{' left open shows as a declaration keyword (or the end of the file) where '}' was expected.
    bool line_start = true;
    for (std::size_t i = at; i > 0 && text[i - 1] != '\n'; --i)
      if (text[i - 1] != ' ' && text[i - 1] != '\t') line_start = false;
    bool runaway = at >= text.size() || (line_start && starts_declaration_keyword(found));
    if (runaway)
      if (auto brace = open_brace(text, declaration, at))
        notes.push_back(note_after(d, *brace, *brace + 1, say(lang, "to match this '{'")));
  }
  if (!found.empty() && notes.empty()) {
    if (auto best = nearest_name(found, keywords_for(expected)))
      notes.push_back(note_after(d, at, at + found.size(), say(lang, "did you mean '{0}'?", {*best})));
  }
  diags.insert(diags.begin() + static_cast<std::ptrdiff_t>(index) + 1, notes.begin(), notes.end());
}

void suggest_declaration_keyword(std::string_view text, language lang, diagnostics& diags, std::size_t index) {
  auto const& d = diags[index];
  auto found = word_at(text, d.span.begin);
  static std::vector<std::string> const keywords{"document", "agency", "unit",       "ladder", "field",
                                                 "indicator", "target", "obligation", "task", "check"};
  if (auto best = nearest_name(found, keywords))
    diags.insert(diags.begin() + static_cast<std::ptrdiff_t>(index) + 1,
                 note_after(d, d.span.begin, d.span.begin + found.size(),
                            say(lang, "did you mean '{0}'?", {*best})));
}

}  // namespace chitieu::syntax::detail
