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
// Hands memory that was freed but is still held by the allocator back to the system. Each worker
// thread allocates from its own arena, which keeps what the thread freed: after a stage run on
// every core, tens of megabytes would otherwise stay resident for the rest of the run.
void return_free_memory();

}  // namespace nogood::engine
