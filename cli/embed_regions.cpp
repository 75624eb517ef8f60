#include "embed_regions.hpp"

#include <optional>

namespace nogood::cli {

namespace {

constexpr char const* syntax_help =
    "a region is `<!-- nogood:begin all -->` (or `begin rule=NAME`, or `begin id=VERDICT_ID`), lines, then `<!-- nogood:end -->`";

bool blank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

// A Markdown code fence opening or closing line: up to three spaces, then ``` or ~~~.
struct Fence {
  char mark = 0;
  std::size_t length = 0;
  std::string_view rest;
};
std::optional<Fence> fence_of(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  if (i >= line.size() || (line[i] != '`' && line[i] != '~')) return std::nullopt;
  Fence f{line[i], 0, {}};
  while (i + f.length < line.size() && line[i + f.length] == f.mark) ++f.length;
  if (f.length < 3) return std::nullopt;
  f.rest = line.substr(i + f.length);
  return f;
}

class Scanner {
public:
  Scanner(FileId file, Diagnostics& diags) : file_(file), diags_(diags) {}

  // A line (without its line ending) that starts at byte `at`; `next` is where the next line starts.
  void line(std::string_view line, std::size_t at, std::size_t next, std::uint32_t number, bool crlf) {
    for (std::size_t from = 0;;) {
      auto open = line.find("<!--", from);
      if (open == std::string_view::npos) return;
      from = open + 4;
      // `\<!--` is Markdown's escaped text, not a comment; inside a region, only a marker at the
      // start of a line counts, so generated text can never end a region early.
      if (open > 0 && line[open - 1] == '\\') continue;
      if (has_open_ && !blank(line.substr(0, open))) return;
      auto body = open + 4;
      while (body < line.size() && (line[body] == ' ' || line[body] == '\t')) ++body;
      if (line.compare(body, 7, "nogood:") == 0) return marker(line, at, next, number, crlf, open, body + 7);
    }
  }

  void finish() {
    if (!has_open_) return;
    diags_.report(error("the region has no end")
        .with_primary(open_.marker, "begun here")
        .with_help("add a line `<!-- nogood:end -->` where the region ends"));
    has_open_ = false;
  }

  std::vector<Region> regions;

private:
  static Diagnostic error(std::string message) { return make_error("E0006", std::move(message)); }

  Span span(std::size_t at, std::size_t b, std::size_t e) const {
    return Span{file_, static_cast<std::uint32_t>(at + b), static_cast<std::uint32_t>(at + e)};
  }

  void marker(std::string_view line, std::size_t at, std::size_t next, std::uint32_t number, bool crlf, std::size_t open, std::size_t word) {
    auto close = line.find("-->", word);
    Span whole = span(at, open, close == std::string_view::npos ? line.size() : close + 3);
    if (close == std::string_view::npos) {
      diags_.report(error("the `nogood` marker is not closed").with_primary(whole, "no `-->` on this line").with_help(syntax_help));
      return;
    }
    if (!blank(line.substr(0, open)) || !blank(line.substr(close + 3))) {
      diags_.report(error("a `nogood` marker must be a line of its own").with_primary(whole, "text beside the marker").with_help(syntax_help));
      return;
    }
    auto inner = line.substr(word, close - word);
    auto end_word = inner.find_first_of(" \t");
    auto directive = inner.substr(0, end_word);
    std::size_t arg_begin = end_word == std::string_view::npos ? inner.size() : inner.find_first_not_of(" \t", end_word);
    if (arg_begin == std::string_view::npos) arg_begin = inner.size();
    auto arg_end = inner.find_first_of(" \t", arg_begin);
    if (arg_end == std::string_view::npos) arg_end = inner.size();
    auto argument = inner.substr(arg_begin, arg_end - arg_begin);
    auto extra = inner.substr(arg_end);
    Span arg_span = span(at, word + arg_begin, word + arg_end);

    if (directive == "end") {
      if (!argument.empty()) {
        diags_.report(error("`nogood:end` takes no selector").with_primary(arg_span, "unexpected").with_help("write `<!-- nogood:end -->`"));
        return;
      }
      if (!has_open_) {
        diags_.report(error("`<!-- nogood:end -->` without a region to end")
            .with_primary(whole, "no region is open here")
            .with_help("remove it, or add `<!-- nogood:begin all -->` where the region starts"));
        return;
      }
      if (open_valid_) {
        open_.content_end = at;
        regions.push_back(std::move(open_));
      }
      has_open_ = false;
      return;
    }
    if (directive != "begin") {
      diags_.report(error("unknown marker `nogood:" + std::string(directive) + "`")
          .with_primary(span(at, word, word + directive.size()), "expected `begin` or `end`")
          .with_help(syntax_help));
      return;
    }
    if (has_open_) {
      auto line_no = std::to_string(open_.line);
      diags_.report(error("a region cannot begin inside another")
          .with_primary(whole, "nested region")
          .with_secondary(open_.marker, "the region begun here (line " + line_no + ") is still open")
          .with_help("end the region of line " + line_no + " with `<!-- nogood:end -->` before this one"));
      return;
    }
    Region r;
    r.marker = whole;
    r.argument = arg_span;
    r.line = number;
    r.content_begin = next;
    r.newline = crlf ? "\r\n" : "\n";
    bool valid = true;
    if (argument.empty()) {
      diags_.report(error("the region says nothing of what it holds").with_primary(whole, "no selector").with_help("write `begin all`, `begin rule=NAME` or `begin id=VERDICT_ID`"));
      valid = false;
    } else if (argument == "all") {
      r.selector = Region::Selector::all;
    } else if (argument.starts_with("rule=") && argument.size() > 5) {
      r.selector = Region::Selector::rule;
      r.value = argument.substr(5);
    } else if (argument.starts_with("id=") && argument.size() > 3) {
      r.selector = Region::Selector::id;
      r.value = argument.substr(3);
    } else {
      diags_.report(error("unknown region selector `" + std::string(argument) + "`")
          .with_primary(arg_span, "not a selector")
          .with_help("use `all`, `rule=NAME` or `id=VERDICT_ID`"));
      valid = false;
    }
    if (valid && !blank(extra)) {
      auto skip = extra.find_first_not_of(" \t");
      diags_.report(error("one selector per region").with_primary(span(at, word + arg_end + skip, word + inner.size()), "unexpected").with_help(syntax_help));
      valid = false;
    }
    // A region with a bad selector still pairs with its end, so that end is not reported too.
    open_ = std::move(r);
    has_open_ = true;
    open_valid_ = valid;
  }

