// eval layer: the dataset's contract. Only a loader makes one, it is read-only, and its lookups (value,
// alive, has_row, the units of a kind in a subtree) answer from its index what the rows say, on a
// hand-computed submission.
#include <chitieu/eval/dataset.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "support/rules.hpp"

using namespace chitieu;
using namespace chitieu::testing_support;

namespace {

// Whether code outside the library could rebuild the index or change a unit: both must not compile.
template <class T, class = void>
struct can_index : std::false_type {};
template <class T>
struct can_index<T, std::void_t<decltype(std::declval<T&>().index())>> : std::true_type {};

template <class T, class = void>
struct can_add_unit : std::false_type {};
template <class T>
struct can_add_unit<T, std::void_t<decltype(std::declval<T&>().units().push_back(eval::unit_record{}))>>
    : std::true_type {};

template <class T, class = void>
struct can_change_value : std::false_type {};
template <class T>
struct can_change_value<T, std::void_t<decltype(std::declval<T&>().values()[0] = 1.0)>> : std::true_type {};

using readonly = eval::dataset const&;

static_assert(!std::is_aggregate_v<eval::dataset>, "a dataset is not filled member by member");
static_assert(!std::is_default_constructible_v<eval::dataset>, "only a loader makes a dataset");
static_assert(std::is_move_constructible_v<eval::dataset> && std::is_copy_constructible_v<eval::dataset>);
static_assert(!can_index<eval::dataset>::value, "the index is built once, by the loader");
static_assert(!can_add_unit<eval::dataset>::value && !can_change_value<eval::dataset>::value);
static_assert(std::is_member_function_pointer_v<decltype(&eval::dataset::units)>);
// Every accessor is const and hands out a reference, never a copy.
static_assert(
    std::is_same_v<decltype(std::declval<readonly>().units()), std::vector<eval::unit_record> const&>);
static_assert(std::is_same_v<decltype(std::declval<readonly>().unit(0)), eval::unit_record const&>);
static_assert(
    std::is_same_v<decltype(std::declval<readonly>().units_of_kind(0)), std::vector<std::uint32_t> const&>);
static_assert(std::is_same_v<decltype(std::declval<readonly>().row_years()), std::vector<int> const&>);
static_assert(
    std::is_same_v<decltype(std::declval<readonly>().row_offsets()), std::vector<std::uint32_t> const&>);
static_assert(std::is_same_v<decltype(std::declval<readonly>().values()), std::vector<double> const&>);
static_assert(std::is_same_v<decltype(std::declval<readonly>().years()), std::vector<int> const&>);
static_assert(
    std::is_same_v<decltype(std::declval<readonly>().tasks()), std::vector<eval::task_report> const&>);
static_assert(
    std::is_same_v<decltype(std::declval<readonly>().documents()), std::vector<std::string> const&>);
static_assert(
    std::is_same_v<decltype(std::declval<readonly>().issues()), std::vector<eval::data_issue> const&>);
static_assert(std::is_same_v<decltype(std::declval<readonly>().cells()),
                             std::unordered_map<std::string, std::string> const&>);
static_assert(std::is_same_v<decltype(std::declval<readonly>().value(0, 2026, 0)), double>);
static_assert(std::is_same_v<decltype(std::declval<readonly>().alive(0, 2026)), bool>);
static_assert(std::is_same_v<decltype(std::declval<readonly>().has_row(0, 2026)), bool>);
static_assert(std::is_same_v<decltype(std::declval<readonly>().units_of_kind_in(0, 0)), eval::unit_range>);

constexpr char const* fields_ct = R"(
field province.ty_le : percent "Tỉ lệ"
field commune.so_hoc_sinh : count of "học sinh" "Số học sinh"
field school.so_hoc_sinh : count of "học sinh" "Số học sinh"
field school.dat_chuan : bool "Đạt chuẩn"
)";

