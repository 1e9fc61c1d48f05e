// Several app servers (issue 10, item 4; docs/decisions/026): forms find their server action by
// an id that `next build` salts with NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, so a build made under
// another key (or none) must count as stale and be made again by `npm start`.
import { afterEach, describe, expect, it } from "vitest";
import { sourcesDigest } from "../../scripts/build-stamp.mjs";

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
