// SHA-256 (FIPS 180-4), for the run manifest's file hashes.
#pragma once

#include <string>
#include <string_view>

namespace nogood::cli {

std::string sha256_hex(std::string_view data);

}  // namespace nogood::cli