// Units in preorder: 0 p, 1 x1, 2 s1, 3 s2, 4 x2, 5 s3. The years with rows are 2025, 2026 and 2027
// (the province's empty object); s2 closed after 2025, x2 was founded in 2026.
constexpr char const* submission = R"({"kind":"province","id":"p","name":"Tỉnh P",
  "values":{"2025":{"ty_le":90},"2027":{}},
  "children":[
    {"kind":"commune","id":"x1","values":{"2025":{"so_hoc_sinh":120},"2026":{"so_hoc_sinh":"n/a"}},
     "children":[
       {"kind":"school","id":"s1","values":{"2026":{"so_hoc_sinh":40,"dat_chuan":true}}},
       {"kind":"school","id":"s2","last_year":2025,"values":{"2025":{"so_hoc_sinh":30}}}]},
    {"kind":"commune","id":"x2","first_year":2026,
     "children":[{"kind":"school","id":"s3","values":{"2026":{"dat_chuan":false}}}]}]})";

struct loaded {
  ruleset_result rules;
  eval::load_result result;
  sema::checked_ruleset const& ruleset() const { return *rules.rules; }
  eval::dataset const& data() const { return *result.data; }
  int kind(char const* id) const { return ruleset().find_unit_kind(id)->index(); }
  int slot(char const* kind_id, char const* field) const {
    auto f = ruleset().find_field(sema::unit_kind_id(kind(kind_id)), field);
    return ruleset().fields[static_cast<std::size_t>(f->index())].slot;
  }
};

loaded load(std::string const& json) {
  loaded l;
  l.rules = check_text(fields_ct);
  REQUIRE(l.rules.rules);
  l.result = eval::load_submission_text(json, *l.rules.rules);
  REQUIRE(l.result.data);
  return l;
}

std::vector<std::uint32_t> list(eval::unit_range r) { return {r.begin(), r.end()}; }

/// The value by a search of the unit's rows, as the dataset stores them: what the index must agree with.
double searched(eval::dataset const& d, std::uint32_t u, int year, int slot, bool& found) {
  auto const& rec = d.unit(u);
  found = false;
  for (std::uint32_t r = rec.first_row; r < rec.first_row + rec.row_count; ++r)
    if (d.row_years()[r] == year) {
      found = true;
      return d.values()[d.row_offsets()[r] + static_cast<std::uint32_t>(slot)];
    }
  return eval::dataset::missing;
}

}  // namespace

