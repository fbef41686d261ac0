// The checker's passes: collect declarations, resolve fields, then check targets, obligations and
// tasks. Each pass appends diagnostics and goes on, so one run reports every problem it can.
#include <chitieu/sema/check.hpp>

#include <chitieu/date.hpp>
#include <chitieu/warnings.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "context.hpp"
#include "documents.hpp"
#include "references.hpp"
#include "suggest.hpp"

namespace chitieu::sema {
namespace detail {
namespace {

using files_t = std::vector<ast::rule_file>;

char const* item_name(ast::item const& it) {
  struct v {
    char const* operator()(ast::text_item const& t) const {
      static char const* const names[] = {"cite", "group", "note", "output"};
      return names[static_cast<int>(t.key)];
    }
    char const* operator()(ast::names_item const& t) const {
      static char const* const names[] = {"applies to", "parent", "implements", "lead",
                                          "support",    "after",  "serves",     "restates",
                                          "monitor"};
      return names[static_cast<int>(t.key)];
    }
    char const* operator()(ast::expr_item const& t) const {
      return t.key == ast::expr_key::measure ? "measure" : "require";
    }
    char const* operator()(ast::weight_item const&) const { return "weight"; }
    char const* operator()(ast::baseline_item const&) const { return "baseline"; }
    char const* operator()(ast::milestone const&) const { return "milestone"; }
    char const* operator()(ast::every_item const&) const { return "every year"; }
    char const* operator()(ast::due_item const&) const { return "due"; }
    char const* operator()(ast::deadline_item const&) const { return "deadline"; }
    char const* operator()(ast::severity_item const&) const { return "severity"; }
    char const* operator()(ast::allow_item const&) const { return "allow"; }
  };
  return detail::visit(v{}, it);
}

source_span item_span(ast::item const& it) {
  return detail::visit([](auto const& x) { return x.span; }, it);
}

bool allowed(ast::block_kind block, std::string_view item) {
  static std::set<std::string_view> const target{"cite",  "group",    "note",       "applies to",
                                                 "parent", "implements", "measure", "weight",
                                                 "baseline", "milestone", "allow", "restates",
                                                 "monitor"};
  static std::set<std::string_view> const obligation{"cite",   "group",   "note",  "applies to", "require",
                                                     "weight", "every year", "due", "allow", "monitor"};
  static std::set<std::string_view> const task{"cite",    "group", "note",   "output",   "lead",   "support",
                                               "after",   "serves", "deadline", "weight", "allow", "restates"};
  static std::set<std::string_view> const check{"cite", "note", "applies to", "require", "severity"};
  switch (block) {
    case ast::block_kind::target: return target.count(item) > 0;
    case ast::block_kind::obligation: return obligation.count(item) > 0;
    case ast::block_kind::task: return task.count(item) > 0;
    case ast::block_kind::check: return check.count(item) > 0;
  }
  return false;
}

bool single_valued(std::string_view item) {
  static std::set<std::string_view> const single{"cite",   "group",    "output", "applies to",
                                                 "parent", "measure",  "weight", "baseline",
                                                 "every year", "due", "deadline", "severity", "restates"};
  return single.count(item) > 0;
}

char const* block_name(ast::block_kind k) {
  switch (k) {
    case ast::block_kind::target: return "target";
    case ast::block_kind::obligation: return "obligation";
    case ast::block_kind::task: return "task";
    case ast::block_kind::check: return "check";
  }
  return "";
}

class checker {
 public:
  checker(files_t const& files, std::vector<std::string> const& names, language lang) : files_(files) {
    cx_.rules.file_names = names;
    cx_.lang = lang;
  }

  check_result run() {
    collect();
    for (std::size_t d = 0; d < document_decls_.size(); ++d) {
      cx_.file = document_places_[d].file;
      check_document_header(cx_, *document_decls_[d], cx_.rules.documents[d]);
    }
    link_replacements(cx_, document_places_);
    resolve_fields();
    register_blocks();
    for (auto& [index, decl] : indicator_decls_) check_indicator(index, *decl);
    for (auto const& b : blocks_) check_block(b);
    resolve_references(cx_, pending_);
    sort_diagnostics(cx_.diags);
    check_result out;
    out.diags = std::move(cx_.diags);
    if (!has_errors(out.diags)) out.rules = std::move(cx_.rules);
    return out;
  }

