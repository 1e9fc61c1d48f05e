#!/usr/bin/env node
// Writes a new migration offline: `prisma migrate dev` does not work with the better-sqlite3
// adapter (STACK.md), so diff the committed schema (HEAD) against the working one.
// Usage: npm run db:migration -- <name>
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, mkdtempSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const hasMigrations = existsSync("prisma/migrations") && readdirSync("prisma/migrations").some((d) => /^\d/.test(d));
const args = ["prisma", "migrate", "diff", "--to-schema-datamodel", "prisma/schema.prisma", "--script"];
if (hasMigrations) {
  const dir = mkdtempSync(join(tmpdir(), "parley-schema-"));
  const old = join(dir, "schema.prisma");
  writeFileSync(old, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
  args.push("--from-schema-datamodel", old);
} else {
  args.push("--from-empty");
}
let sql = execFileSync("npx", args, { encoding: "utf8" });
if (!sql.trim() || /This is an empty migration/.test(sql)) {
  console.log("No schema change: nothing written.");
  process.exit(0);
}
sql += searchTriggersAgain(sql);
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const out = join("prisma/migrations", `${stamp}_${name}`);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "migration.sql"), sql);
if (!existsSync("prisma/migrations/migration_lock.toml")) {
  writeFileSync("prisma/migrations/migration_lock.toml", 'provider = "sqlite"\n');
}
console.log(`Wrote ${out}/migration.sql; apply it with npm run db:migrate.`);

/**
 * SQLite drops a table's triggers with the table, and Prisma rebuilds a table to change a column
 * (RedefineTables: create new_X, copy, drop X, rename). When the migration rebuilds Source or
 * PositionEntry, the full-text search triggers are created again from the search migration and
 * both indexes rebuilt (docs/decisions/014-search.md).
 */
function searchTriggersAgain(migration) {
  if (!/DROP TABLE "(Source|PositionEntry)"/.test(migration)) return "";
  const dir = readdirSync("prisma/migrations").find((d) => /^\d+_search$/.test(d));
  if (!dir) return "";
  const text = readFileSync(join("prisma/migrations", dir, "migration.sql"), "utf8");
  const block = text.slice(text.indexOf("-- SEARCH TRIGGERS BEGIN"), text.indexOf("-- SEARCH TRIGGERS END"));
  const names = [...block.matchAll(/CREATE TRIGGER "([^"]+)"/g)].map((m) => m[1]);
  console.log(`This migration rebuilds a searched table: the search triggers (${names.length}) are created again.`);
  return [
    "",
    `-- Search triggers again (from ${dir}): the rebuilt table lost them.`,
    ...names.map((name) => `DROP TRIGGER IF EXISTS "${name}";`),
    block.trim(),
    `INSERT INTO "SourceSearch"("SourceSearch") VALUES ('rebuild');`,
    `INSERT INTO "EntrySearch"("EntrySearch") VALUES ('rebuild');`,
    "",
  ].join("\n");
}
