// The HTML scorecard's view model: the page as data (summary first, then documents, units below,
// data issues, provenance). The templates in templates/html/ lay it out; nothing here is markup.
#include <chitieu/report/html_view.hpp>

#include <chitieu/date.hpp>
#include <chitieu/report/format.hpp>

#include "html_view_parts.hpp"

#include <algorithm>
#include <cmath>

namespace chitieu::report {
namespace html {

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

char const* css_class(eval::task_verdict v) {
  switch (v) {
    case eval::task_verdict::done: return "good";
    case eval::task_verdict::done_late: return "warn";
    case eval::task_verdict::overdue: return "bad";
    default: return "neutral";
  }
}

std::string agency_titles(std::vector<int> const& ids, sema::checked_ruleset const& rules) {
  std::string out;
  for (int a : ids) out += (out.empty() ? "" : "; ") + rules.agencies[static_cast<std::size_t>(a)].title;
  return out;
}

std::string anchor(std::string_view prefix, std::string_view id) {
  std::string out(prefix);
  for (char c : id) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    out.push_back(keep ? c : '-');
  }
  return out;
}

std::string score_text(eval::score const& s, language lang) {
  return std::isnan(s.value) ? say(lang, "chưa chấm được") : format_number(s.value, 1, lang) + "/100";
}

std::string coverage_text(eval::score const& s, language lang) {
  return say(lang, "{0}/{1} mục được chấm", {std::to_string(s.counted), std::to_string(s.items)});
}

}  // namespace html

namespace {

using html::json;

/// Counts by verdict over the root's targets and obligations, in the order of the verdict scale.
json verdict_counts(eval::unit_scorecard const& root, language lang) {
  std::vector<int> counts(static_cast<std::size_t>(eval::verdict::not_applicable) + 1, 0);
  for (auto const& t : root.targets) ++counts[static_cast<std::size_t>(t.headline)];
  for (auto const& o : root.obligations) ++counts[static_cast<std::size_t>(o.overall)];
  json out = json::array();
  for (std::size_t v = 0; v < counts.size(); ++v) {
    if (!counts[v]) continue;
    auto verdict = static_cast<eval::verdict>(v);
    out.push_back({{"label", verdict_label(verdict, lang)}, {"count", counts[v]}, {"css", html::css_class(verdict)}});
  }
  return out;
}

json task_counts(html::page_focus const& focus, sema::checked_ruleset const& rules, language lang) {
  std::vector<int> counts(static_cast<std::size_t>(eval::task_verdict::ongoing) + 1, 0);
  for (auto const& k : focus.top.tasks)
    if (focus.shows(k, rules)) ++counts[static_cast<std::size_t>(k.result)];
  json out = json::array();
  for (std::size_t v = 0; v < counts.size(); ++v) {
    if (!counts[v]) continue;
    auto verdict = static_cast<eval::task_verdict>(v);
    // "3 nhiệm vụ Quá hạn": the count is drawn bold, the words after it agree with it ("1 task: Overdue").
    auto n = std::to_string(counts[v]);
    auto said = agree(lang, n, say(lang, "{0} nhiệm vụ {1}", {n, verdict_label(verdict, lang)}));
    out.push_back({{"label", said.substr(said.find(' ') + 1)}, {"count", counts[v]}, {"css", html::css_class(verdict)}});
  }
  return out;
}

json provenance_view(provenance const* p) {
  if (!p) return nullptr;
  return {{"line", provenance_line(*p)}};  // the one wording every format carries (and verify reads)
}

/// Whether a data issue belongs on the page of the unit reported: every issue on the root's page; below
/// it, those of the unit and the units under it (by the issue's pointer, as the text scorecard does).
bool on_page(eval::data_issue const& is, scorecard_input const& in, html::page_focus const& focus) {
  if (!focus.below_root()) return true;
  auto const& pointer = in.data.unit(focus.card.unit).pointer;
  return is.pointer == pointer || is.pointer.rfind(pointer + "/", 0) == 0;
}

// The issues on the page, the first issues_listed of them as rows; `total` counts them all.
json issue_rows(scorecard_input const& in, html::page_focus const& focus, std::size_t& total) {
  json out = json::array();
  issue_units units(in.data, in.plan.rules());
  total = 0;
  for (auto const& is : in.issues) {
    if (!on_page(is, in, focus)) continue;
    if (total++ >= issues_listed) continue;
    out.push_back({{"level", is.level == severity::error ? say(in.lang, "Lỗi") : say(in.lang, "Cảnh báo")},
                   {"css", is.level == severity::error ? "bad" : "warn"},
                   {"unit", units.name(is)},
                   {"pointer", is.pointer},
                   {"message", is.message},
                   {"code", is.code}});
  }
  return out;
}

}  // namespace

