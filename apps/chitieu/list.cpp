// `chitieu list FILES… [--format text|json]`: the inventory of a rule set.
#include <chitieu/json_text.hpp>
#include <chitieu/report/inventory.hpp>

#include <ostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "messages.hpp"

namespace chitieu::cli {

int run_list(list_options const& options, std::ostream& out, std::ostream& err) {
  auto policy = warning_options(options.warnings, err);
  if (!policy) return cannot_run;
  auto loaded = load_checked(options.paths, err, false, *policy);
  if (!loaded) return cannot_run;
  if (options.format == "json") out << json_text(report::inventory_json(*loaded->rules, loaded->sources)) << '\n';
  else report::render_inventory_text(out, *loaded->rules, current_language());
  return ok;
}

}  // namespace chitieu::cli
