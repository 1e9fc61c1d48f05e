import "server-only";
import pino from "pino";
import { REQUEST_PATH_HEADER } from "@/lib/request-path";
import { env } from "./env";

// The server log: one JSON object per line on stdout (pino), for a process manager or a log
// shipper to collect. Two kinds of event are logged everywhere they happen:
// - "request.error": an unexpected error while rendering or running an action
//   (instrumentation.ts onRequestError);
// - "write.refused": a write that was refused, with who (user id or "anonymous"), what (method,
//   path, action id) and why (a reason code and the message the user saw), never the values.
// Passwords, session tokens, cookies and request bodies are never logged: callers log no
// values, and the redact list below censors those keys should one slip into a logged object.

export const REDACT = [
  "password",
  "*.password",
  "newPassword",
  "*.newPassword",
  "currentPassword",
  "*.currentPassword",
  "token",
  "*.token",
  "cookie",
  "*.cookie",
  "headers.cookie",
  "headers.authorization",
  "headers[\"set-cookie\"]",
  "authorization",
  "body",
  "*.body",
  "values",
  "*.values",
];

// Lines go through `sink` so that a test can read them (captureLog); stdout otherwise.
let write: (line: string) => void = (line) => {
  process.stdout.write(line);
};
const sink = { write: (line: string) => write(line) };

function createLogger() {
  return pino(
    {
      level: env().logLevel,
      base: { app: "parley" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
    },
    sink,
  );
}

const globalForLog = globalThis as unknown as { parleyLog?: pino.Logger };
export function log(): pino.Logger {
  globalForLog.parleyLog ??= createLogger();
  const level = env().logLevel;
  if (globalForLog.parleyLog.level !== level) globalForLog.parleyLog.level = level;
  return globalForLog.parleyLog;
}

/** For tests: collect the log's lines until the returned function is called. */
export function captureLog(): { lines: () => Array<Record<string, unknown>>; raw: () => string; stop: () => void } {
  const previous = write;
  const captured: string[] = [];
  write = (line) => {
    captured.push(line);
  };
  return {
    raw: () => captured.join(""),
    lines: () => captured.map((l) => JSON.parse(l) as Record<string, unknown>),
    stop: () => {
      write = previous;
    },
  };
}

export type RefusalReason = "cross-origin" | "signed-out" | "role" | "invalid" | "conflict" | "not-found" | "not-a-form";

export interface RefusedWrite {
  /** The user id, or "anonymous". */
  who: string;
  /** The request: method, path and Next's action id. */
  what: { method?: string; path?: string; action?: string };
  why: RefusalReason;
  /** The message the user was shown. */
  message?: string;
  /** For invalid input: the names of the fields that were refused (never their values). */
  fields?: string[];
}

export function logRefusedWrite(event: RefusedWrite): void {
  log().warn({ event: "write.refused", ...event }, `write refused: ${event.why}`);
}

/** What a request is, for the log: from headers only (the proxy adds path and method). */
export function requestTarget(h: Headers): RefusedWrite["what"] {
  const what: RefusedWrite["what"] = {};
  const method = h.get("x-parley-method");
  const path = h.get(REQUEST_PATH_HEADER);
  const action = h.get("next-action");
  if (method) what.method = method.slice(0, 10);
  if (path) what.path = path.slice(0, 300);
  if (action) what.action = action.slice(0, 100);
  return what;
}

/**
 * An unexpected error while serving a request (instrumentation.ts onRequestError): the error,
 * the method and path, the kind of route. Never the headers (cookies) or the body.
 */
export function logRequestError(
  error: unknown,
  request: { path: string; method: string },
  context: { routerKind?: string; routePath?: string; routeType?: string },
): void {
  const err = error instanceof Error ? error : new Error(String(error));
  const digest = (error as { digest?: unknown } | null)?.digest;
  log().error(
    {
      event: "request.error",
      error: { name: err.name, message: err.message.slice(0, 2000), stack: err.stack, digest: typeof digest === "string" ? digest : undefined },
      method: request.method,
      path: request.path.split("?")[0]?.slice(0, 300),
      route: context.routePath,
      routeType: context.routeType,
    },
    `unexpected error: ${err.message.slice(0, 200)}`,
  );
}
