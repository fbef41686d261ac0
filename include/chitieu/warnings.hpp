/// @file
/// Warning control: turn a warning code off or into an error for one run (`-W no-CODE`, `-W error=CODE`),
/// and the warnings a declaration allows with a reason (`allow CODE "reason"`). Standard library only.
#pragma once
#include <chitieu/export.hpp>
#include <chitieu/language.hpp>
#include <chitieu/source.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace chitieu {

/// The codes that are warnings, the only ones that can be allowed, turned off or made errors.
CHITIEU_API std::vector<std::string> const& warning_codes();

struct warning_policy {
  std::set<std::string> off;        // -W no-CODE: not reported
  std::set<std::string> errors;     // -W error=CODE: reported as errors
  bool all_errors = false;          // -W error (or --werror): every warning is an error
  bool empty() const { return off.empty() && errors.empty() && !all_errors; }
};

/// Adds one `-W` value: `no-CODE`, `error=CODE` or `error`. Returns why it is refused (an unknown code,
/// with the nearest known one), or nothing when it was taken.
CHITIEU_API std::optional<std::string> add_warning_option(warning_policy& policy, std::string_view value);

/// A warning that a declaration allows: `allow CODE "reason"` inside the declaration spanning `where`.
struct allowance {
  std::uint32_t file = 0;
  source_span where;  // the declaration
  std::string code;
  std::string reason;
  source_span item = {};  // the `allow` item itself
};

/// Whether `a` covers `d`: a warning with its code about the declaration it stands in.
CHITIEU_API bool allows(allowance const& a, diagnostic const& d);

/// A `graph.unused_allow` warning for each allowance that covers no warning in `diags` (once the plan
/// checks have run): the gap it excused was closed, and the reason no longer holds.
CHITIEU_API diagnostics unused_allowances(std::vector<allowance> const& allowed, diagnostics const& diags,
                                          language lang = language::vi);

/// The one place where warning control takes effect. A warning about a declaration that allows its code
/// becomes a note that gives the reason; otherwise warnings turned off go (with their notes), and the
/// ones made errors become errors.
CHITIEU_API void apply_warning_policy(warning_policy const& policy, std::vector<allowance> const& allowed,
                                      diagnostics& diags, language lang = language::vi);

}  // namespace chitieu
