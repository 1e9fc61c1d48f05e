import "server-only";
import { ENV_NAMES, parseEnv, type Env } from "@/lib/env";

// Every environment variable the app reads goes through here (rules in lib/env.ts). It is
// validated at start-up (instrumentation.ts register(), and scripts/setup.mjs before that), so a
// malformed value stops the server with the variable's name. The parsed result is kept and
// re-parsed only if one of the variables changes (tests switch settings between cases).

let cached: { key: string; env: Env } | null = null;

export function env(): Env {
  const key = ENV_NAMES.map((name) => `${name}=${process.env[name] ?? ""}`).join("\0");
  if (cached?.key !== key) cached = { key, env: parseEnv(process.env) };
  return cached.env;
}
