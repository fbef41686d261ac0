// `check` blocks: relations the submitted data must satisfy. Typed like an obligation's requirements,
// but without years or a due day: a check is judged in every year a unit submitted.
#include "context.hpp"

namespace chitieu::sema::detail {

void check_data_check(check_context& cx, ast::block_decl const& decl, int document, data_check& out) {
  out.id = decl.id.text;
  out.document = document;
  out.title = decl.title.value;
  out.where = cx.at(decl.span);
  ast::names_item const* applies = nullptr;
  std::vector<ast::expr_item const*> conditions;
  for (auto const& item : decl.items) {
    if (auto const* t = boost::get<ast::text_item>(&item.get())) {
      if (t->key == ast::text_key::cite) out.cite = t->value.value;
      else if (t->key == ast::text_key::note) out.note += (out.note.empty() ? "" : " ") + t->value.value;
    } else if (auto const* s = boost::get<ast::severity_item>(&item.get())) {
      out.level = s->warning ? severity::warning : severity::error;
    } else if (auto const* n = boost::get<ast::names_item>(&item.get())) {
      if (n->key == ast::names_key::applies && !applies) applies = n;
    } else if (auto const* e = boost::get<ast::expr_item>(&item.get())) {
      if (e->key == ast::expr_key::require) conditions.push_back(e);
    }
  }
  if (applies) out.applies = resolve_unit_kinds(cx, *applies);
  else cx.error("sema.missing_item", decl.id.span, say(cx.lang, "check {0} needs 'applies to'", {quote(out.id)}));
  if (conditions.empty()) {
    cx.error("sema.missing_item", decl.id.span, say(cx.lang, "check {0} has no 'require'", {quote(out.id)}));
    return;
  }
  for (auto const* req : conditions) {
    requirement r{{}, cx.at(req->span)};
    for (int kind : out.applies) {
      expression_scope scope{kind, document, false, &out.indicators, nullptr};
      int root = check_expression(cx, req->value, scope);
      if (root < 0) break;
      if (cx.rules.nodes[static_cast<std::size_t>(root)].type.kind != value_kind::boolean) {
        cx.error("sema.not_boolean", req->value.span, say(cx.lang, "'require' needs a yes/no condition"));
        break;
      }
      r.roots.push_back(root);
    }
    if (!out.applies.empty() && r.roots.size() == out.applies.size()) out.requirements.push_back(std::move(r));
  }
}

}  // namespace chitieu::sema::detail
