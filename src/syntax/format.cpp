// The canonical layout of rule files: a small lexer over the lexical rules of docs/language.md §1, then a
// layout from brace depth, parentheses and declaration keywords. Only whitespace changes; the output is
// lexed again and must give the same tokens.
#include <chitieu/syntax/format.hpp>
#include <chitieu/syntax/keywords.hpp>

#include <algorithm>
#include <iterator>
#include <vector>

namespace chitieu::syntax {
namespace {

enum class tok { word, string, number, comment, punct };

struct token {
  tok kind;
  std::string_view text;
  std::uint32_t offset = 0;
  int newlines_before = 0;    // line breaks in the whitespace before it
  bool space_before = false;  // any whitespace (or line break) before it
  std::uint32_t column = 1;   // 1-based, in code points
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_word_char(char c) { return is_word_start(c) || is_digit(c); }

std::size_t digits_from(std::string_view s, std::size_t i) {
  while (i < s.size() && is_digit(s[i])) ++i;
  return i;
}

/// A number, percent, date (2025-11-05) or day/month, month/year (25/11, 12/2025) starting at i.
std::size_t scan_number(std::string_view s, std::size_t i) {
  std::size_t run = digits_from(s, i);
  // YYYY-M[M]-D[D]
  if (run - i == 4 && run + 1 < s.size() && s[run] == '-' && is_digit(s[run + 1])) {
    std::size_t m = digits_from(s, run + 1);
    if (m - (run + 1) <= 2 && m + 1 < s.size() && s[m] == '-' && is_digit(s[m + 1])) {
      std::size_t d = std::min(digits_from(s, m + 1), m + 3);
      return d;
    }
  }
  // D[D]/N
  if (run > i && run - i <= 2 && run + 1 < s.size() && s[run] == '/' && is_digit(s[run + 1]))
    return digits_from(s, run + 1);
  std::size_t j = run;
  if (j + 1 < s.size() && s[j] == '.' && is_digit(s[j + 1])) j = digits_from(s, j + 1);
  if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
    std::size_t k = j + 1;
    if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
    if (k < s.size() && is_digit(s[k])) j = digits_from(s, k);
  }
  if (j < s.size() && s[j] == '%') ++j;
  return j;
}

std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

struct lexed {
  std::vector<token> tokens;
  diagnostics diags;
};

lexed lex(std::string_view s, std::uint32_t file, language lang) {
  lexed out;
  std::size_t i = 0, line_start = 0;
  int newlines = 0;
  bool space = false;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
      space = true;
      continue;
    }
    if (c == '\n') {
      ++i;
      ++newlines;
      space = true;
      line_start = i;
      continue;
    }
    std::size_t start = i;
    tok kind = tok::punct;
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      while (i < s.size() && s[i] != '\n') ++i;
      kind = tok::comment;
    } else if (c == '"') {
      ++i;
      bool closed = false;
      while (i < s.size() && s[i] != '\n') {
        if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] != '\n') {
          i += 2;
          continue;
        }
        if (s[i++] == '"') {
          closed = true;
          break;
        }
      }
      if (!closed)
        out.diags.push_back({severity::error, "fmt.unterminated_string",
                             {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i)},
                             say(lang, "string not closed on its line"), file});
      kind = tok::string;
    } else if (is_word_start(c)) {
      while (i < s.size() && is_word_char(s[i])) ++i;
      kind = tok::word;
    } else if (is_digit(c) || (c == '.' && i + 1 < s.size() && is_digit(s[i + 1]))) {
      i = scan_number(s, i);
      kind = tok::number;
    } else {
      static constexpr std::string_view pairs[] = {">=", "<=", "==", "!="};
      bool pair = false;
      for (auto p : pairs)
        if (s.substr(i, 2) == p) pair = true;
      i += pair ? 2 : std::min(utf8_length(static_cast<unsigned char>(c)), s.size() - i);
    }
    token t;
    t.kind = kind;
    t.text = s.substr(start, i - start);
    t.offset = static_cast<std::uint32_t>(start);
    t.newlines_before = newlines;
    t.space_before = space;
    t.column = static_cast<std::uint32_t>(code_points(s.substr(line_start, start - line_start)) + 1);
    out.tokens.push_back(t);
    newlines = 0;
    space = false;
  }
  return out;
}

