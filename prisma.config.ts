import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { DEFAULT_DATABASE_URL, databaseKind } from "./lib/database-url";

// The CLI (migrate deploy, generate) uses the JavaScript schema engine through a driver adapter:
// the native engines cannot be downloaded on our machines (docs/decisions/001-stack-offline.md).
// DATABASE_URL picks the store: a file: URL is SQLite (prisma/schema.prisma and its
// migrations), postgres(ql):// is PostgreSQL (the derived prisma/postgres/schema.prisma and
// its own migration history; docs/decisions/023-postgresql-beside-sqlite.md).
process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;
const url = process.env.DATABASE_URL;
const postgres = databaseKind(url) === "postgres";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgres/migrations" : "prisma/migrations" },
  adapter: async () => (postgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url })),
});
