// The test runner: reads test files (docs/testing.md), scores each case, compares expectations, and
// measures coverage per rule file.
#include <chitieu/date.hpp>
#include <chitieu/eval/data_checks.hpp>
#include <chitieu/report/format.hpp>
#include <chitieu/syntax/parse.hpp>
#include <chitieu/testing.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "expectations.hpp"
#include "positions.hpp"

namespace chitieu::testing {
namespace fs = std::filesystem;
using json = nlohmann::json;

double coverage_entry::percent() const {
  int total = items + 2 * milestones;
  return total == 0 ? 100.0 : 100.0 * (exercised + sides_seen) / total;
}

namespace {

std::string read_file(fs::path const& p, bool& ok) {
  std::ifstream in(p, std::ios::binary);
  ok = static_cast<bool>(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string canonical_name(fs::path const& p) {
  std::error_code ec;
  auto c = fs::weakly_canonical(p, ec);
  return (ec ? p : c).lexically_normal().generic_string();
}

/// Coverage bookkeeping for one rule file.
struct file_coverage {
  std::map<std::string, bool> items;  // qualified id -> exercised
  std::map<std::string, std::pair<bool, bool>> sides;  // "id@year" -> (seen meeting, seen failing)
};

std::string number_text(double x) {
  if (std::isnan(x)) return "none";
  std::ostringstream s;
  s << x;
  return s.str();
}

bool close(double actual, double expected, double tolerance) {
  return !std::isnan(actual) && std::abs(actual - expected) <= tolerance;
}

class runner {
 public:
  runner(std::vector<std::string> const& paths, load_options const& options) : options_(options) {
    for (auto const& p : paths) {
      std::error_code ec;
      if (fs::is_directory(p, ec)) {
        for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
          auto name = it->path().filename().string();
          if (!it->is_regular_file(ec)) continue;
          if (name.size() > 10 && name.substr(name.size() - 10) == ".test.json") tests_.push_back(it->path());
          else if (it->path().extension() == ".ct") rule_files_.push_back(it->path());
        }
      } else if (fs::exists(p, ec)) {
        tests_.push_back(p);
      } else {
        result_.errors.push_back(p + ": no such file or directory");
      }
    }
    std::sort(tests_.begin(), tests_.end());
  }

  run_result run() {
    for (auto const& t : tests_) run_file(t);
    finish_coverage();
    return std::move(result_);
  }

 private:
  load_options options_;
  std::map<std::string, std::uint32_t> lines_;  // of the test file being run, by JSON Pointer
  std::string case_pointer_, expectation_pointer_;  // where a failure is
  std::vector<fs::path> tests_, rule_files_;
  run_result result_;
  std::map<std::string, file_coverage> coverage_;

  void fail(std::string const& file, std::string const& c, std::string const& key, std::string const& unit,
            std::string expected, std::string actual, std::string why) {
    ++result_.failed;
    std::uint32_t line = 0;
    for (auto const& p : {expectation_pointer_, case_pointer_})
      if (auto it = lines_.find(p); line == 0 && !p.empty() && it != lines_.end()) line = it->second;
    result_.failures.push_back(
        {file, c, key, unit, std::move(expected), std::move(actual), std::move(why), line});
  }

  void run_file(fs::path const& path) {
    std::string shown = path.generic_string();
    bool ok = false;
    auto text = read_file(path, ok);
    if (!ok) {
      result_.errors.push_back(shown + ": cannot read the file");
      return;
    }
    json spec;
    try {
      spec = json::parse(text);
    } catch (json::exception const& e) {
      result_.errors.push_back(shown + ": not valid JSON: " + e.what());
      return;
    }
    if (!spec.is_object() || !spec.contains("rules") || !spec["rules"].is_array() || !spec.contains("cases") ||
        !spec["cases"].is_array()) {
      result_.errors.push_back(shown + ": needs \"rules\" (array) and \"cases\" (array)");
      return;
    }
    std::vector<std::string> rule_paths;
    for (auto const& r : spec["rules"])
      if (r.is_string()) rule_paths.push_back((path.parent_path() / r.get<std::string>()).generic_string());
    auto loaded = load_rules(rule_paths, options_);
    if (!loaded.rules) {
      std::string why;
      for (auto const& e : loaded.io_errors) why += " " + e + ";";
      for (auto const& d : loaded.diags)
        if (d.level == severity::error) {
          why += " " + std::string(loaded.sources[d.file].name()) + ": " + d.message + " [" + d.code + "];";
          break;
        }
      result_.errors.push_back(shown + ": its rules do not check:" + why);
      return;
    }
    auto plan = eval::compile(std::move(*loaded.rules));
    auto const& rules = plan.rules();
    std::string document = spec.value("document", std::string());
    if (!document.empty() && !rules.find_document(document)) {
      result_.errors.push_back(shown + ": unknown document '" + document + "'");
      return;
    }

    // Every item of the loaded rule files is counted, whichever test exercises it.
    std::map<std::string, std::string> file_of;  // qualified id -> rule file
    auto file_name = [&](sema::location const& where) { return canonical_name(std::string(loaded.sources[where.file].name())); };
    for (auto const& t : rules.targets) {
      auto f = file_name(t.where);
      coverage_[f].items.emplace(rules.qualified_id(t), false);
      for (auto const& m : t.milestones) coverage_[f].sides.emplace(rules.qualified_id(t) + "@" + std::to_string(m.year), std::make_pair(false, false));
      file_of[rules.qualified_id(t)] = f;
    }
    for (auto const& o : rules.obligations) {
      coverage_[file_name(o.where)].items.emplace(rules.qualified_id(o), false);
      file_of[rules.qualified_id(o)] = file_name(o.where);
    }
    for (auto const& k : rules.tasks) {
      coverage_[file_name(k.where)].items.emplace(rules.qualified_id(k), false);
      file_of[rules.qualified_id(k)] = file_name(k.where);
    }
    for (auto const& k : rules.data_checks) {
      coverage_[file_name(k.where)].items.emplace(rules.qualified_id(k), false);
      file_of[rules.qualified_id(k)] = file_name(k.where);
    }

    lines_ = detail::json_lines(text);
    for (std::size_t i = 0; i < spec["cases"].size(); ++i) {
      case_pointer_ = "/cases/" + std::to_string(i);
      expectation_pointer_.clear();
      run_case(shown, path, spec["cases"][i], plan, document, file_of);
    }
    case_pointer_.clear();
    expectation_pointer_.clear();
  }

  void run_case(std::string const& shown, fs::path const& path, json const& c, eval::plan const& plan,
                std::string const& document, std::map<std::string, std::string> const& file_of) {
    auto const& rules = plan.rules();
    ++result_.cases;
    std::string name = c.is_object() ? c.value("name", std::string("(không tên)")) : "(không tên)";
    if (!c.is_object() || !c.contains("as_of") || !c.contains("data") || !c.contains("expect") ||
        !c["expect"].is_object()) {
      fail(shown, name, "", "", "a case with as_of, data and expect", "something else", "malformed case");
      return;
    }
    auto as_of = c["as_of"].is_string() ? parse_iso_date(c["as_of"].get<std::string>()) : std::nullopt;
    if (!as_of) {
      fail(shown, name, "as_of", "", "a date YYYY-MM-DD", c["as_of"].dump(), "cannot judge without a date");
      return;
    }
    eval::load_result loaded;
    if (c["data"].is_string()) {
      bool ok = false;
      auto text = read_file(path.parent_path() / c["data"].get<std::string>(), ok);
      if (!ok) {
        fail(shown, name, "data", "", "a readable submission", c["data"].get<std::string>(), "cannot read the file");
        return;
      }
      loaded = eval::load_submission_text(text, rules);
    } else {
      loaded = eval::load_submission(c["data"], rules);
    }
    if (!loaded.data) {
      fail(shown, name, "data", "", "a submission", "unreadable data",
           loaded.issues.empty() ? "" : loaded.issues.front().message);
      return;
    }
    eval::check_data(plan, loaded);
    auto const& data = *loaded.data;
    eval::evaluate_options options;
    options.as_of = *as_of;
    auto result = eval::evaluate(plan, data, options);

    // Both sides of each milestone, seen anywhere in this case.
    for (auto const& card : result.units)
      for (auto const& t : card.targets) {
        auto const& rule = rules.targets[static_cast<std::size_t>(t.target)];
        auto f = file_of.find(rules.qualified_id(rule));
        if (f == file_of.end()) continue;
        for (auto const& m : t.milestones) {
          if (std::isnan(m.value)) continue;
          auto const& ms = rule.milestones[static_cast<std::size_t>(m.milestone)];
          auto& sides = coverage_[f->second].sides[rules.qualified_id(rule) + "@" + std::to_string(ms.year)];
          // The outcome is in display units; the milestone is the rule's.
          (eval::satisfies(ms, sema::measure_value(m.value, rule.type)) ? sides.first : sides.second) = true;
        }
      }

    std::uint32_t unit = 0;
    std::string unit_id = data.units().front().id;
    if (c.contains("unit")) {
      unit_id = c["unit"].is_string() ? c["unit"].get<std::string>() : "";
      auto it = std::find_if(data.units().begin(), data.units().end(),
                             [&](auto const& u) { return u.id == unit_id; });
      if (it == data.units().end()) {
        fail(shown, name, "unit", unit_id, "a unit of the submission", "none", "no unit has this id");
        return;
      }
      unit = static_cast<std::uint32_t>(it - data.units().begin());
    }

    for (auto it = c["expect"].begin(); it != c["expect"].end(); ++it) {
      std::string const& key = it.key();
      expectation_pointer_ = case_pointer_ + "/expect/" + detail::pointer_token(key);
      if (auto why = detail::malformed_expectation(it.value())) {
        fail(shown, name, key, unit_id, "a well-formed expectation", it.value().dump(), *why);
        continue;
      }
      auto check = observe_check(plan, data, loaded.issues, unit, key, document);
      auto obs = check ? *check : observe(plan, result, unit, key, document);
      std::string id = key.substr(0, key.find('@'));
      std::string qualified = id.find('.') == std::string::npos && !document.empty() ? document + "." + id : id;
      if (auto f = file_of.find(qualified); f != file_of.end()) coverage_[f->second].items[qualified] = true;
      if (!obs.error.empty()) {
        fail(shown, name, key, unit_id, it.value().dump(), "nothing", obs.error);
        continue;
      }
      compare(shown, name, key, unit_id, it.value(), obs);
    }
  }

  void compare(std::string const& file, std::string const& c, std::string const& key, std::string const& unit,
               json const& want, observation const& got) {
    std::string context = "value " + number_text(got.value) +
                          (std::isnan(got.threshold) ? "" : ", threshold " + number_text(got.threshold)) +
                          (std::isnan(got.gap) ? "" : ", gap " + number_text(got.gap));
    auto verdict = got.verdict.value_or("none");
    if (want.is_string()) {
      if (verdict == want.get<std::string>()) ++result_.passed;
      else fail(file, c, key, unit, want.get<std::string>(), verdict, context);
      return;
    }
    if (want.is_number()) {
      if (close(got.value, want.get<double>(), 0.05)) ++result_.passed;
      else fail(file, c, key, unit, number_text(want.get<double>()), number_text(got.value), "");
      return;
    }
    if (!want.is_object()) {
      fail(file, c, key, unit, want.dump(), verdict, "an expectation is a verdict, a number or an object");
      return;
    }
    double tolerance = want.value("tolerance", 0.05);
    std::vector<std::string> wrong;
    std::string expected, actual;
    auto mismatch = [&](std::string const& what, std::string const& e, std::string const& a) {
      wrong.push_back(what);
      expected += (expected.empty() ? "" : ", ") + what + " " + e;
      actual += (actual.empty() ? "" : ", ") + what + " " + a;
    };
    if (want.contains("verdict") && want["verdict"] != verdict)
      mismatch("verdict", want["verdict"].dump(), verdict);
    struct member { char const* name; double got; };
    for (auto const& m : {member{"value", got.value}, member{"threshold", got.threshold}, member{"gap", got.gap},
                          member{"progress", got.progress}, member{"needed", got.needed},
                          member{"lower", got.lower}, member{"upper", got.upper}, member{"pace", got.pace}}) {
      if (!want.contains(m.name)) continue;
      auto const& w = want[m.name];
      // An open end of the bounds is infinite; the file says so with null, as JSON has no infinity.
      bool absent = std::isnan(m.got) || std::isinf(m.got);
      if (w.is_null() ? !absent : !(w.is_number() && close(m.got, w.get<double>(), tolerance)))
        mismatch(m.name, w.dump(), number_text(m.got));
    }
    // Reasons are Vietnamese sentences: a test names the words that matter, not the whole text.
    if (want.contains("reason") &&
        !(want["reason"].is_string() && got.reason.find(want["reason"].get<std::string>()) != std::string::npos))
      mismatch("reason", want["reason"].dump(), "\"" + got.reason + "\"");
    if (want.contains("min") && want["min"].is_number() && !(got.value >= want["min"].get<double>() - 1e-9))
      mismatch("min", want["min"].dump(), number_text(got.value));
    if (want.contains("max") && want["max"].is_number() && !(got.value <= want["max"].get<double>() + 1e-9))
      mismatch("max", want["max"].dump(), number_text(got.value));
    if (want.contains("missing") && want["missing"].is_array())
      for (auto const& p : want["missing"])
        if (!p.is_string() || std::find(got.missing.begin(), got.missing.end(), p.get<std::string>()) == got.missing.end())
          mismatch("missing", p.dump(), "not reported");
    if (want.contains("pointers") && want["pointers"].is_array())
      for (auto const& p : want["pointers"])
        if (!p.is_string() || std::find(got.pointers.begin(), got.pointers.end(), p.get<std::string>()) == got.pointers.end())
          mismatch("pointers", p.dump(), "not reported");
    // Who answers for it is a set: the plan's order of agencies is not what a test asserts.
    if (want.contains("who") && want["who"].is_array()) {
      std::set<std::string> expected_who, actual_who(got.who.begin(), got.who.end());
      for (auto const& a : want["who"])
        if (a.is_string()) expected_who.insert(a.get<std::string>());
      if (expected_who != actual_who) {
        auto list = [](std::set<std::string> const& s) {
          std::string out = "[";
          for (auto const& x : s) out += (out.size() > 1 ? ", " : "") + x;
          return out + "]";
        };
        mismatch("who", list(expected_who), list(actual_who));
      }
    }
    if (wrong.empty()) ++result_.passed;
    else fail(file, c, key, unit, expected, actual, context);
  }

  void finish_coverage() {
    // Rule files under the given directories that no test loaded count too.
    for (auto const& f : rule_files_) {
      auto key = canonical_name(f);
      if (coverage_.count(key)) continue;
      bool ok = false;
      source_file src(f.generic_string(), read_file(f, ok));
      auto parsed = syntax::parse(src);
      if (!parsed.ast) continue;
      auto& cov = coverage_[key];
      for (auto const& d : parsed.ast->declarations)
        if (auto const* b = boost::get<syntax::ast::block_decl>(&d.get())) {
          cov.items.emplace(b->id.text, false);
          for (auto const& item : b->items)
            if (auto const* m = boost::get<syntax::ast::milestone>(&item.get()))
              cov.sides.emplace(b->id.text + "@" + std::to_string(m->year), std::make_pair(false, false));
        }
      if (cov.items.empty()) coverage_.erase(key);
    }
    auto cwd = fs::current_path();
    for (auto const& [file, cov] : coverage_) {
      if (cov.items.empty()) continue;
      coverage_entry e;
      e.rule_file = fs::path(file).lexically_relative(cwd).generic_string();
      if (e.rule_file.empty() || e.rule_file.rfind("..", 0) == 0) e.rule_file = file;
      for (auto const& [id, exercised] : cov.items) {
        ++e.items;
        if (exercised) ++e.exercised;
        else e.unexercised.push_back(id);
      }
      for (auto const& [id, seen] : cov.sides) {
        ++e.milestones;
        e.sides_seen += seen.first + seen.second;
        if (!seen.first) e.one_sided.push_back(id + ": never met");
        if (!seen.second) e.one_sided.push_back(id + ": never missed");
      }
      result_.coverage.push_back(std::move(e));
    }
  }
};

}  // namespace

run_result run_tests(std::vector<std::string> const& paths, load_options const& options) {
  return runner(paths, options).run();
}

}  // namespace chitieu::testing