 private:
  files_t const& files_;
  check_context cx_;
  struct block_ref {
    std::uint32_t file;
    int document;
    ast::block_decl const* decl;
    int index;  // into targets / obligations / tasks
  };
  std::vector<block_ref> blocks_;
  std::vector<std::pair<int, ast::indicator_decl const*>> indicator_decls_;
  std::vector<std::pair<std::uint32_t, ast::field_decl const*>> field_decls_;
  std::vector<int> file_document_;
  std::vector<pending_names> pending_;  // references resolved after every block is registered

  template <typename Map>
  bool declare(Map& map, std::string const& id, int index, source_span span,
               std::vector<location>& places, std::string const& twice) {
    auto [it, inserted] = map.emplace(id, index);
    if (!inserted) {
      // `twice` is already in the run's language, with {0} for the id.
      cx_.error("sema.duplicate_id", span, say(cx_.lang, twice, {quote(id)}));
      cx_.note(places[static_cast<std::size_t>(it->second)], "sema.duplicate_id",
               say(cx_.lang, "first declared here"));
      return false;
    }
    places.push_back(cx_.at(span));
    return true;
  }

  std::vector<location> unit_places_, ladder_places_, agency_places_, document_places_;
  std::vector<ast::document_decl const*> document_decls_;  // parallel to rules.documents

  void collect() {
    file_document_.assign(files_.size(), -1);
    for (std::uint32_t f = 0; f < files_.size(); ++f) {
      cx_.file = f;
      for (auto const& d : files_[f].declarations) {
        if (auto const* doc = boost::get<ast::document_decl>(&d.get())) collect_document(*doc);
      }
    }
    for (std::uint32_t f = 0; f < files_.size(); ++f) {
      cx_.file = f;
      for (auto const& d : files_[f].declarations) {
        if (auto const* u = boost::get<ast::unit_decl>(&d.get())) {
          unit_kind k{u->id.text, u->title.value, u->counted ? u->counted->value : u->title.value,
                      {}, cx_.at(u->span)};
          if (declare(cx_.unit_by_id, k.id, static_cast<int>(cx_.rules.unit_kinds.size()),
                      u->id.span, unit_places_, say(cx_.lang, "unit kind {0} is declared twice")))
            cx_.rules.unit_kinds.push_back(k);
        } else if (auto const* l = boost::get<ast::ladder_decl>(&d.get())) {
          ladder ld{l->id.text, l->title.value, {}, cx_.at(l->span)};
          std::set<std::string> seen;
          for (auto const& lv : l->levels) {
            if (!seen.insert(lv.id.text).second)
              cx_.error("sema.duplicate_id", lv.id.span, say(cx_.lang, "level {0} appears twice", {quote(lv.id.text)}));
            ld.levels.push_back({lv.id.text, lv.title.value});
          }
          if (declare(cx_.ladder_by_id, ld.id, static_cast<int>(cx_.rules.ladders.size()),
                      l->id.span, ladder_places_, say(cx_.lang, "ladder {0} is declared twice")))
            cx_.rules.ladders.push_back(ld);
        } else if (auto const* a = boost::get<ast::agency_decl>(&d.get())) {
          agency ag{a->id.text, a->title.value, a->level ? a->level->text : "", cx_.at(a->span)};
          if (declare(cx_.agency_by_id, ag.id, static_cast<int>(cx_.rules.agencies.size()),
                      a->id.span, agency_places_, say(cx_.lang, "agency {0} is declared twice")))
            cx_.rules.agencies.push_back(ag);
          for (auto const& allow : a->allows) check_allow(allow);
        } else if (auto const* fd = boost::get<ast::field_decl>(&d.get())) {
          field_decls_.push_back({f, fd});
        }
      }
    }
  }

  /// `allow CODE "reason"`: CODE must be a warning, and the reason said.
  void check_allow(ast::allow_item const& a) {
    auto code = a.code.first.text + (a.code.second ? "." + a.code.second->text : "");
    auto const& codes = warning_codes();
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) {
      cx_.error("sema.unknown_code", a.code.span, say(cx_.lang, "{0} is not a warning code that can be allowed", {quote(code)}));
      suggest(cx_, code, codes);
    } else if (a.reason.value.find_first_not_of(' ') == std::string::npos) {
      cx_.error("sema.missing_item", a.reason.span, say(cx_.lang, "'allow' needs the reason the plan gives"));
    }
  }

