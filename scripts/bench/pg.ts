// The bench on PostgreSQL (issue 10, item 3): the same rows as the seeded SQLite bench file,
// copied into a PostgreSQL database made for it, so that both databases are measured on exactly
// the same data (docs/decisions/021-how-we-measure.md, "PostgreSQL").
//
//   recreateDatabase(url)            drops and creates the database (its name must start with bench_)
//   createSchema(url)                the app's PostgreSQL migrations (prisma/postgres/migrations)
//   copyFromSqlite(sqlite, client)   every table the two share, in foreign-key order, in batches of
//                                    one multi-row INSERT … SELECT FROM unnest($1::int4[], …), then
//                                    each id sequence set past the largest id copied
//   tableChecksums(…)                rows and a SHA-256 per table on either side, to prove the copy exact
import { execFileSync } from "node:child_process";
import { databaseKind } from "../../lib/database-url";
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";

/** Whether a DATABASE_URL / --db value names PostgreSQL rather than a SQLite file. */
export const isPostgresUrl = (url: string) => databaseKind(url) === "postgres";

// Counts (bigint) as numbers, as SQLite gives them; timestamps without time zone read as UTC,
// which is how Prisma writes them (node-postgres would otherwise read them in local time).
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 20) return (v: string) => Number(v);
    if (oid === 1114) return (v: string) => new Date(`${v.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format as "text");
  },
};

/**
 * A connected client with the bench's type parsing, and PostgreSQL's JIT compiler off: on these
 * millisecond queries it costs more than it saves (it added about 110 ms to the sources floor
 * at 5,000 entries), so the floor, the best the database can do, is measured without it.
 */
export async function pgClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, types, options: "-c jit=off" });
  await client.connect();
  return client;
}

/** The database name in a PostgreSQL URL, refused unless it starts with bench_ (the bench drops it). */
export function benchDatabaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!/^bench_[a-z0-9_]+$/.test(name)) throw new Error(`the bench drops and recreates its PostgreSQL database: its name must start with bench_ (lower case, digits, _), not "${name}"`);
  return name;
}

/** Drops (closing its connections) and creates the bench database named in `url`. */
export async function recreateDatabase(url: string): Promise<void> {
  const name = benchDatabaseName(url);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = await pgClient(admin.toString());
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** Creates the tables with the app's PostgreSQL migrations, as `npm start` does (scripts/migrate.mjs). */
export async function createSchema(url: string): Promise<void> {
  // `npm run db:migrate` in a child process: scripts/migrate.mjs is an ES module with top-level
  // await, which this file (compiled as CommonJS by tsx for the bench) cannot load.
  execFileSync(process.execPath, ["scripts/migrate.mjs"], { stdio: "ignore", env: { ...process.env, DATABASE_URL: url } });
}

interface Column {
  name: string;
  /** PostgreSQL's type name: int4, int8, text, timestamp, bool, float8, jsonb … */
  type: string;
  /** Filled by a sequence (nextval default): set past the largest copied id afterwards. */
  serial: boolean;
}
export interface TableInfo {
  name: string;
  columns: Column[];
  /** Tables it has foreign keys to (copied first). */
  dependsOn: string[];
}

/**
 * The tables to copy: those of PostgreSQL's public schema that the SQLite file has too (Prisma's
 * own _prisma_migrations left out), with the columns both have (generated columns left out,
 * PostgreSQL computes them), parents before children.
 */
export async function sharedTables(sqlite: Database.Database, client: pg.Client): Promise<TableInfo[]> {
  const sqliteTables = new Set((sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name));
  const { rows } = await client.query<{ table_name: string; column_name: string; udt_name: string; column_default: string | null; is_generated: string }>(
    `SELECT table_name, column_name, udt_name, column_default, is_generated FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, ordinal_position`,
  );
  const fks = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c
     JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const unquote = (s: string) => s.replace(/^"|"$/g, "");
  const tables = new Map<string, TableInfo>();
  for (const r of rows) {
    if (!sqliteTables.has(r.table_name) || r.is_generated === "ALWAYS") continue;
    const sqliteColumns = new Set((sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(r.table_name) as { name: string }[]).map((c) => c.name));
    if (!sqliteColumns.has(r.column_name)) {
      if (r.column_default === null) throw new Error(`${r.table_name}.${r.column_name} is in PostgreSQL, has no default and is not in the SQLite file`);
      continue;
    }
    let t = tables.get(r.table_name);
    if (!t) tables.set(r.table_name, (t = { name: r.table_name, columns: [], dependsOn: [] }));
    t.columns.push({ name: r.column_name, type: r.udt_name, serial: /^nextval\(/.test(r.column_default ?? "") });
  }
  for (const fk of fks.rows) {
    const child = tables.get(unquote(fk.child));
    if (child && unquote(fk.parent) !== child.name) child.dependsOn.push(unquote(fk.parent));
  }
  return foreignKeyOrder([...tables.values()]);
}

/** Parents before children (a table's foreign keys point to tables earlier in the list); by name otherwise. */
export function foreignKeyOrder(tables: readonly TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const out: TableInfo[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (t: TableInfo) => {
    if (state.get(t.name) === "done") return;
    if (state.get(t.name) === "visiting") throw new Error(`foreign keys form a cycle through ${t.name}`);
    state.set(t.name, "visiting");
    for (const parent of [...t.dependsOn].sort()) {
      const p = byName.get(parent);
      if (p) visit(p);
    }
    state.set(t.name, "done");
    out.push(t);
  };
  [...tables].sort((a, b) => a.name.localeCompare(b.name)).forEach(visit);
  return out;
}

/**
 * A SQLite value as PostgreSQL takes it for a column of this type. Prisma writes a DateTime to
 * SQLite as ISO text ("2026-01-01T00:00:00.000+00:00") or, in older files, as milliseconds; a
 * Boolean as 1/0. Timestamps go out as UTC text without a zone, as Prisma stores them in PostgreSQL.
 */
export function toPostgres(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === "timestamp" || type === "timestamptz") {
    const date = typeof value === "number" ? new Date(value) : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(String(value)) ? String(value) : `${String(value).replace(" ", "T")}Z`);
    if (Number.isNaN(date.getTime())) throw new Error(`not a date: ${String(value)}`);
    return date.toISOString().replace("T", " ").replace("Z", "");
  }
  if (type === "bool") return value === 1 || value === 1n || value === true || value === "1" || value === "true";
  if (typeof value === "bigint") return value.toString();
  if (Buffer.isBuffer(value)) throw new Error(`binary values are not copied (column of type ${type})`);
  return value;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Copies every shared table's rows in batches, then sets each id sequence past the largest id. Returns rows per table. */
export async function copyFromSqlite(sqlite: Database.Database, client: pg.Client, { batch = 5000 } = {}): Promise<Map<string, number>> {
  const tables = await sharedTables(sqlite, client);
  const copied = new Map<string, number>();
  await client.query("BEGIN");
  try {
    for (const t of tables) {
      const names = t.columns.map((c) => q(c.name)).join(", ");
      const insert = `INSERT INTO ${q(t.name)} (${names}) SELECT * FROM unnest(${t.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ")})`;
      let columns: unknown[][] = t.columns.map(() => []);
      let n = 0;
      const flush = async () => {
        if (columns[0]!.length === 0) return;
        await client.query(insert, columns);
        columns = t.columns.map(() => []);
      };
      for (const row of sqlite.prepare(`SELECT ${names} FROM ${q(t.name)}`).raw().iterate() as Iterable<unknown[]>) {
        row.forEach((v, i) => columns[i]!.push(toPostgres(v, t.columns[i]!.type)));
        if (++n % batch === 0) await flush();
      }
      await flush();
      copied.set(t.name, n);
      for (const c of t.columns.filter((c) => c.serial)) {
        await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${q(c.name)}), 1), max(${q(c.name)}) IS NOT NULL) FROM ${q(t.name)}`, [q(t.name), c.name]);
      }
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  await client.query("ANALYZE");
  return copied;
}

export interface TableChecksum {
  rows: number;
  sha256: string;
}

/** One row as comparable text: timestamps as ISO instants, flags as booleans, numbers and text as they are. */
const canonical = (row: readonly unknown[], columns: readonly Column[], from: "sqlite" | "postgres") =>
  JSON.stringify(
    row.map((v, i) => {
      const type = columns[i]!.type;
      if (v === null || v === undefined) return null;
      if (from === "sqlite") v = toPostgres(v, type);
      if (type === "timestamp" || type === "timestamptz") return (v instanceof Date ? v : new Date(`${String(v).replace(" ", "T")}Z`)).toISOString();
      return typeof v === "bigint" ? Number(v) : v;
    }),
  );

const digest = (lines: string[]): TableChecksum => {
  lines.sort();
  const hash = createHash("sha256");
  for (const line of lines) hash.update(line).update("\n");
  return { rows: lines.length, sha256: hash.digest("hex") };
};

/** Rows and a checksum of every shared table, read from each side independently (row order does not matter). */
export async function tableChecksums(sqlite: Database.Database, client: pg.Client): Promise<{ sqlite: Map<string, TableChecksum>; postgres: Map<string, TableChecksum> }> {
  const tables = await sharedTables(sqlite, client);
  const out = { sqlite: new Map<string, TableChecksum>(), postgres: new Map<string, TableChecksum>() };
  for (const t of tables) {
    const names = t.columns.map((c) => q(c.name)).join(", ");
    const fromSqlite = (sqlite.prepare(`SELECT ${names} FROM ${q(t.name)}`).raw().all() as unknown[][]).map((r) => canonical(r, t.columns, "sqlite"));
    out.sqlite.set(t.name, digest(fromSqlite));
    const { rows } = await client.query({ text: `SELECT ${names} FROM ${q(t.name)}`, rowMode: "array" });
    out.postgres.set(t.name, digest((rows as unknown[][]).map((r) => canonical(r, t.columns, "postgres"))));
  }
  return out;
}

/** Tables whose rows or checksum differ between the two sides, described; empty when the copy is exact. */
export function checksumDifferences(a: ReadonlyMap<string, TableChecksum>, b: ReadonlyMap<string, TableChecksum>): string[] {
  const out: string[] = [];
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(name);
    const y = b.get(name);
    if (x && y && x.rows === y.rows && x.sha256 === y.sha256) continue;
    out.push(`${name}: SQLite ${x ? `${x.rows} rows ${x.sha256.slice(0, 12)}` : "missing"}, PostgreSQL ${y ? `${y.rows} rows ${y.sha256.slice(0, 12)}` : "missing"}`);
  }
  return out;
}

/**
 * Everything to put a seeded SQLite bench file into PostgreSQL: recreate the database, create the
 * tables, copy, and check that every table has the same rows and checksum on both sides.
 */
export async function seedPostgresFrom(sqliteFile: string, url: string, log: (line: string) => void = () => {}): Promise<{ copied: Map<string, number>; ms: number }> {
  const started = performance.now();
  await recreateDatabase(url);
  await createSchema(url);
  const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;
  log(`bench: ${benchDatabaseName(url)}: recreated, tables from prisma/postgres/migrations, in ${seconds(started)}`);
  const sqlite = new Database(sqliteFile, { readonly: true });
  const client = await pgClient(url);
  try {
    const copying = performance.now();
    const copied = await copyFromSqlite(sqlite, client);
    log(`bench: copied ${[...copied].map(([t, n]) => `${t} ${n}`).join(", ")} in ${seconds(copying)} (with ANALYZE)`);
    const checking = performance.now();
    const sums = await tableChecksums(sqlite, client);
    const differences = checksumDifferences(sums.sqlite, sums.postgres);
    if (differences.length) throw new Error(`the PostgreSQL copy differs from ${sqliteFile}: ${differences.join("; ")}`);
    log(`bench: every table has the same rows and checksum in both databases (checked in ${seconds(checking)})`);
    const ms = performance.now() - started;
    return { copied, ms };
  } finally {
    sqlite.close();
    await client.end();
  }
}
