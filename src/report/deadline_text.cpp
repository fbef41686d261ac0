// A task's deadline for people (graph_render.hpp, render_deadline). The checker writes the Vietnamese
// once, from the rule's deadline; English is written here from the same parts, so both say the same.
#include <chitieu/date.hpp>
#include <chitieu/report/graph_render.hpp>

#include <limits>

namespace chitieu::report {

namespace {

std::string day_of_year(unsigned day, unsigned month) {
  static char const* const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
  return std::to_string(day) + (month >= 1 && month <= 12 ? std::string(" ") + months[month - 1] : "");
}

}  // namespace

std::string render_deadline(sema::deadline const& when, language lang) {
  constexpr auto no_due = std::numeric_limits<std::int32_t>::max();
  if (lang == language::vi) {
    if (!when.text.empty()) return when.text;
    if (when.kind == sema::deadline_kind::none) return say(lang, "không nêu thời hạn");
    if (when.due != no_due) return say(lang, "chậm nhất {0}", {format_vn_date(when.due)});
    return say(lang, "thường xuyên");
  }
  auto const day = [](std::int32_t d) { return format_iso_date(d); };
  switch (when.kind) {
    case sema::deadline_kind::none: return say(lang, "không nêu thời hạn");
    case sema::deadline_kind::ongoing: return say(lang, "thường xuyên");
    case sema::deadline_kind::by: return say(lang, "chậm nhất {0}", {day(when.due)});
    case sema::deadline_kind::during:
      return say(lang, "trong khoảng {0} đến {1}", {day(when.start), day(when.due)});
    case sema::deadline_kind::from: return say(lang, "từ {0}", {day(when.start)});
    case sema::deadline_kind::range: return say(lang, "từ {0} đến {1}", {day(when.start), day(when.due)});
    case sema::deadline_kind::yearly: {
      auto text = when.every_years > 1
                      ? say(lang, "trước ngày {0}, định kỳ {1} năm",
                            {day_of_year(when.day, when.month), std::to_string(when.every_years)})
                      : say(lang, "trước ngày {0} hằng năm", {day_of_year(when.day, when.month)});
      if (when.from_year) text += " " + say(lang, "(từ năm {0})", {std::to_string(when.from_year)});
      return text;
    }
    case sema::deadline_kind::monthly: return say(lang, "trước ngày {0} hằng tháng", {std::to_string(when.day)});
    case sema::deadline_kind::quarterly:
      return say(lang, "trước ngày {0} tháng cuối mỗi quý", {std::to_string(when.day)});
  }
  return when.text;
}

}  // namespace chitieu::report
