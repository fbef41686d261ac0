// Warning codes and the per-run warning policy.
#include <chitieu/suggest.hpp>
#include <chitieu/warnings.hpp>

#include <algorithm>

namespace chitieu {

std::vector<std::string> const& warning_codes() {
  static std::vector<std::string> const codes{
      "graph.due_before_prerequisite", "graph.idle_agency", "graph.task_without_lead",
      "graph.unserved_target", "graph.unused_allow", "graph.weaker_than_implemented"};
  return codes;
}

std::optional<std::string> add_warning_option(warning_policy& policy, std::string_view value) {
  if (value == "error") {
    policy.all_errors = true;
    return std::nullopt;
  }
  bool off = value.substr(0, 3) == "no-";
  bool error = value.substr(0, 6) == "error=";
  if (!off && !error) return "'-W " + std::string(value) + "': write -W no-CODE, -W error=CODE or -W error";
  std::string code(value.substr(off ? 3 : 6));
  auto const& known = warning_codes();
  if (std::find(known.begin(), known.end(), code) == known.end()) {
    std::string why = "'" + code + "' is not a warning code";
    if (auto best = nearest_name(code, known)) why += "; " + did_you_mean(*best);
    return why;
  }
  (off ? policy.off : policy.errors).insert(code);
  (off ? policy.errors : policy.off).erase(code);
  return std::nullopt;
}

bool allows(allowance const& a, diagnostic const& d) {
  return d.level == severity::warning && a.file == d.file && a.code == d.code &&
         a.where.begin <= d.span.begin && d.span.begin < a.where.end;
}

diagnostics unused_allowances(std::vector<allowance> const& allowed, diagnostics const& diags,
                              language lang) {
  diagnostics out;
  for (auto const& a : allowed) {
    if (a.code == "graph.unused_allow") continue;
    if (std::any_of(diags.begin(), diags.end(), [&](diagnostic const& d) { return allows(a, d); })) continue;
    out.push_back({severity::warning, "graph.unused_allow", a.item,
                   say(lang, "nothing to allow: there is no {0} warning here", {a.code}), a.file});
  }
  return out;
}

void apply_warning_policy(warning_policy const& policy, std::vector<allowance> const& allowed,
                          diagnostics& diags, language lang) {
  if (policy.empty() && allowed.empty()) return;
  auto allowance_of = [&](diagnostic const& d) -> allowance const* {
    for (auto const& a : allowed)
      if (allows(a, d)) return &a;
    return nullptr;
  };
  diagnostics out;
  out.reserve(diags.size());
  bool dropping = false;  // the notes of a dropped warning go with it
  for (auto& d : diags) {
    if (d.level == severity::note) {
      if (!dropping) out.push_back(std::move(d));
      continue;
    }
    if (d.level == severity::warning) {
      if (auto const* a = allowance_of(d)) {
        d.level = severity::note;
        d.message = say(lang, "{0} (allowed: \"{1}\")", {d.message, a->reason});
        dropping = false;
        out.push_back(std::move(d));
        continue;
      }
    }
    dropping = d.level == severity::warning && policy.off.count(d.code) > 0;
    if (dropping) continue;
    if (d.level == severity::warning && (policy.all_errors || policy.errors.count(d.code) > 0))
      d.level = severity::error;
    out.push_back(std::move(d));
  }
  diags = std::move(out);
}

}  // namespace chitieu
