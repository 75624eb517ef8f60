// SHA-256 of input files, for the run manifest (OpenSSL's, which uses the CPU's SHA instructions).
#pragma once

#include <optional>
#include <string>

namespace nogood::report {

// The file's digest, read in blocks; nullopt when it cannot be read.
std::optional<std::string> sha256_file_hex(std::string const& path);

}  // namespace nogood::report
