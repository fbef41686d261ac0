// Reads one spreadsheet cell as a value of a field's type, the way an office types it: "Có"/"Không"
// for yes/no, dates as Excel serial numbers or dd/mm/yyyy, numbers kept as text ("20,5"), and
// "n/a"/"không áp dụng" for a figure that does not apply (docs/data.md, Workbooks).
#include "cell_values.hpp"

#include "numbers.hpp"

#include <chitieu/date.hpp>
#include <chitieu/number.hpp>

#include <cmath>
#include <cstdlib>

namespace chitieu::eval::detail {

namespace {

std::string trim(std::string const& s) {
  auto is_space = [](std::string_view t, std::size_t i) -> std::size_t {
    if (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n') return 1;
    if (t.substr(i, 2) == "\xC2\xA0") return 2;  // no-break space, common in pasted figures
    return 0;
  };
  std::string_view t(s);
  while (!t.empty() && is_space(t, 0)) t.remove_prefix(is_space(t, 0));
  while (!t.empty()) {
    if (t.back() == ' ' || t.back() == '\t' || t.back() == '\r' || t.back() == '\n') t.remove_suffix(1);
    else if (t.size() >= 2 && t.substr(t.size() - 2) == "\xC2\xA0") t.remove_suffix(2);
    else break;
  }
  return std::string(t);
}

bool one_of(std::string const& s, std::initializer_list<char const*> words) {
  for (auto w : words)
    if (s == w) return true;
  return false;
}

bool is_not_applicable(std::string const& s) {
  return one_of(s, {"n/a", "N/A", "N/a", "không áp dụng", "Không áp dụng", "KHÔNG ÁP DỤNG"});
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

struct parsed_number {
  double value = 0;
  bool ok = false;
  bool reformatted = false;  // written the Vietnamese way (decimal comma, dots between thousands)
};

// "20.5" and "1e6" as JSON writes them; "20,5" (decimal comma) and "1.234.567" or "1.234,5" (dots
// between thousands) the Vietnamese way. A single dot stays a decimal point, as in JSON.
parsed_number parse_number_text(std::string const& s) {
  parsed_number out;
  if (s.empty()) return out;
  std::string_view body(s);
  std::string sign;
  if (body.front() == '-' || body.front() == '+') {
    sign = body.front() == '-' ? "-" : "";
    body.remove_prefix(1);
  }
  auto comma = body.find(',');
  std::string_view whole = body.substr(0, comma);
  std::string_view fraction = comma == std::string_view::npos ? std::string_view() : body.substr(comma + 1);
  if (comma != std::string_view::npos && !all_digits(fraction)) return out;
  std::string digits;
  bool grouped = false;
  if (whole.find('.') != whole.rfind('.') || (comma != std::string_view::npos && whole.find('.') != std::string_view::npos)) {
    // dots between thousands: 1.234.567 or 1.234,5; every group after the first has three digits
    std::size_t start = 0;
    bool first = true;
    while (true) {
      auto dot = whole.find('.', start);
      auto group = whole.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
      if (!all_digits(group) || group.size() > 3 || (!first && group.size() != 3)) return out;
      digits += group;
      first = false;
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
    grouped = true;
  } else {
    digits = std::string(whole);
  }
  std::string text = sign + digits + (comma == std::string_view::npos ? "" : "." + std::string(fraction));
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(v) || digits.empty()) return out;
  if (!grouped && comma == std::string_view::npos) {
    // plain JSON-like text: strtod accepted it all, but refuse "inf", "nan" and hex
    for (char c : digits)
      if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+')) return out;
  }
  out.value = v;
  out.ok = true;
  out.reformatted = grouped || comma != std::string_view::npos;
  return out;
}

std::optional<std::int32_t> parse_vn_date(std::string const& s) {
  if (auto iso = parse_iso_date(s)) return iso;
  auto a = s.find('/');
  auto b = a == std::string::npos ? a : s.find('/', a + 1);
  if (b == std::string::npos) return std::nullopt;
  auto d = s.substr(0, a), m = s.substr(a + 1, b - a - 1), y = s.substr(b + 1);
  if (!all_digits(d) || !all_digits(m) || !all_digits(y) || d.size() > 2 || m.size() > 2 || y.size() != 4)
    return std::nullopt;
  int year = std::stoi(y);
  unsigned month = unsigned(std::stoi(m)), day = unsigned(std::stoi(d));
  if (!is_valid_date(year, month, day)) return std::nullopt;
  return days_from_civil({year, month, day});
}

bool is_numeric_kind(sema::value_kind k) {
  switch (k) {
    case sema::value_kind::number:
    case sema::value_kind::count:
    case sema::value_kind::percent:
    case sema::value_kind::money:
    case sema::value_kind::rank:
    case sema::value_kind::year: return true;
    default: return false;
  }
}

// Whole numbers without decimals: format_vn_number's rounding adds digits to large whole numbers.
std::string number_text(double v, language lang = language::vi) {
  return number_in(lang, v, v == std::floor(v) ? 0 : 6);
}

}  // namespace

std::string plain(cell const& c) {
  if (c.kind == cell::type::number && std::abs(c.number) < 1e15 && c.number == std::floor(c.number))
    return std::to_string(static_cast<long long>(c.number));
  return shown(c);
}

std::string shown(cell const& c, language lang) {
  switch (c.kind) {
    case cell::type::number: return number_text(c.number, lang);
    case cell::type::boolean: return c.number != 0 ? "TRUE" : "FALSE";
    default: return c.text;
  }
}

cell_reading read_cell(cell const& c, sema::field const& f, sema::checked_ruleset const& rules,
                       bool date1904, language lang) {
  cell_reading r;
  if (c.kind == cell::type::empty) return r;
  std::string text = c.kind == cell::type::text ? trim(c.text) : std::string();
  if (c.kind == cell::type::text && text.empty()) return r;
  if (c.kind == cell::type::text && is_not_applicable(text)) {
    r.value = "n/a";
    return r;
  }
  auto fail = [&](char const* code, std::string message) {
    r.problem_code = code;
    r.problem = std::move(message);
    return r;
  };
  if (c.kind == cell::type::error)
    return fail("data.wrong_type", say(lang, "ô báo lỗi '{0}' thay vì một giá trị", {c.text}));
  auto quoted = "'" + shown(c, lang) + "'";
  auto kind = f.type.kind;
  if (is_numeric_kind(kind)) {
    if (c.kind == cell::type::number) {
      r.value = c.number;
      return r;
    }
    if (c.kind == cell::type::boolean) return fail("data.wrong_type", say(lang, "{0} không phải là số", {quoted}));
    auto n = parse_number_text(text);
    if (!n.ok) return fail("data.wrong_type", say(lang, "{0} không phải là số", {quoted}));
    r.value = n.value;
    r.note = say(lang, "{0} được nhập dưới dạng chữ; đã đọc là số {1}", {quoted, number_text(n.value, lang)});
    if (!n.reformatted) r.note.clear();  // "20.5" typed as text reads the same in every locale
    return r;
  }
  switch (kind) {
    case sema::value_kind::boolean:
      if (c.kind == cell::type::boolean) r.value = c.number != 0;
      else if (c.kind == cell::type::number && (c.number == 0 || c.number == 1)) r.value = c.number == 1;
      // Yes/No too: the drop-downs of a template written in English (`--lang en`) offer them.
      else if (one_of(text, {"Có", "có", "CÓ", "x", "X", "Đúng", "đúng", "true", "TRUE", "True", "1", "Yes", "yes", "YES"})) r.value = true;
      else if (one_of(text, {"Không", "không", "KHÔNG", "Sai", "sai", "false", "FALSE", "False", "0", "No", "no", "NO"})) r.value = false;
      else return fail("data.wrong_type", say(lang, "{0} không phải là Có/Không", {quoted}));
      return r;
    case sema::value_kind::date: {
      std::optional<std::int32_t> day;
      if (c.kind == cell::type::number && c.number >= 1 && c.number < 2958466) {  // up to 9999-12-31
        auto base = date1904 ? days_from_civil({1904, 1, 1}) : days_from_civil({1899, 12, 30});
        day = base + std::int32_t(std::floor(c.number));
      } else if (c.kind == cell::type::text) {
        day = parse_vn_date(text);
      }
      if (!day) return fail("data.bad_date", say(lang, "{0} không phải là ngày (dd/mm/yyyy)", {quoted}));
      r.value = format_iso_date(*day);
      return r;
    }
    case sema::value_kind::level: {
      std::string typed = c.kind == cell::type::text ? text : plain(c);
      std::string choices;
      if (f.type.ladder >= 0 && f.type.ladder < int(rules.ladders.size()))
        for (auto const& l : rules.ladders[std::size_t(f.type.ladder)].levels) {
          if (typed == l.id || typed == l.title) {
            r.value = l.id;
            return r;
          }
          choices += (choices.empty() ? "" : ", ") + l.title;
        }
      return fail("data.unknown_level", say(lang, "{0} không phải là một mức trong danh sách ({1})", {quoted, choices}));
    }
    case sema::value_kind::text:
      r.value = c.kind == cell::type::text ? text : plain(c);
      return r;
    default: return r;
  }
}

}  // namespace chitieu::eval::detail
