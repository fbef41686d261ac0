// Resolving the names blocks give to other declarations: see references.hpp.
#include "references.hpp"

#include <chitieu/suggest.hpp>

#include <algorithm>
#include <map>
#include <string>

#include "documents.hpp"
#include "suggest.hpp"

namespace chitieu::sema::detail {
namespace {

class reference_resolver {
 public:
  reference_resolver(check_context& cx, std::vector<pending_names> const& pending) : cx_(cx), pending_(pending) {}

  int lookup(std::map<std::pair<int, std::string>, int> const& map, int document,
             ast::qualified_name const& n) {
    int doc = document;
    std::string id = n.first.text;
    if (n.second) {
      auto d = cx_.document_by_id.find(n.first.text);
      if (d == cx_.document_by_id.end()) return -2;
      doc = d->second;
      id = n.second->text;
    }
    auto it = map.find({doc, id});
    return it == map.end() ? -1 : it->second;
  }

  /// A note for an unknown id of a document: the nearest id of that document (the qualifier's, when
  /// given), or the nearest document name when the qualifier is unknown.
  void suggest_id(ast::qualified_name const& n, int document,
                  std::vector<std::map<std::pair<int, std::string>, int> const*> maps) {
    if (n.second) {
      auto d = cx_.document_by_id.find(n.first.text);
      if (d == cx_.document_by_id.end()) return suggest(cx_, n.first.text, document_names(cx_));
      document = d->second;
    }
    std::vector<std::string> ids;
    for (auto const* m : maps) {
      auto more = names_in_document(*m, document);
      ids.insert(ids.end(), more.begin(), more.end());
    }
    auto const& wrong = n.second ? n.second->text : n.first.text;
    auto best = nearest_name(wrong, ids);
    if (!best) return;
    std::string shown = n.second ? n.first.text + "." + *best : *best;
    auto const& d = cx_.diags.back();
    cx_.diags.push_back({severity::note, d.code, d.span, say(cx_.lang, "did you mean '{0}'?", {shown}), d.file});
  }

