// eval layer: which documents apply to a submission (docs/scoring.md §8): the root province's, the
// national ones, or those the submission or the user names.
#include <chitieu/eval/applicability.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/pipeline.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace chitieu;
namespace fs = std::filesystem;

namespace {

struct shipped {
  ruleset_result loaded = load_rules({(fs::path(CHITIEU_SOURCE_DIR) / "rules").string()});
  sema::checked_ruleset const& rules() const { return *loaded.rules; }
  std::vector<std::string> ids(std::vector<sema::document_id> const& docs) const {
    std::vector<std::string> out;
    for (auto d : docs) out.push_back(rules()[d].id);
    return out;
  }
};

std::string submission(std::string const& kind, std::string const& name, std::string const& extra = "") {
  return R"({"kind": ")" + kind + R"(", "id": "x", "name": ")" + name + "\"" + extra + "}";
}

}  // namespace

TEST_CASE("eval: a province's submission is scored against its own province's documents only") {
  shipped s;
  REQUIRE(s.loaded.rules);
  auto data = eval::load_submission_text(submission("province", "Tỉnh Bắc Ninh"), s.rules());
  REQUIRE(data.data);
  auto chosen = eval::choose_documents(s.rules(), *data.data);
  CHECK(s.ids(chosen.scored) == std::vector<std::string>{"bn_ctr04", "bn_kh_nghe", "bn_kh_hoc_tap"});
  REQUIRE(chosen.left_out.size() == 2);  // Hưng Yên's and Quảng Ninh's plans
  std::vector<std::string> left;
  for (auto const& l : chosen.left_out) left.push_back(l.reason);
  CHECK(std::any_of(left.begin(), left.end(), [](auto const& r) { return r.find("tỉnh Hưng Yên") != std::string::npos; }));
  CHECK(std::any_of(left.begin(), left.end(), [](auto const& r) { return r.find("tỉnh Quảng Ninh") != std::string::npos; }));
  CHECK(chosen.left_out.front().reason.find("bài nộp của Tỉnh Bắc Ninh") != std::string::npos);
}

TEST_CASE("eval: the submission's own list of documents, or the user's, decides instead") {
  shipped s;
  REQUIRE(s.loaded.rules);
  auto data = eval::load_submission_text(
      submission("province", "Tỉnh Bắc Ninh", R"(, "documents": ["bn_ctr04", "hy_kh161"])"), s.rules());
  REQUIRE(data.data);
  CHECK(data.issues.empty());  // "documents" at the root is not an unknown member
  CHECK(s.ids(eval::choose_documents(s.rules(), *data.data).scored) == std::vector<std::string>{"bn_ctr04", "hy_kh161"});
  // The user's --document wins over both.
  auto qn = *s.rules().find_document("qn_kh1295");
  auto named = eval::choose_documents(s.rules(), *data.data, {qn});
  CHECK(s.ids(named.scored) == std::vector<std::string>{"qn_kh1295"});
  CHECK(named.left_out.size() == s.rules().documents.size() - 1);
}

TEST_CASE("eval: an unknown document in the submission's list is a data error") {
  shipped s;
  REQUIRE(s.loaded.rules);
  auto data = eval::load_submission_text(submission("province", "Tỉnh Bắc Ninh", R"(, "documents": ["bn_ctr4"])"),
                                         s.rules());
  REQUIRE(data.data);
  REQUIRE(data.issues.size() == 1);
  CHECK(data.issues[0].code == "data.unknown_document");
  CHECK(data.issues[0].pointer == "/documents/0");
}

TEST_CASE("eval: a root that is not a province names no province: every document applies") {
  shipped s;
  REQUIRE(s.loaded.rules);
  auto data = eval::load_submission_text(submission("commune", "Phường Kinh Bắc"), s.rules());
  REQUIRE(data.data);
  auto chosen = eval::choose_documents(s.rules(), *data.data);
  CHECK(chosen.scored.size() == s.rules().documents.size());
  CHECK(chosen.left_out.empty());
}

TEST_CASE("eval: a province's name is read without its title") {
  CHECK(eval::province_name("Tỉnh Bắc Ninh") == "Bắc Ninh");
  CHECK(eval::province_name("Thành phố Hà Nội") == "Hà Nội");
  CHECK(eval::province_name("Quảng Ninh") == "Quảng Ninh");
}
