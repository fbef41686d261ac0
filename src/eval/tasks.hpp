// Judging one task against its deadline from the root unit's reports. Private to src/eval.
#pragma once
#include <chitieu/eval/dataset.hpp>
#include <chitieu/eval/outcome.hpp>

#include <cstdint>

namespace chitieu::eval::detail {

task_outcome judge_task(sema::checked_ruleset const& rules, dataset const& data, int index, std::int32_t as_of);

}  // namespace chitieu::eval::detail
