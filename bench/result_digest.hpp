// What the national benchmark checks besides time: a digest of every verdict, value and score an
// evaluation decided, so that an optimisation that changes a result shows up even where the golden
// tests do not reach; and the bytes a dataset holds. For bench/ only.
#pragma once
#include <chitieu/eval/dataset.hpp>
#include <chitieu/eval/outcome.hpp>

#include <cstdint>
#include <string_view>

namespace chitieu::bench {

/// FNV-1a over the bits of what it is given.
struct digest {
  std::uint64_t h = 1469598103934665603ULL;
  void add(std::uint64_t x);
  void add(double d);  // every NaN alike, whatever its sign and payload
  void add(int x);
  void add(std::string_view s);  // its length, then its bytes
};

/// Every verdict, value, gap, progress, evidence pointer and score of `e`, in order.
void add_evaluation(digest& d, eval::evaluation const& e);

/// The heap a dataset holds, strings beyond the small-string buffer included.
std::size_t bytes_of(eval::dataset const& d);

}  // namespace chitieu::bench
