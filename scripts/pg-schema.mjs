#!/usr/bin/env node
// Derives the PostgreSQL schema (prisma/postgres/schema.prisma) from the one schema that is
// edited, prisma/schema.prisma: only the datasource provider and the generated client's folder
// differ (docs/decisions/023-postgresql-beside-sqlite.md). Run by `npm run db:generate` and
// `postinstall`; tests/db/migrations-drift.test.ts fails when the committed copy is stale.
// Usage: node scripts/pg-schema.mjs [--check]
// (`prisma generate` picks the schema through prisma.config.ts, so db:generate runs it a second
// time with a postgresql:// DATABASE_URL; no connection is made.)
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { pathToFileURL } from "node:url";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const PG_SCHEMA = "prisma/postgres/schema.prisma";

/** The PostgreSQL schema text for a SQLite schema text. */
export function pgSchemaFrom(sqlite) {
  let out = sqlite;
  const swap = (from, to) => {
    if (!from.test(out)) throw new Error(`prisma/schema.prisma: expected ${from} (scripts/pg-schema.mjs derives the PostgreSQL schema from it)`);
    out = out.replace(from, to);
  };
  swap(/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  swap(/(generator client \{[^}]*output\s*=\s*)"\.\.\/server\/generated\/prisma"/, '$1"../../server/generated/prisma-pg"');
  return (
    "// GENERATED from prisma/schema.prisma by scripts/pg-schema.mjs: do not edit, edit that file.\n" +
    "// Only the datasource provider and the client's output differ (docs/decisions/023).\n\n" +
    out
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const want = pgSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8"));
  if (process.argv.includes("--check")) {
    let have = "";
    try {
      have = readFileSync(PG_SCHEMA, "utf8");
    } catch {}
    if (have !== want) {
      console.error(`${PG_SCHEMA} is stale: run node scripts/pg-schema.mjs`);
      process.exit(1);
    }
  } else {
    mkdirSync("prisma/postgres", { recursive: true });
    writeFileSync(PG_SCHEMA, want);
  }
}
