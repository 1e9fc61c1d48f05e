// PostgreSQL databases for the tests (docs/decisions/023): when PARLEY_TEST_PG names a server
// (postgresql://parley:parley@127.0.0.1:5432/postgres), global-setup.ts migrates one template
// database per run and every test file gets its own `CREATE DATABASE … TEMPLATE` copy
// (tests/support/db.ts), dropped when the run ends. Names start with `pg_t_`, a hash of the
// checkout and the run's id (global-setup.ts provides it to the test files as `pgRun`), so two
// runs never touch each other's databases.
// As a script: node tests/support/pg.mjs create <name> <template> (db.ts runs it synchronously).
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import { createPostgresDatabase } from "../../scripts/migrate.mjs";

export const testServer = () => process.env.PARLEY_TEST_PG || "";
/** All of this checkout's test databases start with this. */
export const checkoutPrefix = (cwd = process.cwd()) => `pg_t_${createHash("sha256").update(cwd).digest("hex").slice(0, 8)}_`;
/** One run's databases: the checkout's prefix and the run's id (two runs at once never meet). */
export const runPrefix = (run) => `${checkoutPrefix()}${run}_`;
export const templateName = (run) => `${runPrefix(run)}template`;

/** The URL of database `name` on the test server. */
export function databaseUrl(name, server = testServer()) {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

const ident = (s) => `"${s.replace(/"/g, '""')}"`;

async function admin(server, fn) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl("postgres", server) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Drops every database of this checkout's runs whose name starts with `prefix`. */
export async function dropDatabases(prefix, server = testServer()) {
  await admin(server, async (client) => {
    const { rows } = await client.query("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${ident(datname)} WITH (FORCE)`);
  });
}

/** Creates database `name` on the test server, empty (template0, as npm start would) or as a copy of `template`. */
export async function createDatabase(name, template, server = testServer()) {
  await createPostgresDatabase(databaseUrl(name, server), { template });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [command, name, template] = process.argv.slice(2);
  if (command === "create") await createDatabase(name, template);
  else throw new Error(`unknown command ${command}`);
}
