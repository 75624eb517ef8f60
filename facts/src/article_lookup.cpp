#include "article_lookup.hpp"

#include <fstream>
#include <sstream>

namespace nogood::facts::detail {

namespace fs = std::filesystem;

std::optional<ArticleFile> find_article(fs::path const& base, std::string const& text, std::vector<fs::path> const& text_dirs) {
  std::vector<fs::path> candidates{base / text};
  for (auto const& dir : text_dirs) candidates.push_back(dir / fs::path(text).filename());
  for (auto const& c : candidates) {
    std::error_code ec;
    if (fs::is_directory(c, ec)) continue;
    std::ifstream in(c, std::ios::binary);
    if (!in) continue;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ArticleFile{c, ss.str()};
  }
  return std::nullopt;
}

}  // namespace nogood::facts::detail
