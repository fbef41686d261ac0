// `chitieu score FILES… --data FILE`: evaluate a submission and print the scorecard.
#include <ostream>

#include "commands.hpp"

namespace chitieu::cli {
int run_score(score_options const& options, std::ostream&, std::ostream& err) {
  auto rules = load_checked(options.paths, err, false);
  if (!rules) return cannot_run;
  err << "chitieu: scoring is being built\n";
  return cannot_run;
}
}  // namespace chitieu::cli
