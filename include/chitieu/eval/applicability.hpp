/// @file
/// Which documents of a rule set apply to a submission (docs/scoring.md §8): those the user names,
/// else those the submission's root declares, else the documents of its province and the national
/// ones. Eval layer; the CLI and embedding applications call it before `evaluate`.
#pragma once
#include <chitieu/eval/dataset.hpp>
#include <chitieu/export.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chitieu::eval {

struct left_out_document {
  sema::document_id document;
  std::string reason;  // for the report, in the language asked: "văn bản của tỉnh Hưng Yên, bài nộp của Tỉnh Bắc Ninh"
};

struct document_choice {
  std::vector<sema::document_id> scored;    // in declaration order; see documents_to_judge
  std::vector<left_out_document> left_out;  // in declaration order
  std::string basis;                        // why these, in one phrase, in the language asked
};

/// `named`: the documents the user chose (`--document`), empty when none. A submission whose
/// root is not a province (a nation, a school) names no province: every document applies.
CHITIEU_API document_choice choose_documents(sema::checked_ruleset const& rules, dataset const& data,
                                             std::vector<sema::document_id> const& named = {},
                                             language lang = language::vi);

/// What `evaluate_options::documents` must be for `choice`, made with `choose_documents`: unset when every
/// document applies and none was named (`evaluate` itself then leaves out the plans replaced on or before
/// `as_of`), else the chosen ones, none when none applies. When nothing was named, the replaced plans are
/// also dropped from `choice.scored`, so that the report lists what is judged.
CHITIEU_API std::optional<std::vector<sema::document_id>> documents_to_judge(sema::checked_ruleset const& rules,
                                                                             document_choice& choice, bool named,
                                                                             std::int32_t as_of);

/// "Bắc Ninh" for "Tỉnh Bắc Ninh", "Thành phố Hà Nội", "TP. Huế" or "Bắc Ninh": the name a rule
/// file's `province` gives.
CHITIEU_API std::string province_name(std::string const& unit_name);

}  // namespace chitieu::eval