  void collect_document(ast::document_decl const& doc) {
    if (file_document_[cx_.file] >= 0) {
      cx_.error("sema.multiple_documents", doc.id.span,
                say(cx_.lang, "a rule file holds one document; {0} is the second here", {quote(doc.id.text)}));
      return;
    }
    document d;
    d.id = doc.id.text;
    d.where = cx_.at(doc.span);
    std::set<ast::document_key> seen;
    for (auto const& item : doc.items) {
      bool repeatable = item.key == ast::document_key::implements || item.key == ast::document_key::replaces ||
                        item.key == ast::document_key::monitor;
      if (!seen.insert(item.key).second && !repeatable)
        cx_.error("sema.duplicate_item", item.span, say(cx_.lang, "document item given twice"));
      auto first = item.texts.empty() ? std::string() : item.texts.front().value;
      switch (item.key) {
        case ast::document_key::number: d.number = first; break;
        case ast::document_key::kind: d.kind = first; break;
        case ast::document_key::issuer: d.issuer = first; break;
        case ast::document_key::province: d.province = first; break;
        case ast::document_key::title: d.title = first; break;
        case ast::document_key::signer: d.signer = first; break;
        case ast::document_key::implements:
          for (auto const& t : item.texts) d.implements.push_back(t.value);
          break;
        case ast::document_key::replaces:
        case ast::document_key::level:
        case ast::document_key::monitor: read_document_header(cx_, item, d); break;
        case ast::document_key::date:
          if (item.date && is_valid_date(static_cast<int>(item.date->year), item.date->month,
                                         item.date->day))
            d.date = days_from_civil(
                {static_cast<int>(item.date->year), item.date->month, item.date->day});
          else
            cx_.error("sema.bad_date", item.span, say(cx_.lang, "not a calendar date"));
          break;
      }
    }
    int index = static_cast<int>(cx_.rules.documents.size());
    if (declare(cx_.document_by_id, d.id, index, doc.id.span, document_places_,
                say(cx_.lang, "document {0} is declared twice"))) {
      cx_.rules.documents.push_back(d);
      document_decls_.push_back(&doc);
      file_document_[cx_.file] = index;
    }
  }

  void resolve_fields() {
    for (auto const& [file, fd] : field_decls_) {
      cx_.file = file;
      auto kind = cx_.unit_by_id.find(fd->unit_kind.text);
      if (kind == cx_.unit_by_id.end()) {
        cx_.error("sema.unknown_name", fd->unit_kind.span, say(cx_.lang, "unknown unit kind {0}", {quote(fd->unit_kind.text)}));
        suggest(cx_, fd->unit_kind.text, unit_kind_names(cx_));
        continue;
      }
      field f;
      f.unit_kind = kind->second;
      f.id = fd->id.text;
      f.label = fd->label.value;
      f.where = cx_.at(fd->span);
      if (!resolve_type(fd->type, f.type)) continue;
      auto key = std::make_pair(kind->second, f.id);
      auto existing = cx_.field_by_key.find(key);
      if (existing != cx_.field_by_key.end()) {
        auto const& old = cx_.rules.fields[static_cast<std::size_t>(existing->second)];
        if (old.type.kind != f.type.kind || old.type.unit != f.type.unit ||
            old.type.ladder != f.type.ladder) {
          cx_.error("sema.conflicting_field", fd->id.span,
                    say(cx_.lang, "field {0} was declared as {1}, here as {2}",
                        {quote(fd->unit_kind.text + "." + f.id), type_name(cx_, old.type), type_name(cx_, f.type)}));
          cx_.note(old.where, "sema.conflicting_field", say(cx_.lang, "first declared here"));
        }
        continue;  // the same declaration again, from another plan: one field
      }
      auto& kind_fields = cx_.rules.unit_kinds[static_cast<std::size_t>(kind->second)].fields;
      f.slot = static_cast<int>(kind_fields.size());
      kind_fields.push_back(static_cast<int>(cx_.rules.fields.size()));
      cx_.field_by_key.emplace(key, static_cast<int>(cx_.rules.fields.size()));
      cx_.rules.fields.push_back(f);
    }
  }

