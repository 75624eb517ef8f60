// Runs the scripts of `nogood compile --to sql --dialect duckdb` on an in-memory DuckDB, as a
// driver that follows manifest.json: load.sql, then each stratum's `statements`, and for a
// stratum with a `loop`, while one of its `until_empty` tables has a row, its `advance` then its
// loop `statements`; then results.sql, whose rows it prints one a line (`table|value|...`).
// DuckDB comes from the npm package @duckdb/node-api, installed by `make test-deps` into TOOLS.
// Exit 0 done, 1 a statement failed (its error on stderr), 77 the package is not installed.
//
// usage: node duckdb-run.mjs TOOLS SQL_DIR
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [tools, dir] = process.argv.slice(2);
let duckdb;
try {
  const require = createRequire(resolve(tools, "package.json"));
  duckdb = await import(pathToFileURL(require.resolve("@duckdb/node-api")).href);
} catch (e) {
  console.error(`@duckdb/node-api is not installed in ${tools} (make test-deps installs it): ${e.message}`);
  process.exit(77);
}

const instance = await duckdb.DuckDBInstance.create(":memory:", { threads: "1" });
const db = await instance.connect();
const read = (name) => readFileSync(join(dir, name), "utf8");
const manifest = JSON.parse(read("manifest.json"));
if (manifest.dialect !== "duckdb") {
  console.error(`${dir}: the scripts are for ${manifest.dialect}, not duckdb`);
  process.exit(1);
}

let where = "";
async function run(statement) {
  try {
    return await db.run(statement);
  } catch (e) {
    console.error(`${where}: ${e.message}\nin: ${statement.slice(0, 2000)}`);
    process.exit(1);
  }
}

// Scripts of several statements, one at a time so that an error names its statement.
async function runScript(name) {
  const sql = read(manifest.files?.[name] ?? `${name}.sql`);
  const extracted = await db.extractStatements(sql);
  const results = [];
  for (let i = 0; i < extracted.count; ++i) {
    where = `${name} statement ${i + 1}`;
    let prepared;
    try {
      prepared = await extracted.prepare(i);
    } catch (e) {
      console.error(`${where}: ${e.message}`);
      process.exit(1);
    }
    try {
      results.push(await prepared.runAndReadAll());
    } catch (e) {
      console.error(`${where}: ${e.message}`);
      process.exit(1);
    }
  }
  return results;
}

async function anyRow(tables) {
  for (const t of tables) {
    const reader = await db.runAndReadAll(`SELECT 1 FROM "${t.replaceAll('"', '""')}" LIMIT 1`);
    if (reader.currentRowCount > 0) return true;
  }
  return false;
}

await runScript("load");
for (const [s, stratum] of manifest.strata.entries()) {
  where = `stratum ${s}`;
  for (const q of stratum.statements) await run(q);
  if (!stratum.loop) continue;
  let rounds = 0;
  while (await anyRow(stratum.loop.until_empty)) {
    where = `stratum ${s}, round ${++rounds}`;
    for (const q of stratum.loop.advance) await run(q);
    for (const q of stratum.loop.statements) await run(q);
  }
}
const out = [];
for (const reader of await runScript("results"))
  for (const row of reader.getRowsJS()) out.push(row.map((v) => (v === null ? "" : String(v))).join("|"));
process.stdout.write(out.length ? out.join("\n") + "\n" : "");
instance.closeSync?.();
