// Resolving an expectation key (`T1`, `T1@2030`, `O10@2026#2`, `K9`, `score`, `score:doc`) against an
// evaluation, with numbers in display units.
#include <chitieu/report/format.hpp>
#include <chitieu/testing.hpp>

#include <cmath>

namespace chitieu::testing {
namespace {

struct parsed_key {
  std::string id;
  int year = 0;
  int requirement = 1;
};

std::optional<parsed_key> parse_key(std::string const& key) {
  parsed_key out;
  auto at = key.find('@');
  out.id = key.substr(0, at);
  if (at != std::string::npos) {
    auto rest = key.substr(at + 1);
    auto hash = rest.find('#');
    try {
      out.year = std::stoi(rest.substr(0, hash));
      if (hash != std::string::npos) out.requirement = std::stoi(rest.substr(hash + 1));
    } catch (std::exception const&) {
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace

observation observe(eval::plan const& plan, eval::evaluation const& result, std::uint32_t unit,
                    std::string const& key, std::string const& document) {
  auto const& rules = plan.rules();
  observation out;
  eval::unit_scorecard const* card = nullptr;
  for (auto const& c : result.units)
    if (c.unit == unit) card = &c;
  if (!card) {
    out.error = "no such unit";
    return out;
  }
  if (key == "score" || key.rfind("score:", 0) == 0) {
    if (key == "score") {
      out.value = card->overall.value;
      return out;
    }
    auto doc = key.substr(6);
    for (auto const& s : card->documents)
      if (s.scope == doc) {
        out.value = s.value;
        return out;
      }
    out.error = "no score for document '" + doc + "'";
    return out;
  }
  auto parsed = parse_key(key);
  if (!parsed) {
    out.error = "cannot read the key (ID, ID@YEAR or ID@YEAR#N)";
    return out;
  }
  std::string qualified = parsed->id.find('.') == std::string::npos && !document.empty()
                              ? document + "." + parsed->id
                              : parsed->id;
  auto dot = qualified.find('.');
  int doc = -1;  // any document: an id without one
  if (dot != std::string::npos) {
    auto found = rules.find_document(qualified.substr(0, dot));
    if (!found) {
      out.error = "unknown document '" + qualified.substr(0, dot) + "'";
      return out;
    }
    doc = found->index();
  }
  std::string bare = dot == std::string::npos ? qualified : qualified.substr(dot + 1);
  auto in_doc = [&](auto const& item) { return item.id == bare && (doc < 0 || item.document == doc); };
  auto agency_ids = [&](std::vector<int> const& a, std::vector<int> const& b) {
    std::vector<std::string> ids;
    for (auto const* list : {&a, &b})
      for (int x : *list) ids.push_back(rules.agencies[static_cast<std::size_t>(x)].id);
    return ids;
  };

  for (std::size_t t = 0; t < rules.targets.size(); ++t) {
    auto const& rule = rules.targets[t];
    if (!in_doc(rule)) continue;
    out.who = agency_ids(plan.accountable(static_cast<int>(t)), plan.monitors(static_cast<int>(t)));
    eval::target_outcome const* found = nullptr;
    for (auto const& o : card->targets)
      if (o.target == static_cast<int>(t)) found = &o;
    if (!found || found->headline_milestone < 0) {
      out.verdict = "not_applicable";
      if (found) out.reason = found->reason;
      return out;
    }
    int index = found->headline_milestone;
    if (parsed->year) {
      index = -1;
      for (std::size_t i = 0; i < rule.milestones.size(); ++i)
        if (rule.milestones[i].year == parsed->year) index = static_cast<int>(i);
      if (index < 0) {
        out.error = "target " + qualified + " has no milestone in " + std::to_string(parsed->year);
        return out;
      }
    }
    auto const& m = found->milestones[static_cast<std::size_t>(index)];
    out.verdict = eval::to_string(m.result);
    out.value = m.value;  // outcomes are in display units, as a test case writes its expectations
    out.threshold = m.threshold;
    out.gap = m.gap;
    out.progress = m.progress;
    out.needed = m.parts.needed;
    if (std::isnan(m.value)) {
      out.lower = m.lower;
      out.upper = m.upper;
    }
    out.pace = m.pace;
    out.reason = m.reason;
    out.missing = m.missing;
    return out;
  }
  for (std::size_t o = 0; o < rules.obligations.size(); ++o) {
    auto const& rule = rules.obligations[o];
    if (!in_doc(rule)) continue;
    out.who = agency_ids(plan.obligation_accountable(static_cast<int>(o)), plan.obligation_monitors(static_cast<int>(o)));
    eval::obligation_outcome const* found = nullptr;
    for (auto const& x : card->obligations)
      if (x.obligation == static_cast<int>(o)) found = &x;
    if (!found) {
      out.verdict = "not_applicable";
      return out;
    }
    if (!parsed->year) {
      out.verdict = eval::to_string(found->overall);
      out.progress = found->progress;
      out.reason = found->reason;
      for (auto const& y : found->years) out.missing.insert(out.missing.end(), y.missing.begin(), y.missing.end());
      return out;
    }
    for (auto const& y : found->years) {
      if (y.year != parsed->year || y.requirement != parsed->requirement - 1) continue;
      out.verdict = eval::to_string(y.result);
      out.value = y.value;
      out.threshold = y.threshold;
      out.gap = y.gap;
      if (std::isnan(y.value)) {
        out.lower = y.lower;
        out.upper = y.upper;
      }
      out.reason = y.reason;
      out.missing = y.missing;
      return out;
    }
    int last = rule.until_year ? rule.until_year : 9999;
    if ((rule.from_year && parsed->year < rule.from_year) || parsed->year > last) {
      out.verdict = "not_applicable";  // outside the years the obligation covers
      return out;
    }
    out.error = "obligation " + qualified + " was not judged in " + std::to_string(parsed->year) +
                (parsed->requirement > 1 ? " (requirement " + std::to_string(parsed->requirement) + ")" : "");
    return out;
  }
  for (std::size_t k = 0; k < rules.tasks.size(); ++k) {
    auto const& rule = rules.tasks[k];
    if (!in_doc(rule)) continue;
    out.who = agency_ids(rule.lead, rule.support);
    auto const& root = result.units.front();
    for (auto const& x : root.tasks)
      if (x.task == static_cast<int>(k)) {
        out.verdict = eval::to_string(x.result);
        out.progress = x.reported_progress / 100;
        return out;
      }
    out.error = "task " + qualified + " was not judged (is its document filtered out?)";
    return out;
  }
  out.error = "no target, obligation or task " + qualified;
  return out;
}

}  // namespace chitieu::testing