namespace html {

page_focus focus_of(scorecard_input const& in) {
  auto const* card = card_of(in.result, in.unit);
  return {card ? *card : in.result.units.front(), in.result.units.front()};
}

}  // namespace html

nlohmann::json html_view(scorecard_input const& in) {
  auto const& rules = in.plan.rules();
  auto const focus = html::focus_of(in);
  auto const& root = focus.card;
  auto const& unit = in.data.unit(root.unit);
  auto const lang = in.lang;
  json view;
  view["lang"] = language_code(lang);
  view["labels"] = html::page_labels(lang);
  view["unit"] = {{"name", unit.name},
                  {"id", unit.id},
                  {"kind", rules.unit_kinds[static_cast<std::size_t>(unit.kind)].title}};
  if (focus.below_root())
    view["within"] = say(lang, "Thuộc: {0}; điểm và kết luận như trong bảng đánh giá của toàn bài nộp",
                         {in.data.describe_unit(focus.top.unit, rules)});
  view["as_of"] = format_vn_date(in.result.options.as_of);
  view["summary"] = {{"score", html::score_text(root.overall, lang)},
                     {"coverage", html::coverage_text(root.overall, lang)},
                     {"score_line", score_summary(root.overall, in.result.options.no_data, lang)},
                     {"counts", verdict_counts(root, lang)},
                     {"task_counts", task_counts(focus, rules, lang)},
                     {"actions", html::action_items(in)}};
  view["summary"]["has_actions"] = !view["summary"]["actions"].empty();
  if (in.summary_only) view["summary"]["action_groups"] = html::action_groups(view["summary"]["actions"]);

  json replaced = json::array();
  for (auto const& r : in.result.replaced) {
    auto const& old = rules[r.document];
    auto const& by = rules[r.replaced_by];
    replaced.push_back(say(lang, "Không chấm {0}: đã được thay thế bởi {1} từ ngày {2}",
                           {old.number.empty() ? old.id : old.number, by.number.empty() ? by.id : by.number,
                            format_vn_date(r.from)}));
  }
  view["replaced"] = replaced;

  json documents = json::array();
  for (auto const& doc_score : root.documents) {
    auto const& d = rules.documents[static_cast<std::size_t>(doc_score.document)];
    json doc = {{"anchor", html::anchor("d-", d.id)},
                {"name", d.number.empty() ? d.id : d.number},
                {"title", d.title},
                {"score_line", score_summary(doc_score, in.result.options.no_data, lang)},
                {"targets", json::array()},
                {"obligations", json::array()},
                {"tasks", json::array()}};
    for (auto const& t : root.targets)
      if (rules.targets[static_cast<std::size_t>(t.target)].document == doc_score.document)
        doc["targets"].push_back(html::target_view(in, t));
    for (auto const& o : root.obligations)
      if (rules.obligations[static_cast<std::size_t>(o.obligation)].document == doc_score.document)
        doc["obligations"].push_back(html::obligation_view(in, o));
    for (auto const& k : focus.top.tasks)
      if (rules.tasks[static_cast<std::size_t>(k.task)].document == doc_score.document && focus.shows(k, rules))
        doc["tasks"].push_back(html::task_view(in, k));
    // Below the root, the root's tasks that serve this unit's targets, under the root's name.
    doc["tasks_heading"] = focus.below_root() ? say(lang, "Nhiệm vụ của {0} phục vụ các chỉ tiêu, nghĩa vụ này",
                                                    {in.data.describe_unit(focus.top.unit, rules)})
                                              : say(lang, "Tasks");
    doc["has_targets"] = !doc["targets"].empty();
    doc["has_obligations"] = !doc["obligations"].empty();
    doc["has_tasks"] = !doc["tasks"].empty();
    documents.push_back(std::move(doc));
  }
  view["documents"] = documents;
  view["units"] = html::unit_rows(in);
  view["has_units"] = !view["units"].empty();
  std::size_t issue_total = 0;
  view["issues"] = issue_rows(in, focus, issue_total);
  view["has_issues"] = issue_total > 0;
  view["issue_count"] = issue_total;
  view["issues_more"] = more_issues(in.lang, issue_total > issues_listed ? issue_total - issues_listed : 0);
  view["full"] = !in.summary_only;
  view["provenance"] = provenance_view(in.source);
  view["has_provenance"] = in.source != nullptr;
  return view;
}

}  // namespace chitieu::report
