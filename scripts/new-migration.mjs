#!/usr/bin/env node
// Writes a new migration offline: `prisma migrate dev` does not work with the better-sqlite3
// adapter (STACK.md), so diff the committed schema (HEAD) against the working one. It writes it
// twice, under the same name: prisma/migrations for SQLite and prisma/postgres/migrations for
// PostgreSQL, diffing the PostgreSQL schemas derived from both (scripts/pg-schema.mjs). Prisma's
// diff for PostgreSQL connects to a server although it reads none of it: PARLEY_PG_URL (default
// postgresql://parley:parley@127.0.0.1:5432/postgres) (docs/decisions/023).
// Usage: npm run db:migration -- <name>
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, mkdtempSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pgSchemaFrom, PG_SCHEMA } from "./pg-schema.mjs";

const PG_URL = process.env.PARLEY_PG_URL || process.env.PARLEY_TEST_PG || "postgresql://parley:parley@127.0.0.1:5432/postgres";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const hasMigrations = existsSync("prisma/migrations") && readdirSync("prisma/migrations").some((d) => /^\d/.test(d));
const dir = mkdtempSync(join(tmpdir(), "parley-schema-"));
const oldSqlite = join(dir, "schema.prisma");
const oldPg = join(dir, "schema-pg.prisma");
const newPg = join(dir, "schema-pg-new.prisma");
if (hasMigrations) {
  writeFileSync(oldSqlite, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
  writeFileSync(oldPg, pgSchemaFrom(readFileSync(oldSqlite, "utf8")));
}
const working = readFileSync("prisma/schema.prisma", "utf8");
writeFileSync(newPg, pgSchemaFrom(working));

/** The SQL from the HEAD schema (or nothing) to the working one, for one store. */
function diff(from, to, env = {}) {
  const args = ["prisma", "migrate", "diff", ...(hasMigrations ? ["--from-schema-datamodel", from] : ["--from-empty"]), "--to-schema-datamodel", to, "--script"];
  return execFileSync("npx", args, { encoding: "utf8", env: { ...process.env, ...env } });
}

let sql = diff(oldSqlite, "prisma/schema.prisma");
if (!sql.trim() || /This is an empty migration/.test(sql)) {
  console.log("No schema change: nothing written.");
  process.exit(0);
}
sql += searchTriggersAgain(sql);
let pgSql;
try {
  pgSql = diff(oldPg, newPg, { DATABASE_URL: PG_URL });
} catch (error) {
  console.error(`The PostgreSQL migration needs a PostgreSQL server for prisma migrate diff (PARLEY_PG_URL=${PG_URL}): ${error.message}\nNothing written.`);
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const [root, text, provider] of [
  ["prisma/migrations", sql, "sqlite"],
  ["prisma/postgres/migrations", pgSql, "postgresql"],
]) {
  const out = join(root, `${stamp}_${name}`);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "migration.sql"), text);
  if (!existsSync(join(root, "migration_lock.toml"))) writeFileSync(join(root, "migration_lock.toml"), `provider = "${provider}"\n`);
  console.log(`Wrote ${out}/migration.sql`);
}
writeFileSync(PG_SCHEMA, pgSchemaFrom(working));
console.log("Apply them with npm run db:migrate (on each store); tests/db/migrations-drift.test.ts checks both.");

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