  FileId file_;
  Diagnostics& diags_;
  Region open_;
  bool has_open_ = false;
  bool open_valid_ = false;
};

}  // namespace

std::vector<Region> find_regions(SourceManager const& sources, FileId file, bool markdown, Diagnostics& diags) {
  std::string_view text = sources.file(file).text;
  Scanner scanner(file, diags);
  std::optional<Fence> fence;
  std::uint32_t number = 0;
  for (std::size_t at = 0; at < text.size();) {
    ++number;
    auto nl = text.find('\n', at);
    auto next = nl == std::string_view::npos ? text.size() : nl + 1;
    auto line = text.substr(at, (nl == std::string_view::npos ? text.size() : nl) - at);
    bool crlf = !line.empty() && line.back() == '\r';
    if (crlf) line.remove_suffix(1);
    if (markdown) {
      if (auto f = fence_of(line)) {
        if (!fence) fence = f;
        else if (f->mark == fence->mark && f->length >= fence->length && blank(f->rest)) fence.reset();
        at = next;
        continue;
      }
    }
    if (!fence) scanner.line(line, at, next, number, crlf);
    at = next;
  }
  scanner.finish();
  return std::move(scanner.regions);
}

std::string region_text(Region const& r, std::string const& content) {
  if (r.newline == "\n") return content;
  std::string out;
  out.reserve(content.size() + content.size() / 32);
  for (char c : content) {
    if (c == '\n') out += r.newline;
    else out += c;
  }
  return out;
}

std::string fill_regions(std::string_view text, std::vector<Region> const& regions, std::vector<std::string> const& contents) {
  std::string out;
  out.reserve(text.size() + 1024);
  std::size_t done = 0;
  for (std::size_t i = 0; i < regions.size(); ++i) {
    auto const& r = regions[i];
    out.append(text.substr(done, r.content_begin - done));
    out += region_text(r, contents[i]);
    done = r.content_end;
  }
  out.append(text.substr(done));
  return out;
}

std::string defuse_markers(std::string content) {
  static constexpr std::string_view open = "<!--", safe = "&lt;!--";
  for (std::size_t at = content.find(open); at != std::string::npos; at = content.find(open, at + 1)) {
    if (at > 0 && content[at - 1] == '\\') continue;
    content.replace(at, open.size(), safe);
  }
  return content;
}

std::string describe(Region const& r) {
  switch (r.selector) {
    case Region::Selector::all: return "all";
    case Region::Selector::rule: return "rule=" + r.value;
    case Region::Selector::id: return "id=" + r.value;
  }
  return {};
}

}  // namespace nogood::cli
