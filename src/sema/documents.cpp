// Document headers beyond the plain texts: the issuing tier, the plans a document replaces, and the
// agencies that follow its commitments up (docs/language.md, Document and Target).
#include <string>

#include "context.hpp"
#include "documents.hpp"
#include "suggest.hpp"

namespace chitieu::sema::detail {
namespace {

struct level_spelling {
  std::string_view word;
  document_level level;
};
constexpr level_spelling level_words[] = {{"national", document_level::national},
                                      {"ministry", document_level::ministry},
                                      {"province", document_level::province},
                                      {"department", document_level::department},
                                      {"commune", document_level::commune}};

}  // namespace

std::optional<document_level> document_level_named(std::string_view word) {
  for (auto const& l : level_words)
    if (l.word == word) return l.level;
  return std::nullopt;
}


std::vector<int> resolve_agencies(check_context& cx, std::vector<ast::name> const& names) {
  std::vector<int> out;
  for (auto const& n : names) {
    auto it = cx.agency_by_id.find(n.text);
    if (it == cx.agency_by_id.end()) {
      cx.error("sema.unknown_agency", n.span, say(cx.lang, "unknown agency {0}", {quote(n.text)}));
      suggest(cx, n.text, agency_names(cx));
    } else if (std::find(out.begin(), out.end(), it->second) == out.end()) {
      out.push_back(it->second);
    }
  }
  return out;
}

void read_document_header(check_context& cx, ast::document_item const& item, document& d) {
  switch (item.key) {
    case ast::document_key::replaces:
      for (auto const& t : item.texts) d.replaces.push_back(t.value);
      break;
    case ast::document_key::level: {
      if (item.names.size() != 1) {
        cx.error("sema.document_level", item.span, say(cx.lang, "a document has one level"));
        break;
      }
      auto const& word = item.names.front();
      if (auto level = document_level_named(word.text)) {
        d.level = *level;
        break;
      }
      cx.error("sema.document_level", word.span,
               say(cx.lang, "unknown document level {0}; use national, ministry, province, department or commune",
                   {quote(word.text)}));
      std::vector<std::string> words;
      for (auto const& l : level_words) words.emplace_back(l.word);
      suggest(cx, word.text, words);
      break;
    }
    default: break;  // monitor: resolved once every agency is known
  }
}

void check_document_header(check_context& cx, ast::document_decl const& decl, document& d) {
  for (auto const& item : decl.items)
    if (item.key == ast::document_key::monitor) {
      auto more = resolve_agencies(cx, item.names);
      for (int a : more)
        if (std::find(d.monitors.begin(), d.monitors.end(), a) == d.monitors.end()) d.monitors.push_back(a);
    }
  bool above_province = d.level == document_level::national || d.level == document_level::ministry;
  if (above_province && !d.province.empty())
    for (auto const& item : decl.items)
      if (item.key == ast::document_key::province)
        cx.error("sema.document_province", item.span,
                 say(cx.lang, "a {0} document covers the whole country; 'province' belongs to provincial plans",
                     {level_word(d.level)}));
  if (!d.replaces.empty() && !d.date)
    cx.error("sema.missing_item", decl.id.span,
             say(cx.lang, "document {0} replaces another plan and needs a 'date' to say from when", {quote(d.id)}));
}

void link_replacements(check_context& cx, std::vector<location> const& places) {
  auto& docs = cx.rules.documents;
  for (std::size_t by = 0; by < docs.size(); ++by)
    for (auto const& number : docs[by].replaces)
      for (std::size_t old = 0; old < docs.size(); ++old) {
        if (old == by || docs[old].number != number) continue;
        cx.file = places[by].file;
        if (docs[old].replaced_by >= 0 && docs[old].replaced_by != int(by)) {
          cx.error("sema.replaced_twice", places[by].span,
                   say(cx.lang, "document {0} is already replaced by {1}",
                       {quote(docs[old].id), quote(docs[std::size_t(docs[old].replaced_by)].id)}));
          continue;
        }
        if (docs[by].replaced_by == int(old)) {
          cx.error("sema.replaces_cycle", places[by].span,
                   say(cx.lang, "documents {0} and {1} replace each other", {quote(docs[by].id), quote(docs[old].id)}));
          continue;
        }
        docs[old].replaced_by = int(by);
      }
}

}  // namespace chitieu::sema::detail

namespace chitieu::sema {

std::string_view level_word(document_level level) {
  for (auto const& l : detail::level_words)
    if (l.level == level) return l.word;
  return "";
}

}  // namespace chitieu::sema
