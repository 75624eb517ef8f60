#include "sha256.hpp"

#include <cstdio>
#include <memory>
#include <vector>

#include <openssl/evp.h>

namespace nogood::report {

namespace {

struct ContextFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using Context = std::unique_ptr<EVP_MD_CTX, ContextFree>;

Context start() {
  Context ctx(EVP_MD_CTX_new());
  if (ctx && EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) ctx.reset();
  return ctx;
}

std::optional<std::string> finish(EVP_MD_CTX* ctx) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_DigestFinal_ex(ctx, digest, &size) != 1) return std::nullopt;
  static char const hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < size; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

}  // namespace

std::optional<std::string> sha256_file_hex(std::string const& path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  auto ctx = start();
  if (!file || !ctx) return std::nullopt;
  std::vector<unsigned char> block(1 << 20);
  while (auto n = std::fread(block.data(), 1, block.size(), file.get()))
    if (EVP_DigestUpdate(ctx.get(), block.data(), n) != 1) return std::nullopt;
  if (std::ferror(file.get())) return std::nullopt;
  return finish(ctx.get());
}

}  // namespace nogood::report
