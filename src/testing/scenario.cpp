// chitieu::testing::scenario: rules + submission + date, evaluated lazily, for C++ test suites.
#include <chitieu/date.hpp>
#include <chitieu/eval/data_checks.hpp>
#include <chitieu/testing.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace chitieu::testing {

struct scenario::state {
  std::optional<eval::plan> plan;
  std::optional<eval::dataset> data;
  std::vector<eval::data_issue> issues;
  std::int32_t as_of = 0;
  std::uint32_t unit = 0;
  std::string unit_id;
  std::optional<eval::evaluation> result;
};

scenario::scenario(std::vector<std::string> const& rule_paths) : state_(std::make_unique<state>()) {
  auto loaded = load_rules(rule_paths);
  if (!loaded.rules) {
    std::string why;
    for (auto const& e : loaded.io_errors) why += e + "\n";
    for (auto const& d : loaded.diags)
      if (d.level == severity::error)
        why += std::string(loaded.sources[d.file].name()) + ": " + d.message + " [" + d.code + "]\n";
    throw std::runtime_error("rule files do not check:\n" + why);
  }
  state_->plan.emplace(eval::compile(std::move(*loaded.rules)));
}
scenario::~scenario() = default;
scenario::scenario(scenario&&) noexcept = default;

scenario& scenario::data(std::string const& json_text) {
  auto loaded = eval::load_submission_text(json_text, state_->plan->rules());
  if (!loaded.data)
    throw std::runtime_error("submission unreadable: " +
                             (loaded.issues.empty() ? std::string() : loaded.issues.front().message));
  eval::check_data(*state_->plan, loaded);
  state_->data = std::move(loaded.data);
  state_->issues = std::move(loaded.issues);
  state_->result.reset();
  return *this;
}

scenario& scenario::data_file(std::string const& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return data(text.str());
}

scenario& scenario::as_of(std::string const& iso_date) {
  auto d = parse_iso_date(iso_date);
  if (!d) throw std::runtime_error("not a date: " + iso_date);
  state_->as_of = *d;
  state_->result.reset();
  return *this;
}

scenario& scenario::unit(std::string const& id) {
  state_->unit_id = id;
  return *this;
}

eval::evaluation const& scenario::result() {
  if (!state_->data) throw std::runtime_error("no submission given");
  if (!state_->result) {
    eval::evaluate_options o;
    o.as_of = state_->as_of;
    state_->result = eval::evaluate(*state_->plan, *state_->data, o);
  }
  return *state_->result;
}

std::vector<eval::data_issue> const& scenario::issues() { return state_->issues; }

namespace {
observation look(scenario& s, eval::plan const& plan, eval::dataset const& data, std::string const& unit_id,
                 std::string const& key) {
  std::uint32_t unit = 0;
  for (std::uint32_t i = 0; i < data.units().size(); ++i)
    if (data.unit(i).id == unit_id) unit = i;
  auto check = observe_check(plan, data, s.issues(), unit, key, "");
  auto obs = check ? *check : observe(plan, s.result(), unit, key, "");
  if (!obs.error.empty()) throw std::runtime_error(key + ": " + obs.error);
  return obs;
}
}  // namespace

std::string scenario::verdict(std::string const& key) {
  return look(*this, *state_->plan, *state_->data, state_->unit_id, key).verdict.value_or("");
}
double scenario::value(std::string const& key) {
  return look(*this, *state_->plan, *state_->data, state_->unit_id, key).value;
}
double scenario::gap(std::string const& key) {
  return look(*this, *state_->plan, *state_->data, state_->unit_id, key).gap;
}
double scenario::score(std::string const& document) {
  return look(*this, *state_->plan, *state_->data, state_->unit_id, document.empty() ? "score" : "score:" + document)
      .value;
}

}  // namespace chitieu::testing
