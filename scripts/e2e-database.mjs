// Which database an end-to-end test server uses (scripts/e2e-server.mjs) and the specs that read
// or seed it directly (tests/e2e/db.ts): one rule, so both always name the same one.
// A postgres(ql):// DATABASE_URL: that PostgreSQL database (the private server: the same name with
// `_private`); anything else: a SQLite file under tests/.tmp (docs/decisions/023).
import { isPostgres } from "./database-kind.mjs";

/** The e2e database of the public server, or with `isPrivate` of the private one: { url, file? }. */
export function e2eDatabase(isPrivate, databaseUrl = process.env.DATABASE_URL) {
  if (isPostgres(databaseUrl)) {
    const url = new URL(databaseUrl);
    if (isPrivate) url.pathname += "_private";
    return { url: url.toString() };
  }
  const file = isPrivate ? "tests/.tmp/e2e-private.db" : "tests/.tmp/e2e.db";
  return { url: `file:./${file}`, file };
}