  bool resolve_type(ast::type_spec const& t, value_type& out) {
    static constexpr value_kind kinds[] = {value_kind::number, value_kind::count, value_kind::percent,
                                           value_kind::money,  value_kind::boolean, value_kind::year,
                                           value_kind::date,   value_kind::rank, value_kind::text,
                                           value_kind::level};
    out.kind = kinds[static_cast<int>(t.kind)];
    if (t.unit_of) {
      if (t.kind != ast::type_kind::number && t.kind != ast::type_kind::count) {
        cx_.error("sema.bad_type", t.unit_of->span, say(cx_.lang, "only number and count take 'of \"unit\"'"));
        return false;
      }
      out.unit = t.unit_of->value;
    }
    if (t.kind == ast::type_kind::level) {
      if (!t.ladder) {
        cx_.error("sema.bad_type", t.span, say(cx_.lang, "'level' needs a ladder name"));
        return false;
      }
      auto l = cx_.ladder_by_id.find(t.ladder->text);
      if (l == cx_.ladder_by_id.end()) {
        cx_.error("sema.unknown_name", t.ladder->span, say(cx_.lang, "unknown ladder {0}", {quote(t.ladder->text)}));
        suggest(cx_, t.ladder->text, ladder_names(cx_));
        return false;
      }
      out.ladder = l->second;
    } else if (t.ladder) {
      cx_.error("sema.bad_type", t.ladder->span, say(cx_.lang, "only 'level' takes a ladder name"));
      return false;
    }
    return true;
  }

  void register_blocks() {
    std::map<std::pair<int, std::string>, location> places;
    for (std::uint32_t f = 0; f < files_.size(); ++f) {
      cx_.file = f;
      int doc = file_document_[f];
      for (auto const& d : files_[f].declarations) {
        auto const* ind = boost::get<ast::indicator_decl>(&d.get());
        auto const* blk = boost::get<ast::block_decl>(&d.get());
        if (!ind && !blk) continue;
        source_span id_span = ind ? ind->id.span : blk->id.span;
        std::string const& id = ind ? ind->id.text : blk->id.text;
        if (doc < 0) {
          cx_.error("sema.no_document", id_span,
                    say(cx_.lang, "{0} needs a 'document' declaration in its file", {quote(id)}));
          continue;
        }
        auto key = std::make_pair(doc, id);
        auto [it, fresh] = places.emplace(key, cx_.at(id_span));
        if (!fresh) {
          cx_.error("sema.duplicate_id", id_span,
                    say(cx_.lang, "{0} is declared twice in document {1}", {quote(id), quote(cx_.rules.documents[doc].id)}));
          cx_.note(it->second, "sema.duplicate_id", say(cx_.lang, "first declared here"));
          continue;
        }
        if (ind) {
          int index = static_cast<int>(cx_.rules.indicators.size());
          cx_.rules.indicators.push_back({id, doc, ind->title ? ind->title->value : id, {}, {},
                                          cx_.at(ind->span)});
          cx_.indicator_by_key.emplace(key, index);
          cx_.indicator_ast[index] = ind;
          cx_.indicator_file[index] = f;
          indicator_decls_.push_back({index, ind});
          continue;
        }
        int index = 0;
        switch (blk->kind) {
          case ast::block_kind::target:
            index = static_cast<int>(cx_.rules.targets.size());
            cx_.rules.targets.emplace_back();
            cx_.target_by_key.emplace(key, index);
            break;
          case ast::block_kind::obligation:
            index = static_cast<int>(cx_.rules.obligations.size());
            cx_.rules.obligations.emplace_back();
            cx_.obligation_by_key.emplace(key, index);
            break;
          case ast::block_kind::task:
            index = static_cast<int>(cx_.rules.tasks.size());
            cx_.rules.tasks.emplace_back();
            cx_.task_by_key.emplace(key, index);
            break;
          case ast::block_kind::check:
            index = static_cast<int>(cx_.rules.data_checks.size());
            cx_.rules.data_checks.emplace_back();
            break;
        }
        blocks_.push_back({f, doc, blk, index});
      }
    }
  }

  void check_indicator(int index, ast::indicator_decl const& decl) {
    // Indicators are typed where they are used (the unit kind decides what a name means); here we
    // only record what they read, for the dependency graph, by checking in no unit kind.
    auto& ind = cx_.rules.indicators[static_cast<std::size_t>(index)];
    collect_reads(decl.value.first, ind);
    for (auto const& op : decl.value.rest) collect_reads(op.rhs, ind);
  }