keyword const* keyword_of(token const& t) {
  return t.kind == tok::word ? find_keyword(t.text) : nullptr;
}
bool has_role(token const& t, keyword_role role) {
  auto const* k = keyword_of(t);
  return k && k->role == role;
}
bool is_word(token const& t, std::string_view w) { return t.kind == tok::word && t.text == w; }
bool is_punct(token const& t, std::string_view p) { return t.kind == tok::punct && t.text == p; }

/// Operators and separators written with a space on each side.
bool is_spaced_operator(token const& t) {
  static constexpr std::string_view ops[] = {"+",  "-",  "*",  "/", "=", "==", "!=", "<", "<=",
                                             ">",  ">=", "|",  ":", "{", "}",  "\xE2\x89\xA5",
                                             "\xE2\x89\xA4"};
  if (t.kind != tok::punct) return false;
  for (auto op : ops)
    if (t.text == op) return true;
  return false;
}

/// An operator, a separator or an opening parenthesis: what comes after it is an operand.
bool wants_operand(token const& t) {
  if (t.kind == tok::punct) return !is_punct(t, ")") && !is_punct(t, "}");
  auto const* k = keyword_of(t);
  return k && k->role != keyword_role::constant && k->role != keyword_role::function;
}

/// A line that ends with one of these goes on to the next.
bool ends_open(token const& t) {
  if (t.kind == tok::punct)
    return (is_spaced_operator(t) && !is_punct(t, "{") && !is_punct(t, "}")) || is_punct(t, ",") ||
           is_punct(t, "(") || is_punct(t, ".");
  return has_role(t, keyword_role::operator_word);
}
/// A line that starts with one of these goes on from the previous one. Comparators are not here: at the
/// start of a line in a target they begin a milestone.
bool starts_continuation(token const& t) {
  static constexpr std::string_view ops[] = {"+", "-", "*", "/", ",", "|", ".", ")"};
  if (t.kind == tok::punct) {
    for (auto op : ops)
      if (t.text == op) return true;
    return false;
  }
  return is_word(t, "and") || is_word(t, "or") || is_word(t, "where");
}

struct line {
  std::size_t first = 0, last = 0;       // range of code tokens
  token const* comment = nullptr;        // trailing comment, or the whole line when first == last
  bool blank_before = false;
  int braces = 0, parens = 0;            // open at the start of the line
};

class formatter {
 public:
  formatter(std::vector<token> const& tokens, std::uint32_t file, language lang) : file_(file), lang_(lang) {
    for (auto const& t : tokens)
      if (t.kind != tok::comment) code_.push_back(t);
    split(tokens);
  }

  diagnostics const& diags() const { return diags_; }

  std::string render() const {
    std::string out;
    for (std::size_t n = 0; n < lines_.size(); ++n) {
      auto const& l = lines_[n];
      if (n > 0 && wants_blank(n)) out += '\n';
      std::string text(indent(n), ' ');
      for (std::size_t i = l.first; i < l.last; ++i) {
        if (i > l.first && spaced(i)) text += ' ';
        text += code_[i].text;
      }
      if (l.comment) {
        auto comment = l.comment->text;
        while (!comment.empty() && (comment.back() == ' ' || comment.back() == '\t' || comment.back() == '\r'))
          comment.remove_suffix(1);
        if (l.first != l.last) {  // trailing: as far from the code as written, at least two spaces
          auto const& last = code_[l.last - 1];
          std::size_t end = last.column + code_points(last.text);
          text.append(std::max<std::size_t>(2, l.comment->column > end ? l.comment->column - end : 0), ' ');
        }
        text += comment;
      }
      out += text;
      out += '\n';
    }
    return out;
  }