  void run() {
    for (auto const& p : pending_) {
      cx_.file = p.file;
      for (auto const& n : p.item->names) {
        std::string shown = n.first.text + (n.second ? "." + n.second->text : "");
        switch (p.item->key) {
          case ast::names_key::lead:
          case ast::names_key::support: {
            if (n.second) {
              cx_.error("sema.unknown_agency", n.span, say(cx_.lang, "agencies are not qualified"));
              break;
            }
            auto it = cx_.agency_by_id.find(n.first.text);
            if (it == cx_.agency_by_id.end()) {
              cx_.error("sema.unknown_agency", n.span, say(cx_.lang, "unknown agency {0}", {quote(shown)}));
              suggest(cx_, shown, agency_names(cx_));
              break;
            }
            auto& t = cx_.rules.tasks[static_cast<std::size_t>(p.index)];
            (p.item->key == ast::names_key::lead ? t.lead : t.support).push_back(it->second);
            break;
          }
          case ast::names_key::after: {
            int i = lookup(cx_.task_by_key, p.document, n);
            if (i < 0) {
              cx_.error("sema.unknown_task", n.span, say(cx_.lang, "unknown task {0}", {quote(shown)}));
              suggest_id(n, p.document, {&cx_.task_by_key});
            } else cx_.rules.tasks[static_cast<std::size_t>(p.index)].after.push_back(i);
            break;
          }
          case ast::names_key::serves: {
            auto& t = cx_.rules.tasks[static_cast<std::size_t>(p.index)];
            int i = lookup(cx_.target_by_key, p.document, n);
            if (i >= 0) {
              t.serves_targets.push_back(i);
              break;
            }
            int o = lookup(cx_.obligation_by_key, p.document, n);
            if (o >= 0) t.serves_obligations.push_back(o);
            else {
              cx_.error("sema.unknown_target", n.span, say(cx_.lang, "unknown target or obligation {0}", {quote(shown)}));
              suggest_id(n, p.document, {&cx_.target_by_key, &cx_.obligation_by_key});
            }
            break;
          }
          case ast::names_key::restates: resolve_restates(p, n, shown); break;
          case ast::names_key::parent:
          case ast::names_key::implements: {
            int i = lookup(cx_.target_by_key, p.document, n);
            if (i < 0) {
              cx_.error("sema.unknown_target", n.span, say(cx_.lang, "unknown target {0}", {quote(shown)}));
              suggest_id(n, p.document, {&cx_.target_by_key});
              break;
            }
            auto& t = cx_.rules.targets[static_cast<std::size_t>(p.index)];
            if (p.item->key == ast::names_key::implements) {
              t.implements.push_back(i);
              break;
            }
            if (i == p.index) {
              cx_.error("sema.parent_cycle", n.span, say(cx_.lang, "a target cannot be its own parent"));
              break;
            }
            t.parent = i;
            auto const& parent = cx_.rules.targets[static_cast<std::size_t>(i)];
            for (int k : t.applies)
              if (!parent.applies.empty() &&
                  std::find(parent.applies.begin(), parent.applies.end(), k) == parent.applies.end())
                cx_.error("sema.parent_applies", n.span,
                          say(cx_.lang, "target {0} applies to {1}, which its parent {2} does not",
                              {quote(t.id), cx_.rules.unit_kinds[k].id, quote(parent.id)}));
            break;
          }
          case ast::names_key::monitor: {
            if (n.second) {
              cx_.error("sema.unknown_agency", n.span, say(cx_.lang, "agencies are not qualified"));
              break;
            }
            auto& monitors = p.block == ast::block_kind::target
                                 ? cx_.rules.targets[static_cast<std::size_t>(p.index)].monitors
                                 : cx_.rules.obligations[static_cast<std::size_t>(p.index)].monitors;
            for (int a : resolve_agencies(cx_, {n.first}))
              if (std::find(monitors.begin(), monitors.end(), a) == monitors.end()) monitors.push_back(a);
            break;
          }
          case ast::names_key::applies: break;
        }
      }
    }
    // A commitment without its own `monitor` is followed up by its document's.
    auto inherit = [&](auto& items) {
      for (auto& x : items)
        if (x.monitors.empty() && x.document >= 0)
          x.monitors = cx_.rules.documents[static_cast<std::size_t>(x.document)].monitors;
    };
    inherit(cx_.rules.targets);
    inherit(cx_.rules.obligations);
    // A row restates the commitment that is scored; one that restates a restating row would leave the
    // question of which one counts to the order of the files.
    // `message` is already in the run's language, with {0}, {1}, {2} for the three ids.
    auto chain = [&](auto const& items, restating const& r, std::string const& message) {
      auto const& x = items[static_cast<std::size_t>(r.item)];
      auto const& other = items[static_cast<std::size_t>(x.restates)];
      if (other.restates < 0) return;
      cx_.file = r.file;
      cx_.error("sema.restates_chain", r.span,
                say(cx_.lang, message, {quote(x.id), quote(other.id), quote(items[static_cast<std::size_t>(other.restates)].id)}));
    };
    for (auto const& r : restating_) {
      if (r.task)
        chain(cx_.rules.tasks, r, say(cx_.lang, "task {0} restates {1}, which itself restates {2}: name the task that is scored"));
      else
        chain(cx_.rules.targets, r, say(cx_.lang, "target {0} restates {1}, which itself restates {2}: name the target that is scored"));
    }
  }
  /// `restates X`: a target or a task names one of its own kind, or an obligation, of its document.
  void resolve_restates(pending_names const& p, ast::qualified_name const& n, std::string const& shown) {
    bool task = p.block == ast::block_kind::task;
    auto const& map = task ? cx_.task_by_key : cx_.target_by_key;
    int i = lookup(map, p.document, n);
    if (i >= 0 && i == p.index) {
      cx_.error("sema.restates_itself", n.span, task ? say(cx_.lang, "a task cannot restate itself") : say(cx_.lang, "a target cannot restate itself"));
      return;
    }
    if (task) {
      auto& k = cx_.rules.tasks[static_cast<std::size_t>(p.index)];
      if (i >= 0) {
        k.restates = i;
        restating_.push_back({p.index, n.span, p.file, true});
      } else if (int o = lookup(cx_.obligation_by_key, p.document, n); o >= 0) {
        k.restates_obligation = o;
      } else {
        cx_.error("sema.unknown_task", n.span, say(cx_.lang, "unknown task or obligation {0}", {quote(shown)}));
        suggest_id(n, p.document, {&cx_.task_by_key, &cx_.obligation_by_key});
      }
      return;
    }
    auto& t = cx_.rules.targets[static_cast<std::size_t>(p.index)];
    if (i >= 0) {
      t.restates = i;
      restating_.push_back({p.index, n.span, p.file, false});
    } else if (int o = lookup(cx_.obligation_by_key, p.document, n); o >= 0) {
      t.restates_obligation = o;
    } else {
      cx_.error("sema.unknown_target", n.span, say(cx_.lang, "unknown target or obligation {0}", {quote(shown)}));
      suggest_id(n, p.document, {&cx_.target_by_key, &cx_.obligation_by_key});
    }
  }

  struct restating {
    int item;
    source_span span;
    std::uint32_t file;
    bool task;
  };
  std::vector<restating> restating_;

 private:
  check_context& cx_;
  std::vector<pending_names> const& pending_;
};

}  // namespace

void resolve_references(check_context& cx, std::vector<pending_names> const& pending) {
  reference_resolver(cx, pending).run();
}

}  // namespace chitieu::sema::detail
