// Which store a DATABASE_URL names, for plain node (lib/database-url.ts databaseKind for the app).
// A module of its own, without top-level await, so the end-to-end specs can load it
// (tests/e2e/db.ts through scripts/e2e-database.mjs).
const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

export const isPostgres = (url) => POSTGRES_URL.test(url ?? "");
