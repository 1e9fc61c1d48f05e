#!/usr/bin/env node
// First command's work before serving: create and migrate the database, load the demo the
// first time, and (re)build the app when its sources changed since the last build.
import { execSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tsImport } from "tsx/esm/api";
import { ensureBuild } from "./build-stamp.mjs";
import { isPostgres, migrate } from "./migrate.mjs";

// The configuration first (lib/env.ts, the rules the app itself uses): a malformed variable
// stops the start here, named, before anything is created or built.
const { parseEnv, EnvError } = await tsImport("../lib/env.ts", import.meta.url);
let config;
try {
  config = parseEnv(process.env);
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const run = (cmd, env = {}) => execSync(cmd, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
const started = Date.now();

const url = config.databaseUrl;
const postgres = isPostgres(url);
const file = url.replace(/^file:/, "");
if (postgres) {
  const where = new URL(url);
  console.log(`Parley: PostgreSQL database ${where.pathname.slice(1)} on ${where.host}`);
} else {
  mkdirSync(join(file, ".."), { recursive: true });
  console.log(`Parley: database at ${file}`);
}
// The local demo signs sessions with a random secret kept beside the database; a deployment
// sets BETTER_AUTH_SECRET instead.
const secretFile = config.secretFile;
if (!config.authSecret && !existsSync(secretFile)) {
  mkdirSync(join(secretFile, ".."), { recursive: true });
  writeFileSync(secretFile, randomBytes(32).toString("base64"), { mode: 0o600 });
}
// Creates a missing PostgreSQL database; applies the store's own migration history.
await migrate(url);
if (config.demo) run("npm run --silent db:seed");
// Quote positions of entries saved without them, so lists can count quotes to check in SQL (decision 024).
run("npm run --silent db:locate-quotes");

// Rebuild only when something that goes into the build changed (scripts/build-stamp.mjs).
if (!ensureBuild()) console.log("Parley: build is up to date.");
// A first-time hint: reading works without an account, changing things needs one.
try {
  if ((await countUsers()) === 0) {
    console.log('Parley: no accounts yet. To edit, create the first admin:\n  npm run user:create -- --email you@example.org --name "Your Name" --role admin --password \'a long passphrase\'');
  }
} catch {
  // The hint is a courtesy; never stop the start for it.
}
console.log(`Parley: ready in ${((Date.now() - started) / 1000).toFixed(1)} s; serving on ${config.origins[0]}`);

async function countUsers() {
  if (postgres) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return Number((await client.query('SELECT count(*) AS n FROM "user"')).rows[0].n);
    } finally {
      await client.end();
    }
  }
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(file, { readonly: true });
  const { n } = db.prepare('SELECT count(*) AS n FROM "user"').get();
  db.close();
  return n;
}
