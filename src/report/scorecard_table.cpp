// The scorecard as HTML (one self-contained page for an inspector) and as CSV (one row per verdict, for
// a spreadsheet). Same facts and Vietnamese explanations as the text form.
#include <chitieu/date.hpp>
#include <chitieu/report/format.hpp>
#include <chitieu/report/scorecard.hpp>

#include <cmath>

namespace chitieu::report {
namespace {

std::string html_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  return out + "\"";
}

char const* css_class(eval::verdict v) {
  switch (v) {
    case eval::verdict::met:
    case eval::verdict::achieved:
    case eval::verdict::on_track: return "good";
    case eval::verdict::needs_acceleration:
    case eval::verdict::stale: return "warn";
    case eval::verdict::not_met:
    case eval::verdict::limited_progress:
    case eval::verdict::deterioration: return "bad";
    default: return "neutral";
  }
}

std::string score_text(eval::score const& s) {
  return std::isnan(s.value) ? "chưa chấm được" : format_number(s.value, 1) + "/100";
}

}  // namespace

void render_html(std::ostream& out, scorecard_input const& in) {
  auto const& rules = in.plan.rules();
  auto const& root = in.result.units.front();
  auto const& unit = in.data.units[root.unit];
  out << "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Bảng đánh giá — "
      << html_escape(unit.name) << "</title>\n<style>body{font-family:sans-serif;margin:2em}"
      << "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px;vertical-align:top}"
      << ".good{background:#dff0d8}.bad{background:#f2dede}.warn{background:#fcf8e3}.neutral{background:#f5f5f5}</style></head><body>\n"
      << "<h1>Bảng đánh giá thực hiện kế hoạch</h1>\n<p>Đơn vị: <b>" << html_escape(unit.name) << "</b> (mã "
      << html_escape(unit.id) << ") · Thời điểm đánh giá: " << format_vn_date(in.result.options.as_of)
      << " · Điểm tổng hợp: <b>" << score_text(root.overall) << "</b></p>\n";
  for (auto const& doc_score : root.documents) {
    auto const& d = rules.documents[static_cast<std::size_t>(doc_score.document)];
    out << "<h2>" << html_escape(d.number.empty() ? d.id : d.number) << " — " << html_escape(d.title)
        << " (" << score_text(doc_score) << ")</h2>\n<table><tr><th>Kết quả</th><th>Mã</th><th>Nội dung</th>"
        << "<th>Căn cứ</th><th>Giải thích</th></tr>\n";
    for (auto const& t : root.targets) {
      auto const& rule = rules.targets[static_cast<std::size_t>(t.target)];
      if (rule.document != doc_score.document) continue;
      out << "<tr class=\"" << css_class(t.headline) << "\"><td>" << verdict_label(t.headline) << "</td><td>"
          << html_escape(rule.id) << "</td><td>" << html_escape(rule.title) << "</td><td>"
          << html_escape(rule.cite) << "</td><td>";
      if (t.headline == eval::verdict::not_applicable) out << html_escape(t.reason);
      for (auto const& m : t.milestones)
        out << "<div>[" << verdict_label(m.result) << "] " << html_escape(explain(m, rule, rules, in.data)) << "</div>";
      out << "</td></tr>\n";
    }
    for (auto const& o : root.obligations) {
      auto const& rule = rules.obligations[static_cast<std::size_t>(o.obligation)];
      if (rule.document != doc_score.document) continue;
      out << "<tr class=\"" << css_class(o.overall) << "\"><td>" << verdict_label(o.overall) << "</td><td>"
          << html_escape(rule.id) << "</td><td>" << html_escape(rule.title) << "</td><td>"
          << html_escape(rule.cite) << "</td><td>";
      for (auto const& y : o.years) out << "<div>" << y.year << ": " << verdict_label(y.result) << "</div>";
      out << "</td></tr>\n";
    }
    for (auto const& k : root.tasks) {
      auto const& rule = rules.tasks[static_cast<std::size_t>(k.task)];
      if (rule.document != doc_score.document) continue;
      out << "<tr><td>" << verdict_label(k.result) << "</td><td>" << html_escape(rule.id) << "</td><td>"
          << html_escape(rule.title) << "</td><td>" << html_escape(rule.cite) << "</td><td>"
          << html_escape(rule.when.text) << "</td></tr>\n";
    }
    out << "</table>\n";
  }
  out << "</body></html>\n";
}

void render_csv(std::ostream& out, scorecard_input const& in) {
  auto const& rules = in.plan.rules();
  out << "don_vi,ten_don_vi,van_ban,ma,loai,nam,ket_qua,gia_tri,nguong,khoang_cach,tien_do,giai_thich\n";
  for (auto const& card : in.result.units) {
    auto const& u = in.data.units[card.unit];
    auto row = [&](int doc, std::string const& id, char const* kind, int year, std::string const& verdict,
                   double value, double threshold, double gap, double progress, std::string const& why) {
      auto num = [](double x) { return std::isnan(x) ? std::string() : format_number(x, 4); };
      out << csv_field(u.id) << ',' << csv_field(u.name) << ','
          << csv_field(rules.documents[static_cast<std::size_t>(doc)].id) << ',' << csv_field(id) << ','
          << kind << ',' << (year ? std::to_string(year) : "") << ',' << csv_field(verdict) << ','
          << csv_field(num(value)) << ',' << csv_field(num(threshold)) << ',' << csv_field(num(gap)) << ','
          << csv_field(num(progress)) << ',' << csv_field(why) << '\n';
    };
    for (auto const& t : card.targets) {
      auto const& rule = rules.targets[static_cast<std::size_t>(t.target)];
      for (auto const& m : t.milestones) {
        auto const& ms = rule.milestones[static_cast<std::size_t>(m.milestone)];
        row(rule.document, rule.id, "chi_tieu", ms.year, verdict_label(m.result), display_value(m.value, rule.type),
            display_value(ms.value, rule.type), display_value(m.gap, rule.type), m.progress,
            explain(m, rule, rules, in.data));
      }
      if (t.milestones.empty())
        row(rule.document, rule.id, "chi_tieu", 0, verdict_label(t.headline), eval::nan, eval::nan, eval::nan,
            eval::nan, t.reason);
    }
    for (auto const& o : card.obligations) {
      auto const& rule = rules.obligations[static_cast<std::size_t>(o.obligation)];
      for (auto const& y : o.years)
        row(rule.document, rule.id, "nghia_vu", y.year, verdict_label(y.result), eval::nan, eval::nan, eval::nan,
            eval::nan, y.missing.empty() ? "" : "thiếu " + y.missing.front());
    }
    for (auto const& k : card.tasks) {
      auto const& rule = rules.tasks[static_cast<std::size_t>(k.task)];
      row(rule.document, rule.id, "nhiem_vu", 0, verdict_label(k.result), eval::nan, eval::nan, eval::nan,
          eval::nan, rule.when.text);
    }
  }
}

}  // namespace chitieu::report
