import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";
import { E2E_PAGE_PORT } from "./tests/support/page-server";

// Debian's Chromium: Playwright's own browser download does not work on our machines (STACK.md).
const chromium = "/usr/bin/chromium";
const PORT = Number(process.env.E2E_PORT ?? 3100);
/** A second server, a private deployment (PARLEY_PUBLIC_READ=off): tests/e2e/private-read.spec.ts. */
const PRIVATE_PORT = Number(process.env.E2E_PRIVATE_PORT ?? PORT + 1);

export default defineConfig({
  testDir: "tests/e2e",
  // The screenshot spec documents pages for people to look at; it runs only when asked for.
  testIgnore: process.env.SCREENSHOTS ? [] : ["**/screenshots.spec.ts"],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: existsSync(chromium)
      ? {
          executablePath: chromium,
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        }
      : {},
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } }],
  // Started in this order, one after the other: the private server reuses the public one's build.
  webServer: [
    {
      // A fresh database for every run, with the demo loaded, served by the production build.
      command: `node scripts/e2e-server.mjs`,
      url: `http://127.0.0.1:${PORT}/`,
      // "Fetch from URL" may reach the test page server (tests/e2e/fetch-source.spec.ts) and
      // nothing else on loopback (docs/decisions/015).
      env: { E2E_PORT: String(PORT), PARLEY_FETCH_ALLOW: `127.0.0.1:${E2E_PAGE_PORT}` },
      reuseExistingServer: false,
      // next build runs first; on a loaded 2-core machine it has taken close to 4 minutes.
      timeout: 600_000,
      stdout: "pipe",
    },
    {
      // The same app as a private deployment: anonymous visitors are sent to sign in.
      command: `node scripts/e2e-server.mjs`,
      url: `http://127.0.0.1:${PRIVATE_PORT}/sign-in`,
      env: { E2E_PORT: String(PRIVATE_PORT), E2E_PRIVATE: "1" },
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "pipe",
    },
  ],
});
