// Whether the production build (.next) is up to date with the sources that go into it: a hash
// of those files, kept beside the build. Shared by scripts/setup.mjs (npm start) and
// scripts/bench.mts (npm run bench), so both rebuild on exactly the same changes.
import { execSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const INPUTS = ["app", "components", "lib", "server", "proxy.ts", "instrumentation.ts", "prisma/schema.prisma", "package-lock.json", "next.config.js", "tsconfig.json"];
const STAMP = ".next/parley-sources.sha256";

/** The hash of every file that goes into the build (generated code left out), and of the actions key. */
export function sourcesDigest() {
  const hash = createHash("sha256");
  const add = (path) => {
    if (!existsSync(path) || path.includes("generated")) return;
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) add(join(path, name));
    else hash.update(path).update(readFileSync(path));
  };
  INPUTS.forEach(add);
  // The server actions' ids are salted with this key at build time (Next embeds it in the
  // build): a build made under another key (or none) answers "Failed to find Server Action" to
  // pages served by a server built with this one. Only its hash goes into the stamp.
  const actionsKey = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? "";
  if (actionsKey) hash.update("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY").update(createHash("sha256").update(actionsKey).digest());
  return hash.digest("hex");
}

/** Runs `next build` when .next is missing or older than the sources (or PARLEY_REBUILD=1). Returns whether it built. */
export function ensureBuild({ stdio = "inherit" } = {}) {
  const digest = sourcesDigest();
  const current = existsSync(STAMP) && existsSync(".next/BUILD_ID") ? readFileSync(STAMP, "utf8") : "";
  if (current === digest && process.env.PARLEY_REBUILD !== "1") return false;
  execSync("npx next build", { stdio, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  writeFileSync(STAMP, digest);
  return true;
}

/**
 * Why the build in `distDir` cannot serve with this NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, or null.
 * Next keeps the key a build was made with in its server-reference-manifest.json and salts the
 * actions' ids with it; a server serving a build made under another key (a stale copy on one
 * of several servers) runs, but the other servers' pages cannot save through it, and Next only
 * says so as "Failed to find Server Action" at the first form. scripts/serve.mjs stops instead.
 */
export function actionsKeyProblem(distDir = ".next", env = process.env) {
  const key = env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
  const manifest = join(distDir, "server", "server-reference-manifest.json");
  if (!key || !existsSync(manifest)) return null;
  const built = JSON.parse(readFileSync(manifest, "utf8")).encryptionKey;
  if (typeof built !== "string" || built === key) return null;
  return "This build was made with another NEXT_SERVER_ACTIONS_ENCRYPTION_KEY than the one set now: forms served by other servers would fail here. Rebuild with this key (npm run setup), or copy the build made with it.";
}
