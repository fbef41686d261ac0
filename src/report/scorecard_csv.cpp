// The scorecard as CSV: one row per milestone, obligation year and task, for every unit, for a
// spreadsheet. Same facts and Vietnamese explanations as the text form.
#include <chitieu/date.hpp>
#include <chitieu/report/format.hpp>
#include <chitieu/report/scorecard.hpp>

#include <cmath>

namespace chitieu::report {
namespace {

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  return out + "\"";
}

/// The type an obligation year's value is in: the left side of its comparison, if it is one.
sema::value_type const* requirement_type(sema::obligation const& o, eval::requirement_outcome const& y,
                                         sema::checked_ruleset const& rules) {
  auto const& root = rules.nodes[static_cast<std::size_t>(o.requirements[static_cast<std::size_t>(y.requirement)].roots.front())];
  bool comparison = root.lhs >= 0 && root.op >= sema::node_op::eq && root.op <= sema::node_op::ge;
  return comparison ? &rules.nodes[static_cast<std::size_t>(root.lhs)].type : nullptr;
}

}  // namespace

void render_csv(std::ostream& out, scorecard_input const& in) {
  auto const& rules = in.plan.rules();
  // New columns go at the end, so that a sheet built on the first twelve keeps working.
  out << "don_vi,ten_don_vi,van_ban,ma,loai,nam,ket_qua,gia_tri,nguong,khoang_cach,tien_do,giai_thich,"
         "gia_tri_tu,gia_tri_den,toc_do,ly_do\n";
  struct facts {
    double value = eval::nan, threshold = eval::nan, gap = eval::nan, progress = eval::nan;
    double lower = eval::nan, upper = eval::nan, pace = eval::nan;
    std::string why, reason;
  };
  for (auto const& card : in.result.units) {
    auto const& u = in.data.units[card.unit];
    auto row = [&](int doc, std::string const& id, char const* kind, int year, std::string const& verdict,
                   facts const& f) {
      auto num = [](double x) { return std::isfinite(x) ? format_number(x, 4) : std::string(); };
      out << csv_field(u.id) << ',' << csv_field(u.name) << ','
          << csv_field(rules.documents[static_cast<std::size_t>(doc)].id) << ',' << csv_field(id) << ','
          << kind << ',' << (year ? std::to_string(year) : "") << ',' << csv_field(verdict) << ','
          << csv_field(num(f.value)) << ',' << csv_field(num(f.threshold)) << ',' << csv_field(num(f.gap)) << ','
          << csv_field(num(f.progress)) << ',' << csv_field(f.why) << ',' << csv_field(num(f.lower)) << ','
          << csv_field(num(f.upper)) << ',' << csv_field(num(f.pace)) << ',' << csv_field(f.reason) << '\n';
    };
    for (auto const& t : card.targets) {
      auto const& rule = rules.targets[static_cast<std::size_t>(t.target)];
      auto shown = [&](double v) { return display_value(v, rule.type); };
      for (auto const& m : t.milestones) {
        auto const& ms = rule.milestones[static_cast<std::size_t>(m.milestone)];
        bool open = std::isnan(m.value);
        row(rule.document, rule.id, "chi_tieu", ms.year, verdict_label(m.result),
            {shown(m.value), shown(ms.value), shown(m.gap), m.progress, open ? shown(m.lower) : eval::nan,
             open ? shown(m.upper) : eval::nan, m.pace, explain(m, rule, rules, in.data), m.reason});
      }
      if (t.milestones.empty()) {
        facts f;
        f.why = f.reason = t.reason;
        row(rule.document, rule.id, "chi_tieu", 0, verdict_label(t.headline), f);
      }
    }
    for (auto const& o : card.obligations) {
      auto const& rule = rules.obligations[static_cast<std::size_t>(o.obligation)];
      for (auto const& y : o.years) {
        facts f;
        f.why = explain_requirement(y, rule, rules, in.data);
        f.reason = y.reason;
        // Dates are day numbers inside: a spreadsheet gets them in the explanation only.
        auto const* type = requirement_type(rule, y, rules);
        if (type && type->kind != sema::value_kind::date) {
          f.value = display_value(y.value, *type);
          f.threshold = display_value(y.threshold, *type);
          f.gap = display_value(y.gap, *type);
          if (std::isnan(y.value)) f.lower = display_value(y.lower, *type), f.upper = display_value(y.upper, *type);
        }
        row(rule.document, rule.id, "nghia_vu", y.year, verdict_label(y.result), f);
      }
    }
    for (auto const& k : card.tasks) {
      auto const& rule = rules.tasks[static_cast<std::size_t>(k.task)];
      facts f;
      f.why = rule.when.text;
      row(rule.document, rule.id, "nhiem_vu", 0, verdict_label(k.result), f);
    }
  }
}

}  // namespace chitieu::report
