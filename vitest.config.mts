import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside React's server build; tests call server modules directly.
      "server-only": fileURLToPath(new URL("./tests/support/empty.ts", import.meta.url)),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/db/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    // Database tests share one migrated template file, copied per worker (tests/support/db.ts).
    pool: "forks",
    // The server log (server/log.ts) stays quiet in tests; tests/db/server-log.test.ts turns it on.
    env: { PARLEY_LOG_LEVEL: "silent" },
  },
});
