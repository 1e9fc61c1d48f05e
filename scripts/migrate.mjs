#!/usr/bin/env node
// Applies the migrations of the store DATABASE_URL names (npm run db:migrate; npm start and the
// tests call it too). SQLite: `prisma migrate deploy`. PostgreSQL: Prisma 6.19's schema engine
// cannot read PostgreSQL's catalog through @prisma/adapter-pg ("Column type 'name' could not be
// deserialized", prisma/orm#27403), and the native engine cannot be downloaded here, so this
// applies prisma/postgres/migrations itself, each in a transaction, and records them in
// Prisma's own `_prisma_migrations` table (same columns and checksums), under the advisory lock
// Prisma takes, so two app servers starting at once apply each migration once
// (docs/decisions/023-postgresql-beside-sqlite.md).
import { execFileSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { isPostgres } from "./database-kind.mjs";

export const PG_MIGRATIONS = "prisma/postgres/migrations";
const PRISMA_MIGRATE_LOCK = 72707369; // the advisory lock id `prisma migrate` uses

export { isPostgres };

/** The migration folders of a history, oldest first. */
export function migrationNames(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((d) => /^\d{14}_/.test(d)).sort() : [];
}

/** Creates the database a PostgreSQL URL names when it does not exist yet (connecting to `postgres`). */
export async function createPostgresDatabase(url, { template } = {}) {
  const { default: pg } = await import("pg");
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return false;
    // Template0 and C.UTF-8: text sorts by code point as in SQLite, and the search's word
    // classes (lower case, letters and digits) know every script.
    const ident = (s) => `"${s.replace(/"/g, '""')}"`;
    await client.query(
      template
        ? `CREATE DATABASE ${ident(name)} TEMPLATE ${ident(template)}`
        : `CREATE DATABASE ${ident(name)} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    );
    return true;
  } finally {
    await client.end();
  }
}

/** Drops the database a PostgreSQL URL names, if it exists (closing its connections first). */
export async function dropPostgresDatabase(url) {
  const { default: pg } = await import("pg");
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Applies what is not applied yet of prisma/postgres/migrations; returns the names applied. */
export async function migratePostgres(url, { dir = PG_MIGRATIONS, log = () => {} } = {}) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query(`SELECT "migration_name", "checksum" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`);
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    for (const name of migrationNames(dir)) {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      if (done.has(name)) {
        if (done.get(name) !== checksum) log(`warning: ${name} was edited after it was applied`);
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${name} failed: ${error.message}`);
      }
      applied.push(name);
      log(`Applied ${name}`);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => {});
    await client.end();
  }
  return applied;
}

/** Migrates the database `url` names: SQLite through Prisma's CLI, PostgreSQL as above (creating it if missing). */
export async function migrate(url, { stdio = "inherit" } = {}) {
  if (!isPostgres(url)) {
    execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio, env: { ...process.env, DATABASE_URL: url } });
    return;
  }
  const log = stdio === "inherit" ? (line) => console.log(line) : () => {};
  if (await createPostgresDatabase(url)) log(`Created database ${new URL(url).pathname.slice(1)}`);
  const applied = await migratePostgres(url, { log });
  log(applied.length ? `${applied.length} migration(s) applied.` : "No pending migrations to apply.");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await migrate(process.env.DATABASE_URL || "file:./data/parley.db"); // lib/database-url.ts DEFAULT_DATABASE_URL
}