  void collect_reads(ast::operand const& o, indicator& ind) {
    auto walk = [&](ast::expr const& e) {
      collect_reads(e.first, ind);
      for (auto const& op : e.rest) collect_reads(op.rhs, ind);
    };
    detail::visit(
        [&](auto const& alt) {
          using T = std::decay_t<decltype(alt)>;
          if constexpr (std::is_same_v<T, ast::qualified_name>) {
            note_read(alt, ind);
          } else if constexpr (std::is_same_v<T, x3::forward_ast<ast::expr>>) {
            walk(alt.get());
          } else if constexpr (std::is_same_v<T, x3::forward_ast<ast::prefixed>>) {
            collect_reads(alt.get().value, ind);
          } else if constexpr (std::is_same_v<T, x3::forward_ast<ast::aggregate>>) {
            auto const& a = alt.get();
            bool extreme = a.kind == ast::aggregate_kind::min || a.kind == ast::aggregate_kind::max;
            if (extreme && a.unit_kinds.size() == 1 && !cx_.unit_by_id.count(a.unit_kinds.front().text)) {
              ast::qualified_name first;  // the scalar min(x, y): x is a value read
              first.first = a.unit_kinds.front();
              note_read(first, ind);
            }
            if (alt.get().filter) walk(*alt.get().filter);
            if (alt.get().value) walk(*alt.get().value);
          } else if constexpr (std::is_same_v<T, x3::forward_ast<ast::function_call>>) {
            walk(alt.get().argument);
          } else if constexpr (std::is_same_v<T, x3::forward_ast<ast::call>>) {
            for (auto const& a : alt.get().arguments) walk(a);
          }
        },
        o);
  }

  void note_read(ast::qualified_name const& q, indicator& ind) {
    int doc = ind.document;
    std::string id = q.first.text;
    if (q.second) {
      auto d = cx_.document_by_id.find(q.first.text);
      if (d == cx_.document_by_id.end()) return;
      doc = d->second;
      id = q.second->text;
    }
    auto it = cx_.indicator_by_key.find({doc, id});
    if (it != cx_.indicator_by_key.end()) {
      if (std::find(ind.indicators.begin(), ind.indicators.end(), it->second) == ind.indicators.end())
        ind.indicators.push_back(it->second);
      return;
    }
    if (q.second) return;
    for (std::size_t i = 0; i < cx_.rules.fields.size(); ++i)
      if (cx_.rules.fields[i].id == id &&
          std::find(ind.fields.begin(), ind.fields.end(), static_cast<int>(i)) == ind.fields.end())
        ind.fields.push_back(static_cast<int>(i));
  }

  std::vector<int> resolve_kinds(ast::names_item const& item) { return resolve_unit_kinds(cx_, item); }

  /// Converts a milestone or baseline value to the measure's representation.
  std::optional<double> convert_value(ast::value_lit const& v, value_type const& type) {
    if (auto const* n = boost::get<ast::number_lit>(&v.get())) {
      if (!std::isfinite(n->value)) {
        cx_.error("sema.bad_number", n->span, say(cx_.lang, "number is too large"));
        return std::nullopt;
      }
      if (type.kind == value_kind::level) {
        cx_.error("sema.milestone_type", n->span,
                  say(cx_.lang, "this target measures a level of {0}; write a level name",
                      {quote(cx_.rules.ladders[type.ladder].id)}));
        return std::nullopt;
      }
      if (type.kind == value_kind::percent) {
        if (!n->percent) {
          cx_.error("sema.percent_literal", n->span,
                    percent_literal_message(cx_.lang, false, n->value));
          return std::nullopt;
        }
        return n->value / 100;
      }
      if (n->percent) {
        if (type.kind == value_kind::number && type.ratio) return n->value / 100;
        cx_.error("sema.type_mismatch", n->span,
                  say(cx_.lang, "a percent value for a measure of type {0}", {type_name(cx_, type)}));
        return std::nullopt;
      }
      return n->value;
    }
    auto const& name = boost::get<ast::name>(v.get());
    if (type.kind != value_kind::level) {
      cx_.error("sema.milestone_type", name.span,
                say(cx_.lang, "level {0} for a measure of type {1}", {quote(name.text), type_name(cx_, type)}));
      return std::nullopt;
    }
    auto const& ladder = cx_.rules.ladders[static_cast<std::size_t>(type.ladder)];
    for (std::size_t i = 0; i < ladder.levels.size(); ++i)
      if (ladder.levels[i].id == name.text) return static_cast<double>(i);
    cx_.error("sema.unknown_level", name.span,
              say(cx_.lang, "ladder {0} has no level {1}", {quote(ladder.id), quote(name.text)}));
    suggest(cx_, name.text, level_names(cx_, type.ladder));
    return std::nullopt;
  }

