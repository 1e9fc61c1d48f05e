import { defineConfig } from "@playwright/test";
import baseConfig from "./playwright.config";

// `npm run test:multi`: two app servers from one build, sharing one database and one set of
// secrets, behind a load balancer that sends requests to them in turn (README, "Running several
// app servers"). The database follows DATABASE_URL: PostgreSQL when it is a postgresql:// URL
// (the test uses its own database, multi_e2e, on that server), else a SQLite file that both
// processes open (WAL).
const BALANCER_PORT = Number(process.env.E2E_PORT ?? 3200);
const PORTS = { a: BALANCER_PORT + 1, b: BALANCER_PORT + 2 };
const ORIGIN = `http://127.0.0.1:${BALANCER_PORT}`;

function multiDatabaseUrl(): string {
  const url = process.env.DATABASE_URL ?? "";
  if (!/^postgres(ql)?:\/\//.test(url)) return "file:./tests/.tmp/multi.db";
  const u = new URL(url);
  u.pathname = "/multi_e2e";
  return u.toString();
}

/** What every app server shares: the database, the address people use, and both secrets. */
const shared = {
  MULTI_DATABASE_URL: multiDatabaseUrl(),
  PARLEY_URL: ORIGIN,
  // The balancer appends the client's address to X-Forwarded-For (docs/decisions/008).
  PARLEY_TRUSTED_PROXIES: "1",
  // Test-only values (like the e2e accounts' password): a deployment generates its own with
  // `openssl rand -base64 32`. A fixed actions key keeps the build from being remade each run.
  BETTER_AUTH_SECRET: "multi-e2e-auth-secret-0123456789abcdef",
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "bXVsdGktZTJlLWFjdGlvbnMta2V5LTAxMjM0NTY3ODk=",
};

/** One app server: "first" makes the database and the build, "second" joins them. */
function appServer(instance: "first" | "second", port: number, timeout: number) {
  return {
    command: "node scripts/multi-server.mjs",
    url: `http://127.0.0.1:${port}/sign-in`,
    env: { ...shared, MULTI_INSTANCE: instance, MULTI_PORT: String(port), PARLEY_HOSTS: `127.0.0.1:${port}` },
    reuseExistingServer: false,
    timeout,
    stdout: "pipe" as const,
  };
}

export default defineConfig({
  ...baseConfig,
  testDir: "tests/multi",
  testIgnore: [],
  use: { ...baseConfig.use, baseURL: ORIGIN },
  // Each server also answers at its own address (PARLEY_HOSTS), as a balancer's health check
  // reaches it. Started in this order, one after the other: the second server reuses the first
  // one's build and database; the balancer comes last.
  webServer: [
    // next build runs first; on a loaded 2-core machine it has taken close to 4 minutes.
    appServer("first", PORTS.a, 600_000),
    appServer("second", PORTS.b, 240_000),
    {
      command: `node tests/multi/balancer.mjs ${BALANCER_PORT}`,
      url: `${ORIGIN}/sign-in`,
      env: { MULTI_BACKENDS: `a=127.0.0.1:${PORTS.a},b=127.0.0.1:${PORTS.b}` },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
