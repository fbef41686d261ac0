/// @file
/// The checked rule set: every name resolved to an index, every expression typed. The product of
/// sema::check, read by eval, graph and report. Immutable once built.
#pragma once
#include <chitieu/export.hpp>
#include <chitieu/sema/handles.hpp>
#include <chitieu/source.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chitieu::sema {

/// Where a declaration or expression was written: the source's index in the rule set and a span.
struct location {
  std::uint32_t file = 0;
  source_span span;
};

enum class value_kind { number, count, percent, money, rank, year, date, boolean, level, text };

/// The type of a value: its kind, its unit of measure ("phòng/trường"), and for levels the ladder.
/// Percents and plain ratios are held as fractions (94% is 0.94); what evaluation gives out is in display
/// units (display_value).
struct value_type {
  value_kind kind = value_kind::number;
  std::string unit;
  int ladder = -1;
  bool literal = false;  // a bare number literal, which adapts to the other operand
  bool ratio = false;    // a quotient of like quantities: a fraction, shown and compared as a percent
};

struct unit_kind {
  std::string id, title, counted;
  std::vector<int> fields;  // by slot: a unit's values are a row of fields.size() numbers
  location where;
};

struct level {
  std::string id, title;
};

struct ladder {
  std::string id, title;
  std::vector<level> levels;  // lowest first
  location where;
};

struct field {
  int unit_kind = -1;
  std::string id;  // the key in a submission's "values"
  value_type type;
  std::string label;
  int slot = -1;  // column in its unit kind's value row
  location where;
};

struct agency {
  std::string id, title, level;
  location where;
};

/// Who issued a plan (docs/language.md, Document): the tier decides which header items make sense.
enum class document_level { unstated, national, ministry, province, department, commune };
/// The rule-language word for a level ("national"); "" when unstated.
CHITIEU_API std::string_view level_word(document_level level);

struct document {
  std::string id, number, kind, issuer, province, title, signer;
  std::optional<std::int32_t> date;  // day number
  document_level level = document_level::unstated;
  std::vector<std::string> implements;
  std::vector<std::string> replaces;  // numbers of the earlier plans this one replaces
  std::vector<int> monitors;          // agencies following up its targets and obligations by default
  int replaced_by = -1;               // a document of the rule set that replaces this one, from its date
  location where;
};

// ---- expressions: a flat pool of nodes, children by index ----

enum class node_op {
  constant,    // number
  field,       // slot
  due_date,    // the due day of the year being judged (obligations)
  negate, logical_not,
  add, sub, mul, div,
  eq, ne, lt, le, gt, ge,
  logical_and, logical_or,
  agg_count, agg_sum, agg_avg, agg_min, agg_max, agg_share, agg_all, agg_any,
  growth, cumulative,
  prev,            // lhs in the year `back` years before the one being judged
  has,             // lhs (a field) was submitted and applies: 1 or 0, never unknown
  min_of, max_of   // the lesser / greater of lhs and rhs
};

struct expr_node {
  node_op op = node_op::constant;
  value_type type;
  double number = 0;   // constant
  int slot = -1;       // field
  int field = -1;      // field index, for messages and JSON Pointers
  int unit_kind = -1;  // aggregates
  int kind_set = -1;   // an aggregate over several kinds (`A | B`): its index in checked_ruleset::kind_sets
  int lhs = -1, rhs = -1;       // operands; aggregates: filter (lhs) and value (rhs)
  int from_year = 0;            // growth / cumulative
  int back = 0;                 // prev: how many years back (1 = the year before)
  location where;
};

struct milestone {
  enum class op { ge, gt, le, lt, eq, between, approx } comparator = op::ge;
  double value = 0;
  double upper = 0;  // between: upper bound; approx: tolerance (default 5% of value)
  int year = 0;
  location where;
};

struct target {
  std::string id;
  int document = -1;
  std::string title, cite, group, note;
  std::vector<int> applies;  // unit kinds
  int measure = -1;          // root node, typed in applies[0]
  std::vector<int> measures;  // root node per unit kind, parallel to applies
  value_type type;
  std::optional<double> baseline_value;
  int baseline_year = 0;
  std::vector<milestone> milestones;  // increasing years
  int parent = -1;
  int restates = -1;  // the target this row states again (a table repeating the body): scored once, there
  int restates_obligation = -1;  // or the obligation it states again (a yearly duty also listed as a target)
  std::vector<int> implements;  // targets of other documents
  std::vector<int> indicators;  // indicators the measure uses, directly or not
  std::vector<int> monitors;    // agencies that follow it up (its own `monitor`, else the document's)
  double weight = 1;
  location where;
};

struct requirement {
  std::vector<int> roots;  // root node per unit kind, parallel to the obligation's applies
  location where;
};

struct obligation {
  std::string id;
  int document = -1;
  std::string title, cite, group, note;
  std::vector<int> applies;
  int from_year = 0, until_year = 0;  // 0: open
  int every_years = 1;  // `every 5 years`: judged only in every fifth year, counted from `start_year`
  int start_year = 0;   // the year the count starts: `from`, else the document's year; 0: the first judged
  unsigned due_day = 0, due_month = 0;  // 0: none
  std::vector<requirement> requirements;
  std::vector<int> indicators;
  std::vector<int> monitors;  // as for a target
  double weight = 1;
  location where;
};

/// `within N days of …` resolves to `by`: one due day, known once the rules are checked.
enum class deadline_kind { none, ongoing, by, during, from, range, yearly, monthly, quarterly };

/// True for the deadlines judged in rounds (docs/scoring.md §4): every month, quarter or N years.
inline bool is_recurring(deadline_kind k) {
  return k == deadline_kind::yearly || k == deadline_kind::monthly || k == deadline_kind::quarterly;
}

