// The parser driver: validates UTF-8, then parses one statement at a time with the X3 grammar
// (grammar/), turning each into the public AST as it goes. A syntax error is reported once
// and parsing resumes at the next statement, so independent mistakes are all reported and
// none causes a cascade.
#include "nogood/rules/parse.hpp"

#include <exception>
#include <new>

#include "grammar/build_ast.hpp"
#include "grammar/parse_statement.hpp"
#include "grammar/source_scan.hpp"
#include "grammar/syntax_errors.hpp"

namespace nogood::rules {

namespace {

// Brackets deeper than this are an error: the grammar recurses per level (a few KB of stack
// in release builds, some 15 KB under AddressSanitizer), and no real rule comes close.
constexpr int max_nesting = 64;

void parse_statements(grammar::source_info const& source, grammar::ast_builder& builder, ast::Program& program,
                      Diagnostics const& diags) {
  char const* pos = source.begin;
  if (source.end - pos >= 3 && pos[0] == '\xEF' && pos[1] == '\xBB' && pos[2] == '\xBF') pos += 3;  // BOM
  while (true) {
    // Once the sink keeps no more, further errors would only be counted: stop, so a garbage
    // file costs no more than a few dozen errors.
    if (builder.failed() && diags.full()) return;
    pos = grammar::skip_blanks(pos, source.end);
    if (pos == source.end) return;
    char const* const statement = pos;

    if (char const* deep = grammar::find_too_deep(statement, source.end, max_nesting)) {
      builder.error(make_error("E0108", "brackets nested too deeply")
                        .with_primary(source.span(deep, deep + 1),
                                      "more than " + std::to_string(max_nesting) + " levels of `(` and `{`")
                        .with_help("split the expression into several literals"));
      pos = grammar::resume_after(statement, deep, source.end);
      continue;
    }

    try {
      syntax::statement parsed;
      if (!grammar::parse_statement(pos, source.end, source, parsed) || pos == statement) {
        // The grammar commits at the start of every statement, so this cannot happen; keep
        // going rather than loop if it ever does.
        pos = grammar::resume_after(statement, statement, source.end);
        continue;
      }
      program.statements.push_back(builder.statement(parsed));
    } catch (grammar::syntax_error const& e) {
      auto report = grammar::report_syntax_error(e, statement, source);
      builder.error(std::move(report.diagnostic));
      pos = report.resume;
    }
  }
}

}  // namespace

std::optional<ast::Program> parse(SourceManager const& sources, FileId file, Diagnostics& diags) {
  std::string const& text = sources.file(file).text;
  grammar::ast_builder builder(file, diags);
  try {
    if (text.size() >= 0xffffffffu) {
      builder.error(make_error("E0100", "file too large")
                        .with_primary(Span{file, 0, 0}, "rules files are limited to 4 GiB"));
      return std::nullopt;
    }
    if (auto bad = grammar::find_invalid_utf8(text)) {
      auto const at = static_cast<std::uint32_t>(*bad);
      builder.error(make_error("E0100", "invalid UTF-8")
                        .with_primary(Span{file, at, at + 1}, "this byte is not valid UTF-8")
                        .with_help("save the file as UTF-8"));
      return std::nullopt;
    }
    grammar::source_info const source{text.data(), text.data() + text.size(), file};
    ast::Program program;
    program.file = file;
    parse_statements(source, builder, program, diags);
    if (builder.failed()) return std::nullopt;
    return program;
  } catch (std::bad_alloc const&) {
    builder.error(make_error("E0100", "out of memory while parsing").with_primary(Span{file, 0, 0}));
  } catch (std::exception const& e) {
    builder.error(make_error("E0100", std::string("internal parser error: ") + e.what()).with_primary(Span{file, 0, 0}));
  }
  return std::nullopt;
}

}  // namespace nogood::rules