 private:
  bool is_comment_line(std::size_t n) const { return lines_[n].first == lines_[n].last; }

  /// The source's blank lines (at most one), none after `{` or before `}`, and always one before a
  /// block declaration at the top level (above the comment lines attached to it).
  bool wants_blank(std::size_t n) const {
    auto const& l = lines_[n];
    auto const& p = lines_[n - 1];
    if (!is_comment_line(n) && is_punct(code_[l.first], "}")) return false;
    if (!is_comment_line(n - 1) && is_punct(code_[p.last - 1], "{")) return false;
    if (l.blank_before) return true;
    if (is_comment_line(n - 1)) return false;  // inside a run of comment lines
    std::size_t d = n;
    while (d < lines_.size() && is_comment_line(d)) {
      ++d;
      if (d < lines_.size() && lines_[d].blank_before) return false;
    }
    if (d == lines_.size() || lines_[d].braces != 0 || lines_[d].parens != 0) return false;
    auto const& head = code_[lines_[d].first];
    bool block = is_word(head, "document") || is_word(head, "ladder") || is_word(head, "target") ||
                 is_word(head, "obligation") || is_word(head, "task") || is_word(head, "check");
    return block && is_declaration_start(lines_[d].first);
  }

  std::size_t indent(std::size_t n) const {
    auto const& l = lines_[n];
    std::size_t width = 2 * static_cast<std::size_t>(l.braces);
    if (l.parens > 0) return width + 4 + 2 * static_cast<std::size_t>(l.parens - 1);
    if (is_comment_line(n)) return width;
    if (continues(n)) width += 4;
    return width;
  }

  bool continues(std::size_t n) const {
    auto const& l = lines_[n];
    auto const& head = code_[l.first];
    if (is_punct(head, "}") || is_punct(head, "{")) return false;  // `{` here follows a comment
    if (l.braces == 0) return !is_declaration_start(l.first);
    if (starts_continuation(head)) return true;
    for (std::size_t p = n; p-- > 0;)
      if (!is_comment_line(p)) return ends_open(code_[lines_[p].last - 1]);
    return false;
  }

  /// Whether the item that token `i` belongs to begins with `keyword` (the nearest item keyword before it).
  bool in_item(std::size_t i, std::string_view keyword) const {
    while (i-- > 0) {
      auto const* k = code_[i].kind == tok::word ? find_keyword(code_[i].text) : nullptr;
      if (k && k->starts_item) return code_[i].text == keyword;
      if (is_punct(code_[i], "{")) return false;
    }
    return false;
  }

  /// An item keyword right inside a block, after a token that completes the item before it: `cite`,
  /// `require`, `lead`, … (in a document: `number`, `date`, …), `due 25/11`, and a comparator after a
  /// milestone's `by YEAR`. A keyword used as a name in an expression follows an operator, so it stays.
  bool is_item_start(std::size_t i, std::string_view block) const {
    if (i == 0) return false;
    auto const& t = code_[i];
    auto const& prev = code_[i - 1];
    bool complete = prev.kind == tok::string || prev.kind == tok::number || is_punct(prev, ")") ||
                    (prev.kind == tok::word && (!keyword_of(prev) || has_role(prev, keyword_role::constant) ||
                                                is_word(prev, "ongoing") || is_word(prev, "error") ||
                                                is_word(prev, "warning") || is_word(prev, "year") ||
                                                is_word(prev, "years") || is_word(prev, "issue") ||
                                                is_word(prev, "province")));
    if (!complete) return false;
    if (t.kind == tok::punct) {
      static constexpr std::string_view comparators[] = {">=", ">", "<=", "<", "=", "==", "\xE2\x89\xA5",
                                                         "\xE2\x89\xA4"};
      bool comparator = std::find(std::begin(comparators), std::end(comparators), t.text) != std::end(comparators);
      // A measure is arithmetic, so outside parentheses a target's comparators are its milestones,
      // whatever item comes before (`measure x`, `restates T2`, `baseline 80% in 2024`).
      return comparator && ((prev.kind == tok::number && i >= 2 && is_word(code_[i - 2], "by")) ||
                            (block == "target" && !in_item(i, "require")));
    }
    if (t.kind != tok::word) return false;
    static constexpr std::string_view document_items[] = {"number", "kind",       "issuer", "province",
                                                          "title",  "date",       "signer", "implements",
                                                          "level",  "monitor",    "replaces"};
    if (block == "document")
      return std::find(std::begin(document_items), std::end(document_items), t.text) != std::end(document_items);
    if (block == "ladder") return false;
    if (t.text == "due") return i + 1 < code_.size() && code_[i + 1].kind == tok::number;
    auto const* k = find_keyword(t.text);
    return k && k->starts_item;
  }

