// What needs action anywhere in a submission and which one agency answers for (`chitieu agency
// --data`): the evaluation's verdicts at every unit, gathered per target or obligation.
#include <chitieu/report/graph_render.hpp>

#include <algorithm>
#include <map>

namespace chitieu::report {

agency_failures find_agency_failures(eval::evaluation const& result, eval::dataset const& data, int agency) {
  auto has = [&](std::vector<int> const& v) { return std::find(v.begin(), v.end(), agency) != v.end(); };
  // By rule index, so that items come in the rules' order whichever unit fails first.
  std::map<int, agency_failure> targets, obligations;
  auto add = [&](agency_failure& item, std::uint32_t unit, eval::verdict v, bool accountable) {
    // The role is the rules' (who serves or monitors it), the same at every unit: read once.
    if (item.units.empty()) item.monitor = !accountable;
    if (unit < data.units().size()) item.units.push_back({data.unit(unit).id, data.unit(unit).name, v});
  };
  for (auto const& card : result.units) {
    for (auto const& t : card.targets)
      if (eval::needs_action(t.headline) && (has(t.accountable) || has(t.monitors))) {
        auto& item = targets[t.target];
        item.target = t.target;
        add(item, card.unit, t.headline, has(t.accountable));
      }
    for (auto const& o : card.obligations)
      if (eval::needs_action(o.overall) && (has(o.accountable) || has(o.monitors))) {
        auto& item = obligations[o.obligation];
        item.obligation = o.obligation;
        add(item, card.unit, o.overall, has(o.accountable));
      }
  }
  agency_failures found;
  for (auto& entry : targets) found.items.push_back(std::move(entry.second));
  for (auto& entry : obligations) found.items.push_back(std::move(entry.second));
  return found;
}

}  // namespace chitieu::report
