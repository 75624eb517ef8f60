// Reading one rules file safely: regular files only, within a size cap, so that a path to a device,
// a FIFO or /proc never hangs a run or grows without bound.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace nogood::rules {

// Rules files larger than this are refused (E0001 for a file given, E0235 for an import).
inline constexpr std::uintmax_t max_rules_file_bytes = 64u << 20;

enum class ReadProblem { none, missing, directory, not_regular, too_large, unreadable };

struct ReadResult {
  std::optional<std::string> text;
  ReadProblem problem = ReadProblem::none;
};

ReadResult read_rules_file(std::filesystem::path const& path);

// "a directory", "not a regular file (a device, FIFO or socket)", ... for messages.
std::string describe(ReadProblem problem);

}  // namespace nogood::rules
