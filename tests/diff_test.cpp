// report layer: the unified diff that `chitieu fmt --diff` prints, as `diff -u` writes it.
#include <chitieu/report/diff.hpp>

#include <doctest/doctest.h>

using chitieu::report::unified_diff;

TEST_CASE("diff: equal texts give nothing") { CHECK(unified_diff("a", "b", "x\ny\n", "x\ny\n").empty()); }

TEST_CASE("diff: hunks with three lines of context, far changes apart") {
  std::string before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n";
  std::string after = "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n";
  CHECK(unified_diff("old.ct", "new.ct", before, after) ==
        "--- old.ct\n+++ new.ct\n"
        "@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n"
        "@@ -10,3 +10,4 @@\n j\n k\n l\n+m\n");
}

TEST_CASE("diff: near changes share a hunk; empty ranges name the line before") {
  CHECK(unified_diff("f", "f", "a\nb\nc\nd\n", "A\nb\nc\nD\n") ==
        "--- f\n+++ f\n@@ -1,4 +1,4 @@\n-a\n+A\n b\n c\n-d\n+D\n");
  CHECK(unified_diff("f", "f", "", "x\n") == "--- f\n+++ f\n@@ -0,0 +1 @@\n+x\n");
  CHECK(unified_diff("f", "f", "x\n", "") == "--- f\n+++ f\n@@ -1 +0,0 @@\n-x\n");
}

TEST_CASE("diff: a missing line break at the end is a change") {
  CHECK(unified_diff("f", "f", "a\nb", "a\nb\n") ==
        "--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
}
