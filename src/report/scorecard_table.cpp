// The scorecard as HTML: one self-contained page for an inspector, with the same facts and Vietnamese
// explanations as the text form.
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
      << " · Điểm tổng hợp: <b>" << score_summary(root.overall, in.result.options.no_data) << "</b></p>\n";
  for (auto const& doc_score : root.documents) {
    auto const& d = rules.documents[static_cast<std::size_t>(doc_score.document)];
    out << "<h2>" << html_escape(d.number.empty() ? d.id : d.number) << " — " << html_escape(d.title)
        << "</h2>\n<p>Điểm: " << score_summary(doc_score, in.result.options.no_data)
        << "</p>\n<table><tr><th>Kết quả</th><th>Mã</th><th>Nội dung</th>"
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
      if (o.overall == eval::verdict::not_applicable) out << html_escape(o.reason);
      for (auto const& y : o.years) {
        // As in the text form: a fully met obligation shows its last year; one not applicable, its reason.
        if (o.overall == eval::verdict::not_applicable) break;
        if (y.result == eval::verdict::met && o.overall == eval::verdict::met && &y != &o.years.back()) continue;
        auto why = explain_requirement(y, rule, rules, in.data);
        out << "<div>" << y.year << ": [" << verdict_label(y.result) << "]" << (why.empty() ? "" : " ")
            << html_escape(why) << "</div>";
      }
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


}  // namespace chitieu::report
