// Everything a load gives, written out, so that two loads can be compared and a difference shows where
// it is: the loader parity test and the submission fuzzer (which runs both JSON readers) share it.
#pragma once
#include <chitieu/eval/dataset.hpp>

#include <cstdint>
#include <cstring>
#include <sstream>
#include <string>

namespace chitieu::testing_support {

inline std::string bits(double v) {
  std::uint64_t b;
  std::memcpy(&b, &v, sizeof b);
  std::ostringstream s;
  s << std::hex << b;
  return s.str();
}

/// The load result, every member of the dataset (values bit for bit) and every issue, as text.
inline std::string dump(eval::load_result const& r) {
  std::ostringstream s;
  for (auto const& is : r.issues)
    s << "issue " << static_cast<int>(is.level) << ' ' << is.code << " [" << is.unit << "] " << is.pointer << ": "
      << is.message << " {" << is.check << "}\n";
  if (!r.data) return s.str() + "no dataset\n";
  auto const& d = *r.data;
  for (auto const& u : d.units()) {
    s << "unit " << u.id << " '" << u.name << "' kind " << u.kind << " parent " << u.parent << " end " << u.subtree_end
      << " rows " << u.first_row << '+' << u.row_count << " at '" << u.pointer << "' years " << u.first_year << '-'
      << u.last_year << " complete";
    for (int k : u.complete) s << ' ' << k;
    s << '\n';
  }
  for (std::size_t k = 0; k < d.kind_count(); ++k) {
    s << "kind " << k << ':';
    for (auto u : d.units_of_kind(static_cast<int>(k))) s << ' ' << u;
    s << '\n';
  }
  for (std::size_t r = 0; r < d.row_years().size(); ++r)
    s << "row " << d.row_years()[r] << " @" << d.row_offsets()[r] << '\n';
  s << "values";
  for (double v : d.values()) s << ' ' << bits(v);
  s << "\nyears";
  for (int y : d.years()) s << ' ' << y;
  s << '\n';
  for (auto const& t : d.tasks())
    s << "task " << t.task << ' ' << static_cast<int>(t.status) << ' ' << (t.completed ? *t.completed : -1) << ' '
      << bits(t.progress) << " '" << t.note << "'\n";
  s << "documents";
  for (auto const& doc : d.documents()) s << ' ' << doc;
  s << "\ndataset issues " << d.issues().size() << " cells " << d.cells().size() << '\n';
  return s.str();
}

}  // namespace chitieu::testing_support
