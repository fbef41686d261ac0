// Private to src/eval: a set of string views for the loader's duplicate-id check. Open addressing in
// one array: a national submission has ~50,000 ids, and std::unordered_set spent most of its time in
// the modulo of its bucket index and in chasing one node per id.
#pragma once
#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace chitieu::eval::detail {

class view_set {
 public:
  /// Adds `s` (which must outlive the set); false when it was there already.
  bool insert(std::string_view s) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    std::size_t h = std::hash<std::string_view>{}(s);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      auto& slot = slots_[i];
      if (!slot.used) {
        slot = {s, h, true};
        ++size_;
        return true;
      }
      if (slot.hash == h && slot.view == s) return false;
    }
  }

 private:
  struct slot {
    std::string_view view;
    std::size_t hash = 0;
    bool used = false;
  };
  std::vector<slot> slots_;
  std::size_t size_ = 0, mask_ = 0;

  void grow() {
    std::vector<slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, slot{});
    mask_ = slots_.size() - 1;
    for (auto const& s : old)
      if (s.used)
        for (std::size_t i = s.hash & mask_;; i = (i + 1) & mask_)
          if (!slots_[i].used) {
            slots_[i] = s;
            break;
          }
  }
};

}  // namespace chitieu::eval::detail
