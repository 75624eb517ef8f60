#include "report_paths.hpp"

#include "nogood/report/report.hpp"

#include <filesystem>

namespace nogood::report {

namespace fs = std::filesystem;

namespace {

// `path` below `base`, or nothing; both made absolute and normal, without touching the disk.
std::optional<std::string> below(fs::path const& path, fs::path const& base) {
  std::error_code ec;
  auto p = fs::absolute(path, ec).lexically_normal();
  auto b = fs::absolute(base, ec).lexically_normal();
  if (ec) return std::nullopt;
  auto rel = p.lexically_relative(b);
  if (rel.empty() || rel == "." || *rel.begin() == "..") return std::nullopt;
  return rel.generic_string();
}

}  // namespace

// A database URI with its password hidden (`postgresql://user:secret@host/db`, `?password=secret`):
// reports are shared, the password is not.
std::string without_password(std::string arg) {
  auto const scheme = arg.find("://");
  if (scheme == std::string::npos) return arg;
  auto const authority = scheme + 3;
  auto const end = arg.find_first_of("/?#", authority);
  auto const at = arg.rfind('@', end == std::string::npos ? std::string::npos : end);
  if (at != std::string::npos && at >= authority) {
    auto const colon = arg.find(':', authority);
    if (colon != std::string::npos && colon < at) arg.replace(colon + 1, at - colon - 1, "***");
  }
  for (std::size_t at_key = arg.find("password="); at_key != std::string::npos; at_key = arg.find("password=", at_key + 1)) {
    if (at_key > 0 && arg[at_key - 1] != '?' && arg[at_key - 1] != '&') continue;
    auto const value = at_key + 9;
    auto const stop = arg.find_first_of("&#", value);
    arg.replace(value, (stop == std::string::npos ? arg.size() : stop) - value, "***");
  }
  return arg;
}

std::string report_path(Session const& session, std::string const& path) {
  if (path.empty() || path.front() == '<') return path;  // <stdin>, <query>
  if (auto const& root = session.corpus_root())
    if (auto rel = below(path, *root)) return *rel;
  std::error_code ec;
  if (auto rel = below(path, fs::current_path(ec))) return *rel;
  return path;
}

std::vector<std::string> report_arguments(Session const& session, std::vector<std::string> const& args) {
  std::vector<std::string> out;
  for (auto const& a : args) {
    std::error_code ec;
    if (a.empty() || a.front() == '-' || !fs::exists(a, ec)) {
      out.push_back(without_password(a));
      continue;
    }
    auto const& root = session.corpus_root();
    bool is_root = root && fs::absolute(a, ec).lexically_normal() == fs::absolute(*root, ec).lexically_normal();
    out.push_back(is_root ? "." : report_path(session, a));
  }
  return out;
}

std::string corpus_name(Session const& session) {
  auto const& root = session.corpus_root();
  if (!root) return {};
  std::error_code ec;
  auto name = fs::absolute(*root, ec).lexically_normal().filename();
  if (name.empty()) name = fs::absolute(*root, ec).lexically_normal().parent_path().filename();
  return name.string();
}

}  // namespace nogood::report
