// Measuring for the benchmarks: wall time over repetitions, peak memory, an output stream that
// discards and counts, and the number formats the reports print. For bench/ only.
#pragma once
#include <chrono>
#include <cstdint>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

namespace chitieu::bench {

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point t0);
/// The CPU time this process has used, user and system, in seconds. On a machine shared with other
/// work it is what a single-threaded measurement should be judged by: others stretch the wall time
/// of a run by taking the core from it, but not its CPU time.
double cpu_seconds();

/// Wall times of repetitions of one measurement: the fastest, which is the least disturbed by the
/// other programs on the machine, and the median, which says how much they disturbed it.
struct timing {
  double best = 0;
  double median = 0;
};
timing summarize(std::vector<double> seconds);

/// Makes the peak resident size that of what follows from now on. Freed memory is first handed back to
/// the system (glibc's malloc_trim), then the kernel's high-water mark is set to the current resident
/// size (writing 5 to /proc/self/clear_refs, Linux 4.0 and later), which getrusage reports from then on.
/// False where that cannot be done: the peak is then the process's since it started.
bool restart_peak();
/// The peak resident size (getrusage), in KiB.
long peak_rss_kib();
/// The resident size now (/proc/self/statm), in KiB; 0 where it cannot be read.
long current_rss_kib();

/// Buffers like a file stream but throws the bytes away, counting them: a writer's cost without the
/// disk's.
class counting_buffer : public std::streambuf {
 public:
  counting_buffer() { setp(buffer_, buffer_ + sizeof buffer_); }
  std::uint64_t bytes() const { return flushed_ + static_cast<std::uint64_t>(pptr() - pbase()); }

 protected:
  int_type overflow(int_type c) override;

 private:
  char buffer_[1 << 16];
  std::uint64_t flushed_ = 0;
};

class counting_stream : public std::ostream {
 public:
  counting_stream() : std::ostream(nullptr) { rdbuf(&buffer_); }
  std::uint64_t bytes() const { return buffer_.bytes(); }

 private:
  counting_buffer buffer_;
};

/// "1,117,455"
std::string thousands(std::uint64_t n);
/// The 1, 5 and 15 minute load averages, "0.61 1.06 1.42": how busy the machine was around a run.
std::string load_average();

}  // namespace chitieu::bench
