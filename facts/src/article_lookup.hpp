// Where a source's article text is: `source.text` relative to the facts file's folder, else its
// file name under each --texts folder, in order.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace nogood::facts::detail {

struct ArticleFile {
  std::filesystem::path path;
  std::string text;  // its bytes
};

std::optional<ArticleFile> find_article(std::filesystem::path const& base, std::string const& text,
                                        std::vector<std::filesystem::path> const& text_dirs);

}  // namespace nogood::facts::detail
