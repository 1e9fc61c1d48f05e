// The end-to-end test servers' databases, read and seeded directly by the specs that check what
// a request wrote (or that need more records than the UI can make in time): SQLite through
// better-sqlite3 or PostgreSQL through node-postgres, picked by the same rule the servers use
// (scripts/e2e-database.mjs), so each spec runs on both (`npm run test:e2e`, `npm run test:e2e:pg`).
// SQL is written in SQLite's spelling and rewritten for PostgreSQL (tests/support/postgres-sql.ts);
// write `INSERT … RETURNING id` to get a new id on both.
import Database from "better-sqlite3";
import pg from "pg";
import { e2eDatabase } from "../../scripts/e2e-database.mjs";
import { postgresSql } from "../support/postgres-sql";

/** Which server's database: the public one (default) or the private deployment's. */
export type Server = { private?: boolean };

export type Query = <T>(sql: string, ...params: unknown[]) => Promise<T[]>;

// Counts and sums come back from PostgreSQL as bigint/numeric strings; as numbers, as on SQLite.
const numeric = (value: string) => Number(value);
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC ? numeric : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** One connection: its queries, a statement without results (BEGIN, COMMIT…), and its release. */
type Connection = { query: Query; exec(sql: string): Promise<unknown>; close(): Promise<void> };

async function connect(server: Server): Promise<Connection> {
  const { url, file } = e2eDatabase(server.private ?? false);
  if (file) {
    const db = new Database(file, { fileMustExist: true });
    return {
      query: async <T,>(sql: string, ...params: unknown[]) => {
        const statement = db.prepare(sql);
        if (statement.reader) return statement.all(...params) as T[];
        statement.run(...params);
        return [];
      },
      exec: async (sql) => db.exec(sql),
      close: async () => void db.close(),
    };
  }
  const client = await pool(url).connect();
  return {
    query: async <T,>(sql: string, ...params: unknown[]) => (await client.query(postgresSql(sql), params)).rows as T[],
    exec: (sql) => client.query(sql),
    close: async () => client.release(),
  };
}

/** Runs `work` with one connection to the database; on `transaction`, inside one transaction. */
async function withConnection<R>(server: Server, transaction: boolean, work: (query: Query) => Promise<R>): Promise<R> {
  const connection = await connect(server);
  try {
    if (!transaction) return await work(connection.query);
    await connection.exec("BEGIN");
    try {
      const result = await work(connection.query);
      await connection.exec("COMMIT");
      return result;
    } catch (error) {
      await connection.exec("ROLLBACK");
      throw error;
    }
  } finally {
    await connection.close();
  }
}

// One pool per database for the worker (a spec reads before and after every request it makes);
// idle connections close after a second, and never keep the worker from exiting.
const pools = new Map<string, pg.Pool>();
function pool(url: string): pg.Pool {
  let existing = pools.get(url);
  if (!existing) {
    existing = new pg.Pool({ connectionString: url, types, max: 2, idleTimeoutMillis: 1_000, allowExitOnIdle: true });
    pools.set(url, existing);
  }
  return existing;
}

/** The rows `sql` returns. */
export function rows<T>(sql: string, params: unknown[] = [], server: Server = {}): Promise<T[]> {
  return withConnection(server, false, (query) => query<T>(sql, ...params));
}

/** The first row `sql` returns (undefined when none). */
export async function row<T>(sql: string, params: unknown[] = [], server: Server = {}): Promise<T> {
  return (await rows<T>(sql, params, server))[0] as T;
}

/** Runs `work`'s statements in one transaction: all written or none. */
export function transaction<R>(work: (query: Query) => Promise<R>, server: Server = {}): Promise<R> {
  return withConnection(server, true, work);
}
