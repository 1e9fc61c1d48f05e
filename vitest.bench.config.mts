// Benchmarks that print figures (npm run bench:search): the test suite's config with only
// tests/bench included, which the suite itself never runs.
import { defineConfig } from "vitest/config";
import base from "./vitest.config.mts";

export default defineConfig({
  ...base,
  test: { ...base.test, include: ["tests/bench/**/*.test.ts"], testTimeout: 600_000 },
});