  /// A declaration keyword at the top level that begins a declaration (not a name inside an
  /// indicator's expression).
  bool is_declaration_start(std::size_t i) const {
    if (!has_role(code_[i], keyword_role::declaration)) return false;
    if (i == 0) return true;
    auto const& prev = code_[i - 1];
    if (prev.kind == tok::word)
      return !has_role(prev, keyword_role::declaration) && !is_word(prev, "level") &&
             !has_role(prev, keyword_role::operator_word);
    if (prev.kind == tok::punct) return is_punct(prev, "}") || is_punct(prev, ")");
    return true;  // after a string or a number
  }

  bool is_unary_minus(std::size_t i) const {
    if (!is_punct(code_[i], "-")) return false;
    return i == 0 || wants_operand(code_[i - 1]);
  }

  /// Whether a space goes between code tokens i-1 and i (on one line).
  bool spaced(std::size_t i) const {
    auto const& a = code_[i - 1];
    auto const& b = code_[i];
    if (is_punct(a, "(") || is_punct(b, ")") || is_punct(b, ",")) return false;
    if (is_punct(a, "{") && is_punct(b, "}")) return false;
    if (is_punct(a, ",")) return true;
    if (is_punct(a, ".") || is_punct(b, ".")) return false;
    if (is_punct(b, "(")) {
      if (a.kind == tok::word) {
        auto const* k = keyword_of(a);
        return k && k->role != keyword_role::function;
      }
      return !is_unary_minus(i - 1);
    }
    if (is_unary_minus(i - 1)) return false;
    if (is_spaced_operator(a) || is_spaced_operator(b)) return true;
    if (a.kind != tok::punct && b.kind != tok::punct) return true;
    return b.space_before;  // punctuation the language does not have yet: as written
  }

