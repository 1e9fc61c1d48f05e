// The tests' own raw SQL (the property tests' oracle reads) is written once, in SQLite's
// relaxed spelling; on PostgreSQL (PARLEY_TEST_PG) it is rewritten before it runs
// (tests/support/postgres-sql.ts).
import { onPostgres } from "./db";
import { postgresSql } from "./postgres-sql";

export function portableSql(sql: string): string {
  return onPostgres ? postgresSql(sql) : sql;
}
