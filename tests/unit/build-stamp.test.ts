// Several app servers (issue 10, item 4; docs/decisions/026): forms find their server action by
// an id that `next build` salts with NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, so a build made under
// another key (or none) must count as stale and be made again by `npm start`.
import { afterEach, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { actionsKeyProblem, sourcesDigest } from "../../scripts/build-stamp.mjs";

const saved = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
afterEach(() => {
  if (saved === undefined) delete process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
  else process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = saved;
});

describe("the build stamp", () => {
  it("changes with NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, and never contains it", () => {
    delete process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
    const without = sourcesDigest();
    const key = Buffer.alloc(32, 1).toString("base64");
    process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = key;
    const withKey = sourcesDigest();
    process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = Buffer.alloc(32, 2).toString("base64");
    const withOtherKey = sourcesDigest();
    expect(new Set([without, withKey, withOtherKey]).size).toBe(3);
    expect(withKey).not.toContain(key);
    process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = key;
    expect(sourcesDigest()).toBe(withKey);
  });
});

describe("serving a build under another NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", () => {
  const built = Buffer.alloc(32, 3).toString("base64");
  const distDir = mkdtempSync(join(tmpdir(), "parley-build-"));
  mkdirSync(join(distDir, "server"));
  writeFileSync(join(distDir, "server", "server-reference-manifest.json"), JSON.stringify({ node: {}, edge: {}, encryptionKey: built }));

  it("is refused with a message naming the variable", () => {
    expect(actionsKeyProblem(distDir, { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 4).toString("base64") })).toMatch(/NEXT_SERVER_ACTIONS_ENCRYPTION_KEY/);
  });
  it("is fine with the build's own key, with no key set (Next uses the build's), or with no build yet", () => {
    expect(actionsKeyProblem(distDir, { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: built })).toBeNull();
    expect(actionsKeyProblem(distDir, {})).toBeNull();
    expect(actionsKeyProblem(join(distDir, "missing"), { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: built })).toBeNull();
  });
});