struct deadline {
  deadline_kind kind = deadline_kind::none;
  std::int32_t start = std::numeric_limits<std::int32_t>::min();  // day number
  std::int32_t due = std::numeric_limits<std::int32_t>::max();    // last day allowed
  unsigned day = 0, month = 0;  // recurring: day (and month, yearly) of each round's due day
  int every_years = 1;          // yearly: a round every N years
  int from_year = 0;            // yearly: the first round's year; 0: counted from the document's year
  std::string text;             // in Vietnamese: "Quý II/2026", "Thường xuyên"
};

struct task {
  std::string id;
  int document = -1;
  std::string title, cite, group, note, output;
  std::vector<int> lead, support;  // agencies
  deadline when;
  std::vector<int> after;           // tasks
  std::vector<int> serves_targets;  // targets
  std::vector<int> serves_obligations;
  int restates = -1;  // the task this one states again (an appendix row repeating the body): scored there
  int restates_obligation = -1;  // or the obligation it states again (a yearly report both lists)
  double weight = 1;
  location where;
};

/// A relation the submitted data must satisfy (`check`), judged before scoring: a "trong đó" count
/// not above its total, a ratio not above 1. Each requirement is judged on its own.
struct data_check {
  std::string id;
  int document = -1;
  std::string title, cite, note;
  std::vector<int> applies;
  std::vector<requirement> requirements;
  severity level = severity::error;
  std::vector<int> indicators;
  location where;
};

struct indicator {
  std::string id;
  int document = -1;
  std::string title;
  std::vector<int> fields;      // fields read directly
  std::vector<int> indicators;  // indicators used directly
  location where;
};

struct CHITIEU_API checked_ruleset {
  std::vector<std::string> file_names;
  std::vector<unit_kind> unit_kinds;
  std::vector<std::vector<int>> kind_sets;  // the kinds of each `A | B` aggregate, one set of units
  std::vector<ladder> ladders;
  std::vector<field> fields;
  std::vector<agency> agencies;
  std::vector<document> documents;
  std::vector<indicator> indicators;
  std::vector<target> targets;
  std::vector<obligation> obligations;
  std::vector<task> tasks;
  std::vector<data_check> data_checks;
  std::vector<expr_node> nodes;

  // Lookups by id: the entry's handle, or nothing for an unknown id (or an id without its document that
  // several documents have). `rules.documents[found->index()]` is the entry.
  std::optional<unit_kind_id> find_unit_kind(std::string_view id) const;
  std::optional<document_id> find_document(std::string_view id) const;
  std::optional<agency_id> find_agency(std::string_view id) const;
  /// `doc.T1`, or `T1` when only one document has it.
  std::optional<target_id> find_target(std::string_view qualified) const;
  std::optional<obligation_id> find_obligation(std::string_view qualified) const;
  std::optional<task_id> find_task(std::string_view qualified) const;
  std::optional<field_id> find_field(unit_kind_id kind, std::string_view id) const;
  /// The entry a handle names: `rules[*rules.find_document("bn_ctr04")].title`.
  unit_kind const& operator[](unit_kind_id h) const { return unit_kinds[static_cast<std::size_t>(h.index())]; }
  document const& operator[](document_id h) const { return documents[static_cast<std::size_t>(h.index())]; }
  agency const& operator[](agency_id h) const { return agencies[static_cast<std::size_t>(h.index())]; }
  target const& operator[](target_id h) const { return targets[static_cast<std::size_t>(h.index())]; }
  obligation const& operator[](obligation_id h) const { return obligations[static_cast<std::size_t>(h.index())]; }
  task const& operator[](task_id h) const { return tasks[static_cast<std::size_t>(h.index())]; }
  field const& operator[](field_id h) const { return fields[static_cast<std::size_t>(h.index())]; }
  std::string qualified_id(target const& t) const { return documents[t.document].id + "." + t.id; }
  std::string qualified_id(task const& t) const { return documents[t.document].id + "." + t.id; }
  std::string qualified_id(obligation const& o) const {
    return documents[o.document].id + "." + o.id;
  }
  std::string qualified_id(data_check const& c) const { return documents[c.document].id + "." + c.id; }
};

/// Text of a type for messages and listings: "phần trăm", "số đếm (phòng)".
CHITIEU_API std::string describe(value_type const& type, checked_ruleset const& rules);

/// Values in two representations (docs/api.md, "Values"). The interpreter computes on the measure's
/// representation, in which a percent, or a ratio of like quantities, is a fraction (0.945): it is what
/// `expr_node::number`, `milestone::value`, `target::baseline_value` and the dataset's rows hold. Every
/// value outside the engine is in display units, as a plan and a submission write it (94.5 for 94.5%):
/// the outcomes of `evaluate`, the scorecards in every format, rule tests. These two functions are the
/// one conversion.
/// Whether values of `type` are shown in percent: a percent, or a ratio of like quantities.
CHITIEU_API bool shown_as_percent(value_type const& type);
/// `v`, in the measure's representation, in display units: times 100 when shown in percent.
CHITIEU_API double display_value(double v, value_type const& type);
/// `v`, in display units, in the measure's representation: the inverse of display_value.
CHITIEU_API double measure_value(double v, value_type const& type);
/// The type of the value an obligation's requirement compares (its left side), or nullptr when the
/// requirement is not a comparison: the type of a requirement outcome's value, threshold and gap.
CHITIEU_API value_type const* compared_type(obligation const& o, int requirement, checked_ruleset const& rules);

}  // namespace chitieu::sema
