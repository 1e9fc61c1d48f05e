#!/usr/bin/env node
// Serves the app for end-to-end tests: its own database file (fresh each run, demo loaded),
// never the developer's data, on loopback only.
import { execSync, spawn } from "node:child_process";
import { rmSync, mkdirSync } from "node:fs";

const port = process.env.E2E_PORT || "3100";
const file = "tests/.tmp/e2e.db";
mkdirSync("tests/.tmp", { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
const env = { ...process.env, DATABASE_URL: `file:./${file}`, NEXT_TELEMETRY_DISABLED: "1" };
execSync("node scripts/setup.mjs", { stdio: "inherit", env });
const server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
