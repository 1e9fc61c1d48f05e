// The two migration histories (prisma/migrations for SQLite, prisma/postgres/migrations for
// PostgreSQL) and the one schema must agree (docs/decisions/023-postgresql-beside-sqlite.md):
// - the PostgreSQL schema is exactly the one derived from prisma/schema.prisma;
// - both histories hold the same migrations, by name, each with its lock file's provider;
// - each history, applied to an empty database, builds the tables, columns, indexes and keys
//   the schema describes: compared with a database built straight from the schema.
// The search objects are each store's own (FTS5 tables and triggers; GIN expression indexes) and
// are checked in tests/db/search.test.ts. The PostgreSQL half needs PARLEY_TEST_PG (a server).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";
import { migrationNames, migratePostgres, PG_MIGRATIONS } from "../../scripts/migrate.mjs";
import { pgSchemaFrom, PG_SCHEMA, SQLITE_SCHEMA } from "../../scripts/pg-schema.mjs";
import { createDatabase, databaseUrl, runPrefix, testServer } from "../support/pg.mjs";
import { TEMPLATE_DB } from "../support/global-setup";

const read = (path: string) => readFileSync(path, "utf8");

/** The SQL that builds `schema` from nothing (prisma migrate diff; PostgreSQL's needs a server to connect to). */
function schemaSql(schema: string, url: string): string {
  return execFileSync("npx", ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", schema, "--script"], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

describe("the schema and the two migration histories stay in step", () => {
  it("prisma/postgres/schema.prisma is the one derived from prisma/schema.prisma (node scripts/pg-schema.mjs)", () => {
    expect(read(PG_SCHEMA)).toBe(pgSchemaFrom(read(SQLITE_SCHEMA)));
  });

  it("both histories hold the same migrations, and each lock file names its provider", () => {
    expect(migrationNames(PG_MIGRATIONS)).toEqual(migrationNames("prisma/migrations"));
    expect(migrationNames(PG_MIGRATIONS).length).toBeGreaterThan(5);
    expect(read("prisma/migrations/migration_lock.toml")).toMatch(/provider = "sqlite"/);
    expect(read(join(PG_MIGRATIONS, "migration_lock.toml"))).toMatch(/provider = "postgresql"/);
  });

  it.skipIf(testServer() !== "")("SQLite: the migrated database has exactly the schema's tables, columns, indexes and foreign keys", { timeout: 120_000 }, () => {
    const fromSchema = join(process.cwd(), "tests/.tmp", `drift-${randomUUID()}.db`);
    const built = new Database(fromSchema);
    built.exec(schemaSql(SQLITE_SCHEMA, `file:${fromSchema}`));
    built.close();
    expect(sqliteCatalog(TEMPLATE_DB)).toEqual(sqliteCatalog(fromSchema));
  });

  it.skipIf(testServer() === "")("PostgreSQL: the migrated database has exactly the schema's tables, columns, indexes and constraints", { timeout: 120_000 }, async () => {
    const migrated = `${runPrefix(inject("pgRun"))}drift_migrated`;
    const fromSchema = `${runPrefix(inject("pgRun"))}drift_schema`;
    await createDatabase(migrated);
    await createDatabase(fromSchema);
    await migratePostgres(databaseUrl(migrated));
    await withPg(databaseUrl(fromSchema), (c) => c.query(schemaSql(PG_SCHEMA, databaseUrl("postgres"))));
    const [a, b] = [await pgCatalog(databaseUrl(migrated)), await pgCatalog(databaseUrl(fromSchema))];
    expect(a.columns.length).toBeGreaterThan(50);
    expect(a).toEqual(b);
  });
});

/** Every table's columns, indexes and foreign keys, in an order that does not depend on history. */
function sqliteCatalog(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as Array<{ name: string }>)
      .map((t) => t.name)
      .filter((name) => !name.startsWith("sqlite_") && name !== "_prisma_migrations" && !/Search(_|$)/.test(name));
    return tables.map((table) => ({
      table,
      columns: (db.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).sort((a, b) =>
        a.name.localeCompare(b.name),
      ),
      indexes: (db.prepare(`SELECT name, "unique", origin FROM pragma_index_list(?)`).all(table) as Array<{ name: string }>)
        .map((index) => ({ ...index, columns: (db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(index.name) as Array<{ name: string }>).map((c) => c.name) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      foreignKeys: (db.prepare(`SELECT "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?)`).all(table) as Array<{ from: string }>).sort((a, b) =>
        a.from.localeCompare(b.from),
      ),
    }));
  } finally {
    db.close();
  }
}

async function withPg<T>(url: string, fn: (client: import("pg").Client) => Promise<T>): Promise<T> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function pgCatalog(url: string) {
  return withPg(url, async (c) => ({
    columns: (
      await c.query(`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`)
    ).rows,
    indexes: (await c.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%search%' AND tablename <> '_prisma_migrations' ORDER BY indexname`)).rows,
    constraints: (
      await c.query(`SELECT conrelid::regclass::text AS "table", conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1, 2`)
    ).rows,
  }));
}
