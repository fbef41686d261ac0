// Choosing the documents that apply to a submission: by the user's list, the root's own list, or
// the root province (docs/scoring.md §8). A choice, not a judgement: nothing here scores.
#include <chitieu/eval/applicability.hpp>
#include <chitieu/eval/outcome.hpp>

#include <algorithm>

namespace chitieu::eval {

namespace {

bool is_national(sema::document const& d) {
  return d.level == sema::document_level::national || d.level == sema::document_level::ministry;
}

}  // namespace

std::string province_name(std::string const& unit_name) {
  for (std::string prefix : {"Tỉnh ", "tỉnh ", "Thành phố ", "thành phố ", "TP. ", "TP "})
    if (unit_name.rfind(prefix, 0) == 0) return unit_name.substr(prefix.size());
  return unit_name;
}

document_choice choose_documents(sema::checked_ruleset const& rules, dataset const& data,
                                 std::vector<sema::document_id> const& named, language lang) {
  document_choice out;
  auto const count = static_cast<int>(rules.documents.size());
  auto keep_if = [&](auto&& applies) {
    for (int d = 0; d < count; ++d) {
      std::string why;
      if (applies(d, why)) out.scored.emplace_back(d);
      else out.left_out.push_back({sema::document_id(d), why});
    }
  };
  if (!named.empty()) {
    out.basis = say(lang, "chọn bằng --document");
    keep_if([&](int d, std::string& why) {
      why = say(lang, "không được chọn khi chạy");
      return std::find(named.begin(), named.end(), sema::document_id(d)) != named.end();
    });
    return out;
  }
  if (!data.documents().empty()) {
    out.basis = say(lang, "các văn bản bài nộp kê khai (\"documents\")");
    keep_if([&](int d, std::string& why) {
      why = say(lang, "bài nộp không kê khai văn bản này");
      auto const& id = rules.documents[static_cast<std::size_t>(d)].id;
      return std::find(data.documents().begin(), data.documents().end(), id) != data.documents().end();
    });
    return out;
  }
  bool province_root = !data.units().empty() && data.units().front().kind >= 0 &&
                       rules.unit_kinds[static_cast<std::size_t>(data.units().front().kind)].id == "province";
  if (!province_root) {
    out.basis = say(lang, "đơn vị gốc không phải một tỉnh: chấm mọi văn bản");
    keep_if([](int, std::string&) { return true; });
    return out;
  }
  auto const& root = data.units().front();
  auto province = province_name(root.name);
  out.basis = say(lang, "văn bản của tỉnh {0} và văn bản cấp trung ương", {province});
  keep_if([&](int d, std::string& why) {
    auto const& doc = rules.documents[static_cast<std::size_t>(d)];
    if (is_national(doc) || doc.province.empty()) return true;
    if (province_name(doc.province) == province) return true;
    why = say(lang, "văn bản của tỉnh {0}, bài nộp của {1}", {province_name(doc.province), root.name});
    return false;
  });
  return out;
}

std::optional<std::vector<sema::document_id>> documents_to_judge(sema::checked_ruleset const& rules,
                                                                 document_choice& choice, bool named,
                                                                 std::int32_t as_of) {
  if (!named) {
    // A plan replaced by the as-of day stays out unless named (the report says so already).
    auto replaced = [&](sema::document_id d) { return replacement_of(rules, d, as_of).has_value(); };
    choice.scored.erase(std::remove_if(choice.scored.begin(), choice.scored.end(), replaced), choice.scored.end());
    if (choice.left_out.empty()) return std::nullopt;  // every document applies
  }
  return choice.scored;
}

}  // namespace chitieu::eval
