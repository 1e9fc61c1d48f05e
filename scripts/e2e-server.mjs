#!/usr/bin/env node
// Serves the app for end-to-end tests: its own database (fresh each run, demo loaded): a SQLite
// file, or with a postgres(ql):// DATABASE_URL that PostgreSQL database,
// never the developer's data, on loopback only.
// With E2E_PRIVATE=1 it serves a private deployment (PARLEY_PUBLIC_READ=off) from a second
// database file; Playwright starts it after the public server, so the build is already there.
import { execSync, spawn } from "node:child_process";
import { rmSync, mkdirSync } from "node:fs";
import { createE2EUsers } from "./e2e-users.mjs";
import { dropPostgresDatabase } from "./migrate.mjs";
import { e2eDatabase } from "./e2e-database.mjs";

const isPrivate = process.env.E2E_PRIVATE === "1";
const port = process.env.E2E_PORT || "3100";
mkdirSync("tests/.tmp", { recursive: true });
const { url: databaseUrl, file } = e2eDatabase(isPrivate);
if (file) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
} else {
  // npm run test:e2e:pg: the PostgreSQL database DATABASE_URL names (the private server uses
  // the same name with _private), dropped and made again for every run (docs/decisions/023).
  await dropPostgresDatabase(databaseUrl);
}
const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  NEXT_TELEMETRY_DISABLED: "1",
  PARLEY_SECRET_FILE: isPrivate ? "tests/.tmp/e2e-private-auth-secret" : "tests/.tmp/e2e-auth-secret",
  ...(isPrivate ? { PARLEY_PUBLIC_READ: "off" } : {}),
};
execSync("node scripts/setup.mjs", { stdio: "inherit", env });
await createE2EUsers(env);
// scripts/serve.mjs, as `npm start`: it gives the app the socket's address (sign-in throttle).
const server = spawn(process.execPath, ["scripts/serve.mjs", "-H", "127.0.0.1", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
