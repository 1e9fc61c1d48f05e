/** Where the SQLite file lives when DATABASE_URL is not set: relative to the project root. */
export const DEFAULT_DATABASE_URL = "file:./data/parley.db";

/** The two stores Parley runs on (docs/decisions/023-postgresql-beside-sqlite.md). */
export type DatabaseKind = "sqlite" | "postgres";

/** A PostgreSQL server URL: postgres:// or postgresql:// (anything else is a SQLite file URL). */
export const POSTGRES_URL = /^postgres(?:ql)?:\/\/.+/i;

/** Which store a DATABASE_URL names: `file:` is SQLite, `postgres(ql)://` PostgreSQL. */
export function databaseKind(url: string): DatabaseKind {
  return POSTGRES_URL.test(url.trim()) ? "postgres" : "sqlite";
}
