// The words of the graph commands (plan, who, agency, graph), provenance and verify in Vietnamese and English: {vi, en}.
#include "words.hpp"

namespace chitieu::words {

namespace {

constexpr entry entries[] = {
    {"", ""},
};

}  // namespace

table graph() { return table_of(entries); }

}  // namespace chitieu::words
