#!/usr/bin/env node
// Deletes the SQLite database (and its WAL files); the next `npm start` recreates it with the demo.
import { rmSync } from "node:fs";
const file = (process.env.DATABASE_URL || "file:./data/parley.db").replace(/^file:/, "");
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
console.log(`Deleted ${file}. Run npm start to recreate it with the demo.`);
