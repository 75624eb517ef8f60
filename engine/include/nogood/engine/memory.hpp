// Memory as the evaluation guard sees it: how much the machine has (or the control group lets
// this process use), and how much this process holds now.
#pragma once

#include <cstdint>

namespace nogood::engine {

// Bytes of physical memory, or the control group's limit when that is lower; 0 if unknown.
std::uint64_t available_memory();
// The default --max-memory: 40% of available_memory() (a relation's storage doubles when it
// grows, so the resident size can briefly pass the limit before the next check sees it).
// 0, no limit, when the size of memory is unknown.
std::uint64_t default_memory_limit();
// This process's resident set in bytes, read from /proc without allocating; 0 if unknown.
std::uint64_t resident_memory();

}  // namespace nogood::engine
