import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// The command-line scripts (npm run export / import, scripts/*.mts) read and write the database
// directly, as the person who runs them on the machine that holds it: there is no request, no
// session and no account to check. They run their work inside runAsTrustedScript(), and the read
// check (server/session.ts requireReader) lets exactly that work through. The trust lives in an
// async context, not in a module-level flag: a web request never runs inside it, even in a
// process that imported this module, so the check for web requests is unchanged
// (tests/db/reading-access.test.ts). Only scripts/ may call runAsTrustedScript
// (tests/db/cli-scripts.test.ts checks that no other code does).

// One store per process, kept on globalThis: tsx loads a script's .mts imports as ES modules and
// the server's .ts files as CommonJS, so this module can be loaded twice in one script.
const KEY = Symbol.for("parley.trustedScript");
const holder = globalThis as { [KEY]?: AsyncLocalStorage<true> };
const trusted = (holder[KEY] ??= new AsyncLocalStorage<true>());

/** Runs a command-line script's work as trusted: the read check lets it through. */
export function runAsTrustedScript<T>(work: () => Promise<T>): Promise<T> {
  return trusted.run(true, work);
}

/** Is this code running inside a command-line script's trusted work? */
export function inTrustedScript(): boolean {
  return trusted.getStore() === true;
}
