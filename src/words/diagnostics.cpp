// The diagnostics words in Vietnamese and English: {vi, en}.
#include "words.hpp"

namespace chitieu::words {

namespace {

constexpr entry entries[] = {
    {"", ""},
};

}  // namespace

table diagnostics() { return table_of(entries); }

}  // namespace chitieu::words
