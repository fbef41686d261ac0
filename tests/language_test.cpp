// The one catalog: a text written in either language comes back in the language asked for.
#include <chitieu/json_text.hpp>
#include <chitieu/language.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace chitieu;

TEST_CASE("language: a text is given in the language asked, from either side of the catalog") {
  // The CLI writes English; Vietnamese is the default language.
  CHECK(say(language::vi, "Print this help message and exit") == "In trợ giúp này rồi thoát");
  CHECK(say(language::en, "Print this help message and exit") == "Print this help message and exit");
  // Vietnamese found by its own text gives the English.
  CHECK(say(language::en, "In trợ giúp này rồi thoát") == "Print this help message and exit");
  // No entry: the text unchanged.
  CHECK(say(language::en, "không có trong danh mục") == "không có trong danh mục");
  CHECK_FALSE(has_translation("không có trong danh mục"));
}

TEST_CASE("language: arguments fill their marks, each as often as it appears, and are not read again") {
  CHECK(say(language::vi, "unknown subcommand '{0}'", {"scroe"}) == "không có lệnh con 'scroe'");
  CHECK(say(language::en, "{0}-{1}-{0}", {"a", "b"}) == "a-b-a");
  CHECK(say(language::en, "{0}!", {"{0}"}) == "{0}!");
}

TEST_CASE("language: names and locales") {
  CHECK(parse_language("en") == language::en);
  CHECK(parse_language("en_US.UTF-8") == language::en);
  CHECK(parse_language("vi_VN") == language::vi);
  CHECK_FALSE(parse_language("english").has_value());
  CHECK_FALSE(parse_language("").has_value());
  CHECK(std::string(language_code(language::en)) == "en");
}

TEST_CASE("json_text: invalid UTF-8 in what an output quotes becomes U+FFFD, never an exception") {
  nlohmann::json j = {{"file", std::string("bad\xFF.ct")}};
  CHECK(json_text(j, -1) == "{\"file\":\"bad\xEF\xBF\xBD.ct\"}");
  CHECK(json_text(j) == "{\n  \"file\": \"bad\xEF\xBF\xBD.ct\"\n}");
}
