// The scorecard as CSV for a spreadsheet opened by double-click in Vietnamese Excel: UTF-8 with a byte
// order mark (or Excel reads the bytes as Windows-1258), `;` between fields and decimal commas (the list
// and decimal separators of the vi-VN locale, so numbers arrive as numbers), CRLF line ends. In English,
// `,` and decimal points, as Excel in an English locale expects, and ISO dates, which it reads as dates
// whatever its day/month order. One row per milestone, obligation year and task of every unit; the
// columns are in docs/scorecard.md.
#include <chitieu/date.hpp>
#include <chitieu/number.hpp>
#include <chitieu/report/format.hpp>
#include <chitieu/report/scorecard.hpp>

#include <cmath>
#include <optional>

namespace chitieu::report {
namespace {

/// The separators of the spreadsheet's locale: `;` and decimal comma in Vietnamese, `,` and point in English.
struct csv_style {
  language lang;
  char separator() const { return lang == language::en ? ',' : ';'; }
};

/// A text field. Quoted when it holds the separator, a quote or a line break; a leading = + - @ (which a
/// spreadsheet would run as a formula: a unit name is data from outside) is kept as text by a quote mark.
std::string text_field(std::string_view s, csv_style style) {
  std::string v(s);
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
    v.insert(0, "'");
  char const special[] = {style.separator(), '"', '\r', '\n', '\0'};
  if (v.find_first_of(special) == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  return out + "\"";
}

/// A number as Excel in the locale reads one: decimal comma (vi-VN) or point (English), no thousands
/// separator; empty when unknown.
std::string number_field(double x, csv_style style) {
  if (!std::isfinite(x)) return "";
  std::string s = format_number(x, 4, style.lang);
  char const thousands = style.lang == language::en ? ',' : '.';
  std::string out;
  for (char c : s)
    if (c != thousands) out.push_back(c);
  return out;
}

/// A day as the spreadsheet reads one: dd/mm/yyyy in Vietnamese; ISO in English, which Excel takes as a
/// date whether its locale puts the month or the day first.
std::string date_field(std::int32_t day, csv_style style) {
  return style.lang == language::en ? format_iso_date(day) : format_vn_date(day);
}

std::string agency_names(std::vector<int> const& agencies, sema::checked_ruleset const& rules) {
  std::string out;
  for (int a : agencies) out += (out.empty() ? "" : ", ") + rules.agencies[static_cast<std::size_t>(a)].title;
  return out;
}

struct row_facts {
  std::string kind, id, title;
  int document = -1;
  int year = 0;
  std::string verdict;
  double value = eval::nan, threshold = eval::nan, gap = eval::nan, progress = eval::nan;
  std::string unit, deadline, accountable, monitors, why;
  double lower = eval::nan, upper = eval::nan;
  std::string reason;
};

/// The columns every row of a target, obligation or task starts from.
template <typename Rule>
row_facts about(std::string kind, Rule const& rule) {
  row_facts f;
  f.kind = kind;
  f.id = rule.id;
  f.title = rule.title;
  f.document = rule.document;
  return f;
}

void write_header(std::ostream& out, language lang, csv_style style) {
  char const sep = style.separator();
  out << "\xEF\xBB\xBF";
  std::string const header[] = {
      say(lang, "Mã đơn vị"), say(lang, "Tên đơn vị"), say(lang, "Loại đơn vị"), say(lang, "Văn bản"),
      say(lang, "Mã"), say(lang, "Loại"), say(lang, "Nội dung"), say(lang, "Năm"), say(lang, "Kết quả"),
      say(lang, "Giá trị"), say(lang, "Ngưỡng"), say(lang, "Khoảng cách"), say(lang, "Đơn vị đo"),
      say(lang, "Tiến độ (%)"), say(lang, "Thời hạn"), say(lang, "Cơ quan chịu trách nhiệm"),
      say(lang, "Cơ quan theo dõi"), say(lang, "Giải thích"), say(lang, "Giá trị thấp nhất"),
      say(lang, "Giá trị cao nhất"), say(lang, "Lý do")};
  for (std::size_t i = 0; i < std::size(header); ++i) {
    if (i) out << sep;
    out << text_field(header[i], style);
  }
  out << "\r\n";
}

/// The rows of `card`; only its tasks serving `tasks_serving` when given (the root, shown for the tasks
/// it carries in the report of a unit below it).
void write_rows(std::ostream& out, scorecard_input const& in, eval::unit_scorecard const& card,
                eval::unit_scorecard const* tasks_serving, csv_style style) {
  auto const& rules = in.plan.rules();
  auto const lang = in.lang;
  char const sep = style.separator();
  bool only_tasks = tasks_serving != nullptr;
  auto const& u = in.data.unit(card.unit);
  auto row = [&](row_facts const& f) {
    auto const& doc = rules.documents[static_cast<std::size_t>(f.document)];
    std::string fields[] = {text_field(u.id, style),
                            text_field(u.name, style),
                            text_field(rules.unit_kinds[static_cast<std::size_t>(u.kind)].title, style),
                            text_field(doc.number.empty() ? doc.id : doc.number, style),
                            text_field(f.id, style),
                            text_field(f.kind, style),
                            text_field(f.title, style),
                            f.year ? std::to_string(f.year) : "",
                            text_field(f.verdict, style),
                            number_field(f.value, style),
                            number_field(f.threshold, style),
                            number_field(f.gap, style),
                            text_field(f.unit, style),
                            number_field(100 * f.progress, style),
                            text_field(f.deadline, style),
                            text_field(f.accountable, style),
                            text_field(f.monitors, style),
                            text_field(f.why, style),
                            number_field(f.lower, style),
                            number_field(f.upper, style),
                            text_field(f.reason, style)};
    for (std::size_t i = 0; i < std::size(fields); ++i) {
      if (i) out << sep;
      out << fields[i];
    }
    out << "\r\n";
  };
  for (auto const& t : card.targets) {
    if (only_tasks) break;
    auto const& rule = rules.targets[static_cast<std::size_t>(t.target)];
    auto f = about(say(lang, "Target"), rule);
    f.unit = display_unit(rule.type);
    f.accountable = agency_names(in.plan.accountable(t.target), rules);
    f.monitors = agency_names(in.plan.monitors(t.target), rules);
    if (t.milestones.empty()) {
      f.verdict = verdict_label(t.headline, lang);
      f.why = f.reason = t.reason;
      row(f);
    }
    for (auto const& m : t.milestones) {
      auto const& ms = rule.milestones[static_cast<std::size_t>(m.milestone)];
      f.year = ms.year;
      f.verdict = verdict_label(m.result, lang);
      bool open = std::isnan(m.value);
      f.value = m.value;  // outcomes are in display units; the rule's own numbers are converted
      f.threshold = display_value(ms.value, rule.type);
      f.gap = m.gap;
      f.progress = m.progress;
      f.deadline = date_field(days_from_civil({ms.year, 12, 31}), style);
      f.why = explain(m, rule, rules, in.data, lang);
      f.lower = open ? m.lower : eval::nan;
      f.upper = open ? m.upper : eval::nan;
      f.reason = m.reason;
      row(f);
    }
  }
  for (auto const& o : card.obligations) {
    if (only_tasks) break;
    auto const& rule = rules.obligations[static_cast<std::size_t>(o.obligation)];
    auto obligation = about(say(lang, "Obligation"), rule);  // who answers is the same every year
    obligation.accountable = agency_names(in.plan.obligation_accountable(o.obligation), rules);
    obligation.monitors = agency_names(in.plan.obligation_monitors(o.obligation), rules);
    for (auto const& y : o.years) {
      auto f = obligation;
      f.year = y.year;
      f.verdict = verdict_label(y.result, lang);
      f.deadline = date_field(y.due ? y.due : days_from_civil({y.year, 12, 31}), style);
      f.why = explain_requirement(y, rule, rules, in.data, lang);
      f.reason = y.reason;
      // A date compared (a report's day) is in the explanation: a spreadsheet column holds numbers.
      auto const* type = compared_type(rule, y.requirement, rules);
      if (type && type->kind != sema::value_kind::date) {
        f.value = y.value;
        f.threshold = y.threshold;
        f.gap = y.gap;
        f.unit = display_unit(*type);
        if (std::isnan(y.value)) f.lower = y.lower, f.upper = y.upper;
      }
      row(f);
    }
  }
  for (auto const& k : card.tasks) {
    auto const& rule = rules.tasks[static_cast<std::size_t>(k.task)];
    if (only_tasks && !serves_unit(rule, *tasks_serving)) continue;
    auto f = about(say(lang, "Task"), rule);
    f.verdict = verdict_label(k.result, lang);
    f.progress = std::isnan(k.reported_progress) ? eval::nan : k.reported_progress / 100;
    f.deadline = k.due ? date_field(k.due, style) : rule.when.text;
    std::vector<int> agencies = rule.lead;
    agencies.insert(agencies.end(), rule.support.begin(), rule.support.end());
    f.accountable = agency_names(agencies, rules);
    f.why = rule.when.text;
    row(f);
  }
}

void write_source(std::ostream& out, scorecard_input const& in, csv_style style) {
  if (!in.source) return;
  // The last row says what the sheet was computed from; its columns are those of a unit's rows.
  char const sep = style.separator();
  out << std::string(5, sep) << text_field(say(in.lang, "Nguồn"), style) << sep
      << text_field(provenance_line(*in.source), style) << "\r\n";
}

}  // namespace

void render_csv(std::ostream& out, scorecard_input const& in) {
  csv_style const style{in.lang};
  write_header(out, in.lang, style);
  // `--unit`: that unit and those below it (down to `depth`); the root's tasks serving it stay the root's.
  auto const* focus = card_of(in.result, in.unit);
  if (!focus) focus = &in.result.units.front();
  auto const& top = in.result.units.front();
  for (auto const& card : in.result.units) {
    int below = depth_below(in.data, card.unit, focus->unit);
    if (below < 0 || (in.depth >= 0 && below > in.depth)) {
      if (&card != &top) continue;
    }
    bool only_tasks = &card == &top && focus != &top;  // the root, shown for the tasks it carries
    write_rows(out, in, card, only_tasks ? focus : nullptr, style);
  }
  write_source(out, in, style);
}

void render_csv(std::ostream& out, scorecard_input const& in, eval::unit_evaluator& units,
                std::function<void(eval::unit_scorecard const&)> const& seen) {
  csv_style const style{in.lang};
  write_header(out, in.lang, style);
  // Units come in preorder, the root first: for a unit below it, the root's rows (its tasks serving
  // that unit) wait for that unit's scorecard, and the units in between are not in the report, nor
  // judged.
  bool below_root = in.unit != 0 && in.unit < in.data.units().size();
  std::uint32_t focus = below_root ? in.unit : 0;
  units.report_of(in.unit);
  std::optional<eval::unit_scorecard> root;
  eval::unit_scorecard card;
  while (units.next(card)) {
    if (seen) seen(card);
    if (below_root && card.unit == 0) {
      root = card;
      continue;
    }
    if (below_root && card.unit == focus && root) write_rows(out, in, *root, &card, style);
    int below = depth_below(in.data, card.unit, focus);
    if (below >= 0 && (in.depth < 0 || below <= in.depth)) write_rows(out, in, card, nullptr, style);
  }
  write_source(out, in, style);
}

}  // namespace chitieu::report
