// The scorecard as CSV for a spreadsheet opened by double-click in Vietnamese Excel: UTF-8 with a byte
// order mark (or Excel reads the bytes as Windows-1258), `;` between fields and decimal commas (the list
// and decimal separators of the vi-VN locale, so numbers arrive as numbers), CRLF line ends. One row per
// milestone, obligation year and task of every unit; the columns are in docs/scorecard.md.
#include <chitieu/date.hpp>
#include <chitieu/number.hpp>
#include <chitieu/report/format.hpp>
#include <chitieu/report/scorecard.hpp>

#include <cmath>

namespace chitieu::report {
namespace {

constexpr char separator = ';';

/// A text field. Quoted when it holds the separator, a quote or a line break; a leading = + - @ (which a
/// spreadsheet would run as a formula: a unit name is data from outside) is kept as text by a quote mark.
std::string text_field(std::string_view s) {
  std::string v(s);
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
    v.insert(0, "'");
  if (v.find_first_of(";\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  return out + "\"";
}

/// A number as vi-VN Excel reads one: decimal comma, no thousands separator; empty when unknown.
std::string number_field(double x) {
  if (!std::isfinite(x)) return "";
  std::string s = format_vn_number(x, 4);
  std::string out;
  for (char c : s)
    if (c != '.') out.push_back(c);  // the Vietnamese thousands separator
  return out;
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
row_facts about(char const* kind, Rule const& rule) {
  row_facts f;
  f.kind = kind;
  f.id = rule.id;
  f.title = rule.title;
  f.document = rule.document;
  return f;
}

}  // namespace

void render_csv(std::ostream& out, scorecard_input const& in) {
  auto const& rules = in.plan.rules();
  out << "\xEF\xBB\xBF";
  static constexpr char const* header[] = {
      "Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Văn bản", "Mã", "Loại", "Nội dung", "Năm", "Kết quả",
      "Giá trị", "Ngưỡng", "Khoảng cách", "Đơn vị đo", "Tiến độ (%)", "Thời hạn", "Cơ quan chịu trách nhiệm",
      "Cơ quan theo dõi", "Giải thích", "Giá trị thấp nhất", "Giá trị cao nhất", "Lý do"};
  for (std::size_t i = 0; i < std::size(header); ++i) out << (i ? ";" : "") << header[i];
  out << "\r\n";
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
    auto const& u = in.data.units[card.unit];
    auto row = [&](row_facts const& f) {
      auto const& doc = rules.documents[static_cast<std::size_t>(f.document)];
      std::string fields[] = {text_field(u.id),
                              text_field(u.name),
                              text_field(rules.unit_kinds[static_cast<std::size_t>(u.kind)].title),
                              text_field(doc.number.empty() ? doc.id : doc.number),
                              text_field(f.id),
                              f.kind,
                              text_field(f.title),
                              f.year ? std::to_string(f.year) : "",
                              text_field(f.verdict),
                              number_field(f.value),
                              number_field(f.threshold),
                              number_field(f.gap),
                              text_field(f.unit),
                              number_field(100 * f.progress),
                              f.deadline,
                              text_field(f.accountable),
                              text_field(f.monitors),
                              text_field(f.why),
                              number_field(f.lower),
                              number_field(f.upper),
                              text_field(f.reason)};
      for (std::size_t i = 0; i < std::size(fields); ++i) out << (i ? ";" : "") << fields[i];
      out << "\r\n";
    };
    for (auto const& t : card.targets) {
      if (only_tasks) break;
      auto const& rule = rules.targets[static_cast<std::size_t>(t.target)];
      auto shown = [&](double v) { return display_value(v, rule.type); };
      auto f = about("Chỉ tiêu", rule);
      f.unit = display_unit(rule.type);
      f.accountable = agency_names(in.plan.accountable(t.target), rules);
      f.monitors = agency_names(in.plan.monitors(t.target), rules);
      if (t.milestones.empty()) {
        f.verdict = verdict_label(t.headline);
        f.why = f.reason = t.reason;
        row(f);
      }
      for (auto const& m : t.milestones) {
        auto const& ms = rule.milestones[static_cast<std::size_t>(m.milestone)];
        f.year = ms.year;
        f.verdict = verdict_label(m.result);
        bool open = std::isnan(m.value);
        f.value = shown(m.value);
        f.threshold = shown(ms.value);
        f.gap = shown(m.gap);
        f.progress = m.progress;
        f.deadline = format_vn_date(days_from_civil({ms.year, 12, 31}));
        f.why = explain(m, rule, rules, in.data);
        f.lower = open ? shown(m.lower) : eval::nan;
        f.upper = open ? shown(m.upper) : eval::nan;
        f.reason = m.reason;
        row(f);
      }
    }
    for (auto const& o : card.obligations) {
      if (only_tasks) break;
      auto const& rule = rules.obligations[static_cast<std::size_t>(o.obligation)];
      auto obligation = about("Nghĩa vụ", rule);  // who answers is the same every year
      obligation.accountable = agency_names(in.plan.obligation_accountable(o.obligation), rules);
      obligation.monitors = agency_names(in.plan.obligation_monitors(o.obligation), rules);
      for (auto const& y : o.years) {
        auto f = obligation;
        f.year = y.year;
        f.verdict = verdict_label(y.result);
        f.deadline = format_vn_date(y.due ? y.due : days_from_civil({y.year, 12, 31}));
        f.why = explain_requirement(y, rule, rules, in.data);
        f.reason = y.reason;
        // A date compared (a report's day) is in the explanation: a spreadsheet column holds numbers.
        auto const* type = compared_type(rule, y.requirement, rules);
        if (type && type->kind != sema::value_kind::date) {
          f.value = display_value(y.value, *type);
          f.threshold = display_value(y.threshold, *type);
          f.gap = display_value(y.gap, *type);
          f.unit = display_unit(*type);
          if (std::isnan(y.value)) f.lower = display_value(y.lower, *type), f.upper = display_value(y.upper, *type);
        }
        row(f);
      }
    }
    for (auto const& k : card.tasks) {
      auto const& rule = rules.tasks[static_cast<std::size_t>(k.task)];
      if (only_tasks && !serves_unit(rule, *focus)) continue;
      auto f = about("Nhiệm vụ", rule);
      f.verdict = verdict_label(k.result);
      f.progress = std::isnan(k.reported_progress) ? eval::nan : k.reported_progress / 100;
      f.deadline = k.due ? format_vn_date(k.due) : rule.when.text;
      std::vector<int> agencies = rule.lead;
      agencies.insert(agencies.end(), rule.support.begin(), rule.support.end());
      f.accountable = agency_names(agencies, rules);
      f.why = rule.when.text;
      row(f);
    }
  }
  if (in.source) {
    // The last row says what the sheet was computed from; its columns are those of a unit's rows.
    out << ";;;;;Nguồn;" << text_field(provenance_line(*in.source)) << "\r\n";
  }
}

}  // namespace chitieu::report
