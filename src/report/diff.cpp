// Unified diff: the common head and tail are set aside, then a longest common subsequence of the lines
// in between (small after a layout change) gives the edit script.
#include <chitieu/report/diff.hpp>

#include <algorithm>
#include <vector>

namespace chitieu::report {
namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));  // with its line break, so a missing one differs
    start = end;
  }
  return lines;
}

enum class op { keep, remove, add };
struct edit {
  op kind;
  std::string_view line;
  std::size_t old_line, new_line;  // 0-based, of the line in each text (or where it would be)
};

std::vector<edit> edit_script(std::vector<std::string_view> const& a, std::vector<std::string_view> const& b) {
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
    ++tail;
  std::size_t n = a.size() - head - tail, m = b.size() - head - tail;
  std::vector<edit> script;
  for (std::size_t i = 0; i < head; ++i) script.push_back({op::keep, a[i], i, i});
  // lcs[i][j]: length of the longest common subsequence of a[head+i..] and b[head+j..]
  std::vector<std::vector<std::uint32_t>> lcs;
  bool small = n * m <= 16u * 1024 * 1024;
  if (small) {
    lcs.assign(n + 1, std::vector<std::uint32_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        lcs[i][j] = a[head + i] == b[head + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (small && i < n && j < m && a[head + i] == b[head + j]) {
      script.push_back({op::keep, a[head + i], head + i, head + j});
      ++i, ++j;
    } else if (i < n && (j == m || !small || lcs[i + 1][j] >= lcs[i][j + 1])) {
      script.push_back({op::remove, a[head + i], head + i, head + j});
      ++i;
    } else {
      script.push_back({op::add, b[head + j], head + i, head + j});
      ++j;
    }
  }
  for (std::size_t k = 0; k < tail; ++k)
    script.push_back({op::keep, a[head + n + k], head + n + k, head + m + k});
  return script;
}

std::string range(std::size_t start, std::size_t count) {
  // diff -u: "l,s"; a count of 1 is left out; an empty range names the line before it
  std::size_t first = count == 0 ? start : start + 1;
  return count == 1 ? std::to_string(first) : std::to_string(first) + "," + std::to_string(count);
}

}  // namespace

std::string unified_diff(std::string_view old_name, std::string_view new_name, std::string_view before,
                         std::string_view after, std::size_t context) {
  if (before == after) return {};
  auto a = split_lines(before), b = split_lines(after);
  auto script = edit_script(a, b);
  std::string out = "--- " + std::string(old_name) + "\n+++ " + std::string(new_name) + "\n";
  std::size_t k = 0;
  while (k < script.size()) {
    while (k < script.size() && script[k].kind == op::keep) ++k;
    if (k == script.size()) break;
    // A hunk: from `context` lines before this change to `context` lines after the last change that is
    // no more than 2 * context unchanged lines from the next.
    std::size_t begin = k >= context ? k - context : 0;
    std::size_t end = k;
    while (true) {
      while (end < script.size() && script[end].kind != op::keep) ++end;
      std::size_t next = end;
      while (next < script.size() && script[next].kind == op::keep) ++next;
      if (next < script.size() && next - end <= 2 * context) {
        end = next;
        continue;
      }
      end = std::min(script.size(), end + context);
      break;
    }
    std::size_t old_count = 0, new_count = 0;
    for (std::size_t e = begin; e < end; ++e) {
      if (script[e].kind != op::add) ++old_count;
      if (script[e].kind != op::remove) ++new_count;
    }
    out += "@@ -" + range(script[begin].old_line, old_count) + " +" + range(script[begin].new_line, new_count) +
           " @@\n";
    for (std::size_t e = begin; e < end; ++e) {
      out += script[e].kind == op::keep ? ' ' : script[e].kind == op::remove ? '-' : '+';
      out += script[e].line;
      if (script[e].line.empty() || script[e].line.back() != '\n') out += "\n\\ No newline at end of file\n";
    }
    k = end;
  }
  return out;
}

}  // namespace chitieu::report
