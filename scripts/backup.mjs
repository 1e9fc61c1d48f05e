#!/usr/bin/env node
// npm run db:backup [-- <file>]: a consistent copy of the live SQLite database (PostgreSQL: pg_dump), taken with SQLite's
// online backup API (safe while the app is running and writing), then checked.
import Database from "better-sqlite3";
import { mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

if (/^postgres(?:ql)?:\/\//i.test(process.env.DATABASE_URL ?? "")) {
  // SQLite only: a PostgreSQL server has its own tools (docs/decisions/023).
  console.error("npm run db:backup copies a SQLite file. For PostgreSQL use pg_dump, e.g.\n  pg_dump --format=custom --file parley.dump \"$DATABASE_URL\"");
  process.exit(2);
}
const source = (process.env.DATABASE_URL || "file:./data/parley.db").replace(/^file:/, "");
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const target = process.argv[2] || join("data", "backups", `parley-${stamp}.db`);
mkdirSync(dirname(target), { recursive: true });

const started = Date.now();
const db = new Database(source, { readonly: true, fileMustExist: true });
db.pragma("busy_timeout = 5000");
await db.backup(target);
db.close();

// A backup is one self-contained file: leave WAL mode on the copy.
const copy = new Database(target);
copy.pragma("journal_mode = DELETE");
const check = copy.pragma("integrity_check", { simple: true });
const entries = copy.prepare("SELECT count(*) AS n FROM PositionEntry").get().n;
copy.close();
if (check !== "ok") {
  console.error(`Backup written to ${target} but integrity_check says: ${check}`);
  process.exit(1);
}
console.log(`Backup of ${source} written to ${target}: ${(statSync(target).size / 1024).toFixed(0)} KiB, ${entries} position entries, integrity ok, ${Date.now() - started} ms.`);
