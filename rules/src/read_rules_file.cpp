#include "read_rules_file.hpp"

#include <fstream>

namespace nogood::rules {

namespace fs = std::filesystem;

ReadResult read_rules_file(fs::path const& path) {
  std::error_code ec;
  auto status = fs::status(path, ec);  // follows symbolic links: what would be read
  if (ec || !fs::exists(status)) return {std::nullopt, fs::is_symlink(fs::symlink_status(path, ec)) ? ReadProblem::unreadable : ReadProblem::missing};
  if (fs::is_directory(status)) return {std::nullopt, ReadProblem::directory};
  if (!fs::is_regular_file(status)) return {std::nullopt, ReadProblem::not_regular};
  auto size = fs::file_size(path, ec);
  if (ec) return {std::nullopt, ReadProblem::unreadable};
  if (size > max_rules_file_bytes) return {std::nullopt, ReadProblem::too_large};
  std::ifstream in(path, std::ios::binary);
  if (!in) return {std::nullopt, ReadProblem::unreadable};
  // Read no more than the cap even if the file grows while it is read.
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return {std::nullopt, ReadProblem::unreadable};
  return {std::move(text), ReadProblem::none};
}

std::string describe(ReadProblem problem) {
  switch (problem) {
    case ReadProblem::none: return "readable";
    case ReadProblem::missing: return "no such file";
    case ReadProblem::directory: return "a directory, not a file";
    case ReadProblem::not_regular: return "not a regular file (a device, FIFO or socket)";
    case ReadProblem::too_large: return "larger than " + std::to_string(max_rules_file_bytes >> 20) + " MiB";
    case ReadProblem::unreadable: return "permission denied, or a broken link";
  }
  return {};
}

}  // namespace nogood::rules