  void check_block(block_ref const& b) {
    cx_.file = b.file;
    auto const& decl = *b.decl;
    std::set<std::string> seen;
    for (auto const& item : decl.items) {
      std::string name = item_name(item);
      if (!allowed(decl.kind, name)) {
        cx_.error("sema.misplaced_item", item_span(item),
                  say(cx_.lang, "'{0}' is not an item of a {1}", {name, block_name(decl.kind)}));
        continue;
      }
      if (single_valued(name) && !seen.insert(name).second)
        cx_.error("sema.duplicate_item", item_span(item), say(cx_.lang, "'{0}' is given twice", {name}));
      if (auto const* allow = boost::get<ast::allow_item>(&item.get())) check_allow(*allow);
    }
    switch (decl.kind) {
      case ast::block_kind::target: check_target(b); break;
      case ast::block_kind::obligation: check_obligation(b); break;
      case ast::block_kind::task: check_task(b); break;
      case ast::block_kind::check:
        check_data_check(cx_, decl, b.document, cx_.rules.data_checks[static_cast<std::size_t>(b.index)]);
        break;
    }
  }

  template <typename T>
  T const* find_item(ast::block_decl const& decl) {
    for (auto const& item : decl.items)
      if (auto const* p = boost::get<T>(&item.get())) return p;
    return nullptr;
  }
  ast::names_item const* find_names(ast::block_decl const& decl, ast::names_key key) {
    for (auto const& item : decl.items)
      if (auto const* p = boost::get<ast::names_item>(&item.get()); p && p->key == key) return p;
    return nullptr;
  }

  void common_text(ast::block_decl const& decl, std::string& cite, std::string& group,
                   std::string& note, std::string* output, double& weight) {
    for (auto const& item : decl.items) {
      if (auto const* t = boost::get<ast::text_item>(&item.get())) {
        switch (t->key) {
          case ast::text_key::cite: cite = t->value.value; break;
          case ast::text_key::group: group = t->value.value; break;
          case ast::text_key::note: note += (note.empty() ? "" : " ") + t->value.value; break;
          case ast::text_key::output:
            if (output) *output = t->value.value;
            break;
        }
      } else if (auto const* w = boost::get<ast::weight_item>(&item.get())) {
        if (!std::isfinite(w->value.value) || w->value.value <= 0 || w->value.percent)
          cx_.error("sema.bad_weight", w->span, say(cx_.lang, "a weight is a positive number"));
        else
          weight = w->value.value;
      }
    }
  }

  void check_target(block_ref const& b) {
    auto const& decl = *b.decl;
    target& t = cx_.rules.targets[static_cast<std::size_t>(b.index)];
    t.id = decl.id.text;
    t.document = b.document;
    t.title = decl.title.value;
    t.where = cx_.at(decl.span);
    common_text(decl, t.cite, t.group, t.note, nullptr, t.weight);
    if (auto const* applies = find_names(decl, ast::names_key::applies)) t.applies = resolve_kinds(*applies);
    else cx_.error("sema.missing_item", decl.id.span, say(cx_.lang, "target {0} needs 'applies to'", {quote(t.id)}));
    for (auto const& item : decl.items)
      if (auto const* n = boost::get<ast::names_item>(&item.get());
          n && n->key != ast::names_key::applies && allowed(decl.kind, item_name(item)))
        pending_.push_back({b.file, b.document, n, decl.kind, b.index});

    auto const* measure = find_item<ast::expr_item>(decl);
    if (!measure) {
      cx_.error("sema.missing_item", decl.id.span, say(cx_.lang, "target {0} needs a 'measure'", {quote(t.id)}));
      return;
    }
    if (t.applies.empty()) return;
    // Type the measure in every unit kind it applies to; keep the first tree.
    for (std::size_t k = 0; k < t.applies.size(); ++k) {
      expression_scope scope{t.applies[k], b.document, false, &t.indicators, nullptr};
      int root = check_expression(cx_, measure->value, scope);
      if (root < 0) return;
      t.measures.push_back(root);
      auto const& type = cx_.rules.nodes[static_cast<std::size_t>(root)].type;
      if (k == 0) {
        t.measure = root;
        t.type = type;
        t.type.literal = false;
      } else {
        if (type.kind != t.type.kind || type.unit != t.type.unit) {
          cx_.error("sema.type_mismatch", measure->value.span,
                    say(cx_.lang, "the measure has type {0} in {1} but {2} in {3}",
                        {type_name(cx_, t.type), cx_.rules.unit_kinds[t.applies[0]].id, type_name(cx_, type),
                         cx_.rules.unit_kinds[t.applies[k]].id}));
          return;
        }
      }
    }
    if (t.type.kind == value_kind::boolean || t.type.kind == value_kind::date ||
        t.type.kind == value_kind::text) {
      cx_.error("sema.target_measure_type", measure->value.span,
                say(cx_.lang, "a target measures a number, percent, count, money, rank or level, not {0}; for a yes/no condition use share(…) or all(…)",
                    {type_name(cx_, t.type)}));
      t.measure = -1;
      return;
    }
    check_milestones(decl, t);
  }