TEST_CASE("eval: a loaded dataset answers value, alive and has_row from its index") {
  auto l = load(submission);
  auto const& d = l.data();
  REQUIRE(d.units().size() == 6);
  CHECK(d.unit(5).id == "s3");
  CHECK(d.years() == std::vector<int>{2025, 2026, 2027});
  CHECK(d.rejected_units() == 0);
  CHECK(d.dropped_units() == 0);
  CHECK(d.issues().empty());
  CHECK(d.cells().empty());

  int ty_le = l.slot("province", "ty_le"), commune_pupils = l.slot("commune", "so_hoc_sinh");
  int pupils = l.slot("school", "so_hoc_sinh"), standard = l.slot("school", "dat_chuan");
  CHECK(d.value(0, 2025, ty_le) == doctest::Approx(0.9));  // a percent is kept as a fraction
  CHECK(std::isnan(d.value(0, 2026, ty_le)));              // no row that year
  CHECK(std::isnan(d.value(0, 2027, ty_le)));              // an empty row
  CHECK(std::isnan(d.value(0, 2024, ty_le)));              // before the first year of any row
  CHECK(std::isnan(d.value(0, 2030, ty_le)));              // after the last
  CHECK(d.value(1, 2025, commune_pupils) == 120);
  CHECK(eval::dataset::is_not_applicable(d.value(1, 2026, commune_pupils)));
  CHECK(d.value(2, 2026, pupils) == 40);
  CHECK(d.value(2, 2026, standard) == 1);
  CHECK(std::isnan(d.value(3, 2026, pupils)));
  CHECK(d.value(5, 2026, standard) == 0);
  CHECK(std::isnan(d.value(5, 2026, pupils)));  // a field the row leaves out

  CHECK(d.has_row(0, 2025));
  CHECK_FALSE(d.has_row(0, 2026));
  CHECK(d.has_row(0, 2027));  // an empty object counts
  CHECK_FALSE(d.has_row(0, 1900));
  CHECK_FALSE(d.has_row(4, 2026));  // x2 sent no values
  CHECK(d.has_row(3, 2025));

  CHECK(d.alive(0, 1900));
  CHECK(d.alive(3, 2025));
  CHECK_FALSE(d.alive(3, 2026));
  CHECK_FALSE(d.alive(4, 2025));
  CHECK(d.alive(4, 2026));
  CHECK(d.alive(5, 2025));  // a school's own lifetime only; x2's founding is x2's

  int school = l.kind("school"), commune = l.kind("commune");
  CHECK(d.kind_count() == l.ruleset().unit_kinds.size());
  CHECK(d.units_of_kind(school) == std::vector<std::uint32_t>{2, 3, 5});
  CHECK(list(d.units_of_kind_in(0, school)) == std::vector<std::uint32_t>{2, 3, 5});
  CHECK(list(d.units_of_kind_in(1, school)) == std::vector<std::uint32_t>{2, 3});
  CHECK(list(d.units_of_kind_in(4, school)) == std::vector<std::uint32_t>{5});
  CHECK(d.units_of_kind_in(2, school).size() == 1);  // the unit itself
  CHECK(d.units_of_kind_in(2, commune).empty());
  CHECK(list(d.units_of_kind_in(0, commune)) == std::vector<std::uint32_t>{1, 4});
  CHECK(d.describe_unit(0, l.ruleset()) == "Tỉnh P (p)");

  // Every unit, year around the data and slot: the index says what a search of the rows says.
  for (std::uint32_t u = 0; u < d.units().size(); ++u) {
    auto fields = l.ruleset().unit_kinds[static_cast<std::size_t>(d.unit(u).kind)].fields.size();
    for (int year = 2023; year <= 2029; ++year) {
      bool found = false;
      searched(d, u, year, 0, found);
      CHECK(d.has_row(u, year) == found);
      for (int slot = 0; slot < static_cast<int>(fields); ++slot) {
        double want = searched(d, u, year, slot, found), got = d.value(u, year, slot);
        CHECK((std::isnan(want) ? std::isnan(got) && eval::dataset::is_not_applicable(want) ==
                                                         eval::dataset::is_not_applicable(got)
                                : got == want));
      }
    }
  }
}

TEST_CASE("eval: a dataset without rows or without a kind answers nothing, without a search") {
  SUBCASE("no values at all") {
    auto l = load(R"({"kind":"province","id":"p","children":[{"kind":"commune","id":"x"}]})");
    auto const& d = l.data();
    CHECK(d.years().empty());
    CHECK(d.row_years().empty());
    CHECK(std::isnan(d.value(0, 2026, 0)));
    CHECK(std::isnan(d.value(1, 2026, 0)));
    CHECK_FALSE(d.has_row(0, 2026));
    CHECK(d.alive(1, 2026));
    CHECK(d.units_of_kind_in(0, l.kind("school")).empty());
    CHECK(d.units_of_kind(l.kind("school")).empty());
    CHECK(list(d.units_of_kind_in(0, l.kind("commune"))) == std::vector<std::uint32_t>{1});
  }
  SUBCASE("an unreadable unit is counted, with those below it") {
    auto l = load(R"({"kind":"province","id":"p","children":[
      {"kind":"commune","children":[{"kind":"school","id":"s"}]},{"kind":"commune","id":"x"}]})");
    auto const& d = l.data();
    CHECK(d.units().size() == 2);
    CHECK(d.rejected_units() == 1);
    CHECK(d.dropped_units() == 1);
    CHECK(d.issues().size() == l.result.issues.size());
    CHECK(list(d.units_of_kind_in(0, l.kind("commune"))) == std::vector<std::uint32_t>{1});
  }
}
