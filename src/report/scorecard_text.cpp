// The text scorecard: the root unit in detail, document by document, then a line per unit below it,
// then the problems found in the data.
#include <chitieu/report/scorecard.hpp>

#include <chitieu/date.hpp>
#include <chitieu/report/format.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <vector>

namespace chitieu::report {
namespace {

std::string score_text(eval::score const& s, language lang) {
  if (std::isnan(s.value)) return say(lang, "chưa chấm được");
  return format_number(s.value, 1, lang) + "/100";
}

std::string agencies(std::vector<int> const& ids, sema::checked_ruleset const& rules) {
  std::string out;
  for (int a : ids) out += (out.empty() ? "" : "; ") + rules.agencies[static_cast<std::size_t>(a)].title;
  return out;
}

std::string tasks(std::vector<int> const& ids, sema::checked_ruleset const& rules) {
  std::string out;
  for (int k : ids) out += (out.empty() ? "" : ", ") + rules.tasks[static_cast<std::size_t>(k)].id;
  return out;
}

std::string pad(std::string const& s, std::size_t width) {
  std::size_t n = code_points(s);
  return s + std::string(n < width ? width - n : 1, ' ');
}

}  // namespace

eval::unit_scorecard const* card_of(eval::evaluation const& result, std::uint32_t unit) {
  for (auto const& card : result.units)
    if (card.unit == unit) return &card;
  return nullptr;
}

// Whether a task of the root serves one of the targets or obligations judged in `card`: those tasks
// are shown, as the root's, in the report of a unit below it.
bool serves_unit(sema::task const& task, eval::unit_scorecard const& card) {
  for (auto const& t : card.targets)
    if (std::find(task.serves_targets.begin(), task.serves_targets.end(), t.target) != task.serves_targets.end())
      return true;
  for (auto const& o : card.obligations)
    if (std::find(task.serves_obligations.begin(), task.serves_obligations.end(), o.obligation) !=
        task.serves_obligations.end())
      return true;
  return false;
}

int depth_below(eval::dataset const& data, std::uint32_t unit, std::uint32_t ancestor) {
  int depth = 0;
  for (int u = static_cast<int>(unit); u >= 0; u = data.unit(static_cast<std::uint32_t>(u)).parent, ++depth)
    if (static_cast<std::uint32_t>(u) == ancestor) return depth;
  return -1;
}

namespace {

/// What the text report says of a unit below the one reported: one line.
struct unit_line {
  std::uint32_t unit = 0;
  eval::score overall;
  std::map<eval::verdict, int> counts;
};

unit_line line_of(eval::unit_scorecard const& card) {
  unit_line line{card.unit, card.overall, {}};
  for (auto const& t : card.targets) ++line.counts[t.headline];
  for (auto const& o : card.obligations) ++line.counts[o.overall];
  return line;
}

/// Whether `card` is listed below the reported unit: down to `in.depth` levels.
bool listed_below(scorecard_input const& in, std::uint32_t unit) {
  int d = depth_below(in.data, unit, in.unit);
  return d > 0 && (in.depth < 0 || d <= in.depth);
}

/// The report of `root` (the unit reported), with the tasks of `top` (the submission's root) and a line
/// per unit of `below`.
void write_text(std::ostream& out, scorecard_input const& in, eval::unit_scorecard const& root,
                eval::unit_scorecard const& top, std::vector<unit_line> const& below) {
  auto const lang = in.lang;
  auto const& rules = in.plan.rules();
  auto const& data = in.data;
  bool below_root = root.unit != top.unit;
  auto const& unit = data.unit(root.unit);
  out << say(lang, "BẢNG ĐÁNH GIÁ THỰC HIỆN KẾ HOẠCH") << "\n";
  out << say(lang, "Đơn vị: {0} ({1}, mã {2})", {unit.name, rules.unit_kinds[static_cast<std::size_t>(unit.kind)].title, unit.id})
      << "\n";
  if (below_root)
    out << say(lang, "Thuộc: {0}; điểm và kết luận như trong bảng đánh giá của toàn bài nộp", {data.describe_unit(top.unit, rules)})
        << "\n";
  out << say(lang, "Thời điểm đánh giá: {0}", {format_vn_date(in.result.options.as_of)}) << "\n";
  if (in.source) out << provenance_line(*in.source) << "\n";
  if (in.documents) {
    out << say(lang, "Văn bản được chấm ({0}):", {in.documents->basis});
    std::string sep = " ";
    for (auto d : in.documents->scored) {
      auto const& doc = rules[d];
      out << sep << (doc.number.empty() ? doc.id : doc.number);
      sep = ", ";
    }
    if (in.documents->scored.empty()) out << " " << say(lang, "không có");
    out << "\n";
    for (auto const& l : in.documents->left_out) {
      auto const& doc = rules[l.document];
      out << say(lang, "Không chấm {0}: {1}", {doc.number.empty() ? doc.id : doc.number, l.reason}) << "\n";
    }
  }
  auto policy = in.result.options.no_data;
  out << say(lang, "Điểm tổng hợp: {0}", {score_summary(root.overall, policy, lang)}) << "\n";
  for (auto const& r : in.result.replaced) {
    auto const& old = rules[r.document];
    auto const& by = rules[r.replaced_by];
    out << say(lang, "Không chấm {0}: đã được thay thế bởi {1} từ ngày {2}",
               {old.number.empty() ? old.id : old.number, by.number.empty() ? by.id : by.number, format_vn_date(r.from)})
        << "\n";
  }

  for (auto const& doc_score : root.documents) {
    int doc = doc_score.document;
    auto const& d = rules.documents[static_cast<std::size_t>(doc)];
    out << "\n== " << (d.number.empty() ? d.id : d.number) << (d.title.empty() ? "" : " — " + d.title)
        << "\n   " << say(lang, "Điểm: {0}", {score_summary(doc_score, policy, lang)}) << "\n";
    // Vietnamese has no plural: the plural headings are written in English and the catalog gives them
    // back in Vietnamese ("Targets" -> "Chỉ tiêu"), while "Chỉ tiêu" alone names one item ("Target").
    std::map<std::string, std::vector<std::string>> sections;
    for (auto const& t : root.targets) {
      auto const& rule = rules.targets[static_cast<std::size_t>(t.target)];
      if (rule.document != doc) continue;
      std::string block = "  " + pad("[" + verdict_label(t.headline, lang) + "]", 22) + rule.id + " " + rule.title;
      if (!rule.cite.empty()) block += " (" + rule.cite + ")";
      block += "\n";
      if (t.headline == eval::verdict::not_applicable) {
        block += std::string(24, ' ') + t.reason + "\n";
      } else {
        for (auto const& m : t.milestones)
          block += std::string(24, ' ') + "[" + verdict_label(m.result, lang) + "] " + explain(m, rule, rules, data, lang) + "\n";
      }
      if (rule.restates >= 0 || rule.restates_obligation >= 0) {
        auto const& first = rule.restates >= 0 ? rules.targets[static_cast<std::size_t>(rule.restates)].id
                                                : rules.obligations[static_cast<std::size_t>(rule.restates_obligation)].id;
        block += std::string(24, ' ') + say(lang, "Cùng cam kết với {0}: chỉ tính điểm một lần, ở {0}", {first}) + "\n";
      }
      if (!t.accountable.empty())
        block += std::string(24, ' ') +
                 say(lang, "Trách nhiệm: {0} (nhiệm vụ {1})", {agencies(t.accountable, rules), tasks(t.serving_tasks, rules)}) +
                 "\n";
      else if (eval::needs_action(t.headline))
        block += std::string(24, ' ') + say(lang, "Trách nhiệm: kế hoạch chưa giao nhiệm vụ nào cho chỉ tiêu này") + "\n";
      if (!t.monitors.empty())
        block += std::string(24, ' ') + say(lang, "Theo dõi: {0}", {agencies(t.monitors, rules)}) + "\n";
      if (!t.at_risk_from.empty())
        block += std::string(24, ' ') + say(lang, "Có nguy cơ: nhiệm vụ quá hạn {0}", {tasks(t.at_risk_from, rules)}) + "\n";
      sections["1 " + say(lang, "Targets")].push_back(block);
    }
    for (auto const& o : root.obligations) {
      auto const& rule = rules.obligations[static_cast<std::size_t>(o.obligation)];
      if (rule.document != doc) continue;
      std::string block = "  " + pad("[" + verdict_label(o.overall, lang) + "]", 22) + rule.id + " " + rule.title;
      if (!rule.cite.empty()) block += " (" + rule.cite + ")";
      block += "\n";
      // Not applicable overall means every year is, for the same reason: say it once.
      if (o.overall == eval::verdict::not_applicable && !o.reason.empty())
        block += std::string(24, ' ') + o.reason + "\n";
      for (auto const& y : o.years) {
        if (o.overall == eval::verdict::not_applicable) break;
        if (y.result == eval::verdict::met && o.overall == eval::verdict::met && &y != &o.years.back()) continue;
        auto why = explain_requirement(y, rule, rules, data, lang);
        block += std::string(24, ' ') + std::to_string(y.year) + ": [" + verdict_label(y.result, lang) + "]" +
                 (why.empty() ? "" : " " + why) + "\n";
      }
      if (!o.accountable.empty())
        block += std::string(24, ' ') + say(lang, "Trách nhiệm: {0}", {agencies(o.accountable, rules)}) + "\n";
      else if (eval::needs_action(o.overall))
        block += std::string(24, ' ') + say(lang, "Trách nhiệm: kế hoạch chưa giao nhiệm vụ nào cho nghĩa vụ này") + "\n";
      if (!o.monitors.empty())
        block += std::string(24, ' ') + say(lang, "Theo dõi: {0}", {agencies(o.monitors, rules)}) + "\n";
      sections["2 " + say(lang, "Obligations")].push_back(block);
    }
    // Tasks that need attention first; ongoing ones, which have no deadline to judge, in one line.
    static constexpr eval::task_verdict order[] = {
        eval::task_verdict::overdue, eval::task_verdict::in_progress, eval::task_verdict::not_due,
        eval::task_verdict::done_late, eval::task_verdict::done};
    // Below the root, the root's tasks that serve this unit's targets, under the root's name.
    std::string const task_section =
        "3 " + (below_root ? say(lang, "Nhiệm vụ của {0} phục vụ các chỉ tiêu, nghĩa vụ này", {data.describe_unit(top.unit, rules)})
                           : say(lang, "Tasks"));
    auto shown = [&](sema::task const& rule) { return !below_root || serves_unit(rule, root); };
    for (auto v : order)
      for (auto const& k : top.tasks) {
        auto const& rule = rules.tasks[static_cast<std::size_t>(k.task)];
        if (rule.document != doc || k.result != v || !shown(rule)) continue;
        std::string block = "  " + pad("[" + verdict_label(k.result, lang) + "]", 22) + rule.id + " " + rule.title + "\n";
        std::string detail = say(lang, "Thời hạn: {0}", {rule.when.text});
        if (!rule.lead.empty()) detail += say(lang, "; chủ trì: {0}", {agencies(rule.lead, rules)});
        if (k.completed) detail += say(lang, "; hoàn thành {0}", {format_vn_date(*k.completed)});
        if (!std::isnan(k.reported_progress))
          detail += say(lang, "; tiến độ báo cáo {0}%", {format_number(k.reported_progress, 0, lang)});
        if (!k.note.empty()) detail += say(lang, "; ghi chú: {0}", {k.note});
        block += std::string(24, ' ') + detail + "\n";
        if (rule.restates >= 0 || rule.restates_obligation >= 0) {
          auto const& first = rule.restates >= 0 ? rules.tasks[static_cast<std::size_t>(rule.restates)].id
                                                 : rules.obligations[static_cast<std::size_t>(rule.restates_obligation)].id;
          block += std::string(24, ' ') + say(lang, "Cùng cam kết với {0}: chỉ tính điểm một lần, ở {0}", {first}) + "\n";
        }
        if (k.result == eval::task_verdict::overdue && !k.serves.empty()) {
          std::string at_risk;
          for (int t : k.serves) at_risk += (at_risk.empty() ? "" : ", ") + rules.targets[static_cast<std::size_t>(t)].id;
          block += std::string(24, ' ') + say(lang, "Chỉ tiêu có nguy cơ: {0}", {at_risk}) + "\n";
        }
        sections[task_section].push_back(block);
      }
    std::string ongoing;
    std::size_t ongoing_count = 0;
    for (auto const& k : top.tasks) {
      auto const& rule = rules.tasks[static_cast<std::size_t>(k.task)];
      if (rule.document != doc || k.result != eval::task_verdict::ongoing || !shown(rule)) continue;
      ongoing += (ongoing.empty() ? "" : ", ") + rule.id;
      ++ongoing_count;
    }
    if (ongoing_count) {
      auto n = std::to_string(ongoing_count);
      sections[task_section].push_back(
          "  " + pad("[" + verdict_label(eval::task_verdict::ongoing, lang) + "]", 22) +
          agree(lang, n, say(lang, "{0} nhiệm vụ thường xuyên hoặc không nêu thời hạn: {1}", {n, ongoing})) + "\n");
    }
    for (auto const& [name, blocks] : sections) {
      out << "\n " << name.substr(2) << "\n";
      for (auto const& b : blocks) out << b;
    }
  }

  // Units below the one reported, down to `depth` levels.
  if (!below.empty()) {
    out << "\n== " << say(lang, "Đơn vị trực thuộc") << "\n";
    for (auto const& line : below) {
      out << "  " << pad(data.describe_unit(line.unit, rules), 48) << score_text(line.overall, lang);
      std::string sep = " — ";
      for (auto const& [v, n] : line.counts) {
        out << sep << n << " " << verdict_label(v, lang);
        sep = ", ";
      }
      out << "\n";
    }
  }

  // Below the root, the issues of this unit and those under it.
  std::vector<eval::data_issue const*> issues;
  for (auto const& is : in.issues)
    if (!below_root || is.pointer == unit.pointer || is.pointer.rfind(unit.pointer + "/", 0) == 0)
      issues.push_back(&is);
  if (!issues.empty()) {
    out << "\n== " << say(lang, "Vấn đề trong dữ liệu ({0})", {std::to_string(issues.size())}) << "\n";
    issue_units units(data, rules);
    for (std::size_t i = 0; i < issues.size() && i < issues_listed; ++i) {
      auto const* is = issues[i];
      out << "  " << (is->level == severity::error ? say(lang, "lỗi") : say(lang, "cảnh báo")) << ": "
          << (is->unit.empty() ? "" : units.name(*is) + " ") << (is->pointer.empty() ? "" : is->pointer + ": ")
          << is->message << " [" << is->code << "]\n";
    }
    if (issues.size() > issues_listed) out << "  " << more_issues(lang, issues.size() - issues_listed) << "\n";
  }
  // Nothing lost without a word: the units that could not be read, and those below them.
  if (data.rejected_units() + data.dropped_units() > 0) {
    auto read = data.units().size();
    auto count_text = [&](std::size_t n) { return format_number(static_cast<double>(n), 0, lang); };
    out << "\n"
        << say(lang, "Đơn vị trong bài nộp: {0} = {1} được đọc và chấm + {2} bị loại vì lỗi dữ liệu + {3} trực thuộc đơn vị bị loại, không được chấm",
               {count_text(read + data.rejected_units() + data.dropped_units()), count_text(read),
                count_text(data.rejected_units()), count_text(data.dropped_units())})
        << "\n";
  }
}

}  // namespace

void render_text(std::ostream& out, scorecard_input const& in) {
  auto const* focus = card_of(in.result, in.unit);
  if (!focus) focus = &in.result.units.front();
  std::vector<unit_line> below;
  for (auto const& card : in.result.units)
    if (listed_below(in, card.unit)) below.push_back(line_of(card));
  write_text(out, in, *focus, in.result.units.front(), below);  // tasks are reported by the root only
}

void render_text(std::ostream& out, scorecard_input const& in, eval::unit_evaluator& units,
                 std::function<void(eval::unit_scorecard const&)> const& seen) {
  // Only the unit reported and the root (for its tasks) are kept whole; a unit listed below is kept as
  // its line, so memory grows by a line per unit, not by a scorecard with its evidence. No unit outside
  // the report is judged: after the root, the unit reported and those below it.
  std::optional<eval::unit_scorecard> top, focus;
  std::vector<unit_line> below;
  units.report_of(in.unit);
  eval::unit_scorecard card;
  while (units.next(card)) {
    if (seen) seen(card);
    if (card.unit == 0) top = card;
    if (card.unit == in.unit) focus = card;
    if (listed_below(in, card.unit)) below.push_back(line_of(card));
  }
  if (!top) return;  // nothing was judged: no unit
  write_text(out, in, focus ? *focus : *top, *top, below);
}

}  // namespace chitieu::report
