// Parses every statement of load.sql and evaluate.sql of the given folders (each the output of
// `nogood compile --to sql --dialect spark`) with the Spark SQL grammar of the npm package
// dt-sql-parser (its SparkSQL grammar is adapted from Apache Spark 3.5's SqlBaseParser.g4), installed
// by `make test-deps` into TOOLS. Statements end at a `;` outside quotes and comments (strings
// with Spark's backslash escapes, identifiers in backquotes).
// With --must-fail, every folder must have at least one statement the parser refuses (to check
// that the parser does refuse what is not Spark SQL, e.g. the duckdb dialect's scripts).
// Exit 0 all parse (or, with --must-fail, each folder has an error), 1 otherwise, 77 the package
// is not installed.
//
// usage: node spark-parse.mjs TOOLS [--must-fail] DIR...
import { readFileSync } from "node:fs";
import module from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [tools, ...rest] = process.argv.slice(2);
const mustFail = rest[0] === "--must-fail";
const dirs = mustFail ? rest.slice(1) : rest;

// dt-sql-parser ships ES modules whose relative imports omit `.js` (and name folders), which
// bundlers resolve and Node does not: this resolve hook, for its files only, adds `.js` or `/index.js`.
const hook = `
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (e) {
    if (!specifier.startsWith(".") || !context.parentURL?.includes("/dt-sql-parser/")) throw e;
    for (const tail of [".js", "/index.js"]) {
      try { return await next(specifier + tail, context); } catch {}
    }
    throw e;
  }
}`;
let SparkSQL;
try {
  if (typeof module.register !== "function") throw new Error(`Node.js ${process.version} has no module.register (18.19 or later has)`);
  module.register("data:text/javascript," + encodeURIComponent(hook));
  const require = module.createRequire(resolve(tools, "package.json"));
  const main = join(require.resolve("dt-sql-parser/package.json"), "..", "dist", "index.js");
  ({ SparkSQL } = await import(pathToFileURL(main).href));
} catch (e) {
  console.error(`dt-sql-parser is not usable from ${tools} (make test-deps installs it): ${e.message}`);
  process.exit(77);
}
const spark = new SparkSQL();

// The statements of a script, each with the line it starts on.
function statements(sql) {
  const out = [];
  let start = 0, line = 1, startLine = 1, i = 0, blank = true;
  const push = (end) => {
    const text = sql.slice(start, end);
    if (!blank) out.push({ text, line: startLine + (text.match(/^\s*/)[0].match(/\n/g)?.length ?? 0) });
  };
  while (i < sql.length) {
    const c = sql[i];
    if (c === "\n") { ++line; ++i; continue; }
    if (c === "-" && sql[i + 1] === "-") { while (i < sql.length && sql[i] !== "\n") ++i; continue; }
    if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      line += sql.slice(i, stop).split("\n").length - 1;
      i = stop;
      continue;
    }
    if (c === ";") {
      push(i + 1);
      start = i + 1; startLine = line; blank = true; ++i;
      continue;
    }
    if (!/\s/.test(c) && blank) {
      blank = false;
      // Comments before the statement are not part of it.
      start = i; startLine = line;
    }
    if (c === "'" || c === '"' || c === "`") {
      ++i;
      while (i < sql.length) {
        if (sql[i] === "\n") ++line;
        if (c !== "`" && sql[i] === "\\") { i += 2; continue; }
        if (sql[i] === c) {
          if (c === "`" && sql[i + 1] === "`") { i += 2; continue; }
          break;
        }
        ++i;
      }
      ++i;
      continue;
    }
    ++i;
  }
  push(sql.length);
  return out;
}

let failed = 0, parsed = 0;
for (const dir of dirs) {
  let refused = 0;
  for (const file of ["load.sql", "evaluate.sql"]) {
    const sql = readFileSync(join(dir, file), "utf8");
    for (const [n, s] of statements(sql).entries()) {
      const errors = spark.validate(s.text);
      ++parsed;
      if (errors.length === 0) continue;
      ++refused;
      if (mustFail) continue;
      ++failed;
      const e = errors[0];
      console.log(`FAIL: ${dir}: ${file} statement ${n + 1} (line ${s.line}): ` +
        `${e.message} at line ${s.line + e.startLine - 1}, column ${e.startColumn}`);
      console.log("  " + s.text.slice(0, 300).replaceAll("\n", "\n  "));
    }
  }
  if (mustFail && refused === 0) {
    ++failed;
    console.log(`FAIL: ${dir}: the parser accepts every statement where it should refuse some`);
  }
}
console.log(`${parsed} statements parsed in ${dirs.length} folders`);
process.exit(failed ? 1 : 0);
