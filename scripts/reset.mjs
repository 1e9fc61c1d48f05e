#!/usr/bin/env node
// Deletes the database; the next `npm start` recreates it with the demo. SQLite: the file and its
// WAL files. PostgreSQL (a postgres:// DATABASE_URL): DROP DATABASE, closing its connections.
import { rmSync } from "node:fs";
import { dropPostgresDatabase, isPostgres } from "./migrate.mjs";

const url = process.env.DATABASE_URL || "file:./data/parley.db";
if (isPostgres(url)) {
  await dropPostgresDatabase(url);
  console.log(`Dropped database ${new URL(url).pathname.slice(1)}. Run npm start to recreate it with the demo.`);
} else {
  const file = url.replace(/^file:/, "");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  console.log(`Deleted ${file}. Run npm start to recreate it with the demo.`);
}