  void check_milestones(ast::block_decl const& decl, target& t) {
    bool written = false;  // a milestone was written, even if it had an error of its own
    for (auto const& item : decl.items) {
      if (auto const* m = boost::get<ast::milestone>(&item.get())) {
        written = true;
        milestone ms;
        ms.year = static_cast<int>(m->year);
        ms.where = cx_.at(m->span);
        static constexpr milestone::op ops[] = {milestone::op::ge, milestone::op::gt,
                                                milestone::op::le, milestone::op::lt,
                                                milestone::op::eq, milestone::op::between,
                                                milestone::op::approx};
        ms.comparator = ops[static_cast<int>(m->op)];
        auto value = convert_value(m->value, t.type);
        if (!value) continue;
        ms.value = *value;
        if (m->second) {
          auto second = convert_value(m->second.value(), t.type);
          if (!second) continue;
          ms.upper = *second;
          if (ms.comparator == milestone::op::approx) {
            // `within 5%` is relative to the value; a plain number is absolute.
            auto const* n = boost::get<ast::number_lit>(&m->second->get());
            if (n && n->percent && t.type.kind != value_kind::percent)
              ms.upper = std::abs(ms.value) * n->value / 100;
          }
          if (ms.comparator == milestone::op::between && ms.upper < ms.value) {
            cx_.error("sema.bad_range", m->span, say(cx_.lang, "'between' needs the lower bound first"));
            continue;
          }
        } else if (ms.comparator == milestone::op::approx) {
          ms.upper = std::abs(ms.value) * 0.05;
        }
        if (ms.year < 1900 || ms.year > 2200) {
          cx_.error("sema.bad_period", m->span, say(cx_.lang, "year out of range 1900–2200"));
          continue;
        }
        if (!t.milestones.empty()) {
          auto const& prev = t.milestones.back();
          if (ms.year <= prev.year)
            cx_.error("sema.milestone_order", m->span,
                      say(cx_.lang, "milestones must be in increasing year order: {0} comes after {1}",
                          {std::to_string(ms.year), std::to_string(prev.year)}));
          else if (looser(prev, ms))
            cx_.error("sema.milestone_looser", m->span,
                      say(cx_.lang, "this milestone is looser than the one for {0}", {std::to_string(prev.year)}));
        }
        t.milestones.push_back(ms);
      } else if (auto const* bl = boost::get<ast::baseline_item>(&item.get())) {
        auto value = convert_value(bl->value, t.type);
        if (!value) continue;
        t.baseline_value = *value;
        t.baseline_year = static_cast<int>(bl->year);
      }
    }
    if (t.milestones.empty() && !written) {
      cx_.error("sema.missing_item", decl.id.span, say(cx_.lang, "target {0} has no milestone", {quote(t.id)}));
      return;
    }
    if (t.baseline_value && t.baseline_year >= t.milestones.front().year)
      cx_.error("sema.baseline_year", decl.id.span, say(cx_.lang, "the baseline year must come before the first milestone"));
  }

  static bool looser(milestone const& prev, milestone const& next) {
    auto upward = [](milestone::op o) { return o == milestone::op::ge || o == milestone::op::gt; };
    auto downward = [](milestone::op o) { return o == milestone::op::le || o == milestone::op::lt; };
    if (upward(prev.comparator) && upward(next.comparator))
      return next.value < prev.value ||
             (next.value == prev.value && prev.comparator == milestone::op::gt &&
              next.comparator == milestone::op::ge);
    if (downward(prev.comparator) && downward(next.comparator))
      return next.value > prev.value ||
             (next.value == prev.value && prev.comparator == milestone::op::lt &&
              next.comparator == milestone::op::le);
    return false;
  }