  void split(std::vector<token> const& tokens) {
    std::vector<token const*> open;
    std::size_t code_index = 0;
    token const* prev = nullptr;
    int braces = 0, parens = 0;
    std::string_view block;  // the declaration keyword of the block we are in
    for (auto const& t : tokens) {
      if (t.kind == tok::comment) {
        if (!lines_.empty() && t.newlines_before == 0 && prev && prev->kind != tok::comment) {
          lines_.back().comment = &t;
        } else {
          line l;
          l.first = l.last = code_index;
          l.comment = &t;
          l.blank_before = t.newlines_before >= 2;
          l.braces = braces;
          l.parens = parens;
          lines_.push_back(l);
        }
        prev = &t;
        continue;
      }
      bool after_comment = prev && prev->kind == tok::comment;
      bool start = lines_.empty() || after_comment;
      bool empty_block = prev && is_punct(t, "}") && is_punct(*prev, "{");  // `{}` stays together
      if (!start && !is_punct(t, "{") && !empty_block)
        start = t.newlines_before > 0 || is_punct(*prev, "{") || is_punct(*prev, "}") ||
                is_punct(t, "}") || (braces == 0 && is_declaration_start(code_index)) ||
                (braces == 1 && parens == 0 && is_item_start(code_index, block)) ||
                (braces == 0 && block == "agency" && is_word(t, "allow"));  // an agency's accepted warning
      if (braces == 0 && parens == 0 && is_declaration_start(code_index)) block = t.text;
      if (start) {
        line l;
        l.first = l.last = code_index;
        l.blank_before = t.newlines_before >= 2;
        l.braces = braces - (is_punct(t, "}") ? 1 : 0);
        l.parens = parens - (is_punct(t, ")") ? 1 : 0);
        lines_.push_back(l);
      }
      lines_.back().last = ++code_index;
      if (is_punct(t, "{") || is_punct(t, "(")) {
        open.push_back(&t);
        (is_punct(t, "{") ? braces : parens) += 1;
      } else if (is_punct(t, "}") || is_punct(t, ")")) {
        char want = t.text[0] == '}' ? '{' : '(';
        if (open.empty() || open.back()->text[0] != want) {
          unbalanced(t, say(lang_, "'{0}' closes nothing that is open", {t.text}));
          return;
        }
        open.pop_back();
        (want == '{' ? braces : parens) -= 1;
      }
      prev = &t;
    }
    if (!open.empty()) unbalanced(*open.back(), say(lang_, "'{0}' is never closed", {open.back()->text}));
  }

  void unbalanced(token const& t, std::string message) {
    diags_.push_back({severity::error, "fmt.unbalanced",
                      {t.offset, static_cast<std::uint32_t>(t.offset + t.text.size())}, std::move(message),
                      file_});
  }

  std::uint32_t file_;
  language lang_;
  std::vector<token> code_;
  std::vector<line> lines_;
  diagnostics diags_;
};

std::string_view trimmed(token const& t) {
  auto s = t.text;
  if (t.kind == tok::comment)
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

format_result format(source_file const& src, std::uint32_t file, language lang) {
  format_result result;
  if (auto bad = find_invalid_utf8(src.text()); bad != std::string_view::npos) {
    auto at = static_cast<std::uint32_t>(bad);
    result.diags.push_back({severity::error, "syntax.invalid_utf8", {at, at + 1}, say(lang, "the file is not valid UTF-8"), file});
    return result;
  }
  // A byte order mark stays where it is, outside the layout; diagnostics count it (offsets in the file).
  std::string_view const bom = src.text().substr(0, 3) == "\xEF\xBB\xBF" ? src.text().substr(0, 3) : "";
  auto in_file = [&](diagnostics diags) {
    for (auto& d : diags) {
      d.span.begin += static_cast<std::uint32_t>(bom.size());
      d.span.end += static_cast<std::uint32_t>(bom.size());
    }
    return diags;
  };
  auto lexed_in = lex(src.text().substr(bom.size()), file, lang);
  result.diags = in_file(std::move(lexed_in.diags));
  if (has_errors(result.diags)) return result;
  formatter f(lexed_in.tokens, file, lang);
  if (has_errors(f.diags())) {
    result.diags = in_file(f.diags());
    return result;
  }
  std::string text = f.render();
  // The layout must not change a single token: lex the result and compare.
  auto lexed_out = lex(text, file, lang);
  bool same = lexed_out.tokens.size() == lexed_in.tokens.size();
  for (std::size_t i = 0; same && i < lexed_in.tokens.size(); ++i)
    same = lexed_in.tokens[i].kind == lexed_out.tokens[i].kind &&
           trimmed(lexed_in.tokens[i]) == trimmed(lexed_out.tokens[i]);
  if (!same) {
    result.diags.push_back({severity::error, "fmt.internal", {0, 0},
                            say(lang, "the layout would change the tokens of this file; it is left as it is"), file});
    return result;
  }
  result.text = std::string(bom) + text;
  return result;
}

}  // namespace chitieu::syntax
