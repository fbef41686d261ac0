// What a report was computed from, so that a printed scorecard can be checked later: the program's
// version, the judging day, and SHA-256 digests of the rule set and of the submission
// (docs/scorecard.md, Provenance).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace chitieu::report {

struct provenance {
  std::string version;       // CHITIEU_VERSION_STRING
  std::int32_t as_of = 0;    // day number
  std::string rules_sha256;  // hex, of the rule files as read, in the order loaded (see rules_digest)
  std::string data_sha256;   // hex, of the submission's bytes as read
  std::vector<std::string> rule_files;  // names, in the order loaded
};

}  // namespace chitieu::report
