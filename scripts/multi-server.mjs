#!/usr/bin/env node
// One of the two app servers of `npm run test:multi` (playwright.multi.config.ts): two
// `scripts/serve.mjs` processes from one build, on two ports, sharing one database and one set of
// secrets, behind a small load balancer (tests/multi/balancer.mjs).
//
//   MULTI_INSTANCE=first   makes the database afresh (demo and the e2e accounts), builds, serves
//   MULTI_INSTANCE=second  serves the same build against the same database (started after the first)
//
// The database comes from MULTI_DATABASE_URL: a SQLite file URL, or a PostgreSQL URL on loopback
// (its database is dropped and made again, so the config names one of its own: multi_e2e).
import { execFileSync, execSync, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createE2EUsers } from "./e2e-users.mjs";

const instance = process.env.MULTI_INSTANCE;
const port = process.env.MULTI_PORT;
const databaseUrl = process.env.MULTI_DATABASE_URL;
if (!["first", "second"].includes(instance ?? "") || !port || !databaseUrl) {
  console.error("multi-server: set MULTI_INSTANCE (first|second), MULTI_PORT and MULTI_DATABASE_URL (playwright.multi.config.ts does).");
  process.exit(2);
}
const env = { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" };

/** Drops and creates a PostgreSQL test database with psql, on loopback only. */
function freshPostgresDatabase(url) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!["127.0.0.1", "localhost", "[::1]"].includes(u.hostname)) throw new Error(`multi-server: refusing to reset a database on ${u.hostname}; tests use a local server only.`);
  if (!/^multi_[a-z0-9_]+$/.test(name)) throw new Error(`multi-server: the test database must be named multi_…, not ${name}.`);
  const psql = (sql) =>
    execFileSync("psql", ["-h", u.hostname.replace(/^\[|\]$/g, ""), "-p", u.port || "5432", "-U", decodeURIComponent(u.username), "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-qc", sql], {
      stdio: "inherit",
      env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) },
    });
  psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  psql(`CREATE DATABASE ${name}`);
}

if (instance === "first") {
  if (/^postgres(ql)?:/.test(databaseUrl)) freshPostgresDatabase(databaseUrl);
  else {
    const file = databaseUrl.replace(/^file:/, "");
    mkdirSync("tests/.tmp", { recursive: true });
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  }
  // Migrations, the demo, and the build (made under NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).
  execSync("node scripts/setup.mjs", { stdio: "inherit", env });
  await createE2EUsers(env);
}
// scripts/serve.mjs, as `npm start` does after setup.
const server = spawn(process.execPath, ["scripts/serve.mjs", "-H", "127.0.0.1", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