  void check_obligation(block_ref const& b) {
    auto const& decl = *b.decl;
    obligation& o = cx_.rules.obligations[static_cast<std::size_t>(b.index)];
    o.id = decl.id.text;
    o.document = b.document;
    o.title = decl.title.value;
    o.where = cx_.at(decl.span);
    common_text(decl, o.cite, o.group, o.note, nullptr, o.weight);
    if (auto const* applies = find_names(decl, ast::names_key::applies)) o.applies = resolve_kinds(*applies);
    else cx_.error("sema.missing_item", decl.id.span, say(cx_.lang, "obligation {0} needs 'applies to'", {quote(o.id)}));
    if (auto const* monitor = find_names(decl, ast::names_key::monitor))
      pending_.push_back({b.file, b.document, monitor, decl.kind, b.index});
    if (auto const* every = find_item<ast::every_item>(decl))
      resolve_years(cx_, *every, cx_.rules.documents[static_cast<std::size_t>(b.document)], o);
    if (auto const* due = find_item<ast::due_item>(decl))
      resolve_day_month(cx_, due->day_month, o.due_day, o.due_month);
    bool any = false;
    for (auto const& item : decl.items) {
      auto const* req = boost::get<ast::expr_item>(&item.get());
      if (!req || req->key != ast::expr_key::require) continue;
      any = true;
      requirement r{{}, cx_.at(req->span)};
      for (std::size_t k = 0; k < o.applies.size(); ++k) {
        expression_scope scope{o.applies[k], b.document, o.due_day != 0, &o.indicators, nullptr};
        int root = check_expression(cx_, req->value, scope);
        if (root < 0) break;
        if (cx_.rules.nodes[static_cast<std::size_t>(root)].type.kind != value_kind::boolean) {
          cx_.error("sema.not_boolean", req->value.span, say(cx_.lang, "'require' needs a yes/no condition"));
          break;
        }
        r.roots.push_back(root);
      }
      if (r.roots.size() == o.applies.size()) o.requirements.push_back(std::move(r));
    }
    if (!any) cx_.error("sema.missing_item", decl.id.span, say(cx_.lang, "obligation {0} has no 'require'", {quote(o.id)}));
  }

  void check_task(block_ref const& b) {
    auto const& decl = *b.decl;
    task& t = cx_.rules.tasks[static_cast<std::size_t>(b.index)];
    t.id = decl.id.text;
    t.document = b.document;
    t.title = decl.title.value;
    t.where = cx_.at(decl.span);
    common_text(decl, t.cite, t.group, t.note, &t.output, t.weight);
    if (auto const* d = find_item<ast::deadline_item>(decl))
      t.when = resolve_deadline(cx_, d->value, cx_.rules.documents[static_cast<std::size_t>(b.document)]);
    else t.when.text = "Không nêu thời hạn";
    for (auto const& item : decl.items)
      if (auto const* n = boost::get<ast::names_item>(&item.get()); n && allowed(decl.kind, item_name(item)))
        pending_.push_back({b.file, b.document, n, decl.kind, b.index});
  }

};

}  // namespace

std::vector<int> resolve_unit_kinds(check_context& cx, ast::names_item const& item) {
  std::vector<int> kinds;
  for (auto const& n : item.names) {
    if (n.second) {
      cx.error("sema.unknown_name", n.span, say(cx.lang, "unit kinds are not qualified"));
      continue;
    }
    auto it = cx.unit_by_id.find(n.first.text);
    if (it == cx.unit_by_id.end()) {
      cx.error("sema.unknown_name", n.span, say(cx.lang, "unknown unit kind {0}", {quote(n.first.text)}));
      suggest(cx, n.first.text, unit_kind_names(cx));
    } else if (std::find(kinds.begin(), kinds.end(), it->second) == kinds.end())
      kinds.push_back(it->second);
  }
  return kinds;
}

}  // namespace detail

check_result check(std::vector<syntax::ast::rule_file> const& files,
                   std::vector<std::string> const& names, check_options const& options) {
  return detail::checker(files, names, options.lang).run();
}

}  // namespace chitieu::sema
