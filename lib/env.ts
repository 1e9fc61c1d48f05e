// Parley's whole configuration: every environment variable the app reads, validated at once
// with zod. server/env.ts reads process.env through this in the app; scripts/setup.mjs checks
// it before `npm start` does anything, so a malformed value stops the start with a message that
// names the variable instead of surfacing later as a 500 on every write. Each variable is
// documented in the README ("Configuration").
import { z } from "zod";
import { DEFAULT_DATABASE_URL, POSTGRES_URL } from "./database-url";
import { parseTrustedProxies } from "./client-address";
import { parseAllowList, type AllowedNetwork } from "./fetch-guard";

const onOff = (name: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(["on", "off"], { error: `${name} must be "on" or "off".` }))
    .optional();

/** A host Parley answers as: `name`, `name:port`, `[v6]:port` (no scheme, path or wildcard). */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** A whole number written in digits, from min to max; `message` names the variable. */
const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{1,${String(max).length}}$`), message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message)
    .optional();

/** An http or https URL with no user, password, query or fragment, or null. */
function plainHttpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (url.username || url.password || url.search || url.hash) return null;
    return url;
  } catch {
    return null;
  }
}

function httpOrigin(value: string): string | null {
  const url = plainHttpUrl(value);
  return url && (url.pathname === "/" || url.pathname === "") ? url.origin : null;
}

/** A base64 string that decodes to 16, 24 or 32 bytes: what Next's AES-GCM import accepts. */
export function isAesKeyBase64(value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  return [16, 24, 32].includes(atob(value).length);
}

export const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .refine(
      (v) => /^file:.+/.test(v) || POSTGRES_URL.test(v),
      "DATABASE_URL must be a SQLite file URL such as file:./data/parley.db or a PostgreSQL URL such as postgresql://user:password@host:5432/parley.",
    )
    .optional(),
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters (e.g. openssl rand -base64 32).").optional(),
  // Read by Next itself (at build time it salts the server actions' ids, at run time it
  // encrypts their bound values); checked here because Next only finds a malformed key at the
  // first form a person sends. Several app servers share it (README, "Running several app servers").
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
    .string()
    .refine(
      isAesKeyBase64,
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be a base64 AES key of 16, 24 or 32 bytes (e.g. openssl rand -base64 32).",
    )
    .optional(),
  PARLEY_SECRET_FILE: z.string().trim().min(1).optional(),
  PARLEY_URL: z
    .string()
    .trim()
    .refine((v) => httpOrigin(v) !== null, "PARLEY_URL must be the app's address, e.g. https://parley.example.org (http or https, no path).")
    .optional(),
  PARLEY_HOSTS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const items = (v ?? "").split(",").map((h) => h.trim()).filter(Boolean);
      for (const item of items) {
        if (!HOST.test(item) && httpOrigin(item) === null) {
          ctx.addIssue({ code: "custom", message: `PARLEY_HOSTS: "${item}" is not a host name (parley.example.org, host:port) or an origin (https://host).` });
        }
      }
      return items;
    }),
  PORT: wholeNumber(1, 65535, "PORT must be a port number (1-65535)."),
  PARLEY_TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      try {
        return parseTrustedProxies(v);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  PARLEY_FETCH_ALLOW: z
    .string()
    .optional()
    .transform((v, ctx) => {
      try {
        return parseAllowList(v);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  PARLEY_PUBLIC_READ: onOff("PARLEY_PUBLIC_READ"),
  PARLEY_RATE_LIMIT: onOff("PARLEY_RATE_LIMIT"),
  PARLEY_DEMO: onOff("PARLEY_DEMO"),
  PARLEY_LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "PARLEY_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent.",
    })
    .optional(),
  // The optional model for suggested positions (docs/decisions/034): an OpenAI-compatible API's
  // base URL and a model name, both or neither (checked in parseEnv, which sees both).
  PARLEY_SUGGEST_MODEL_URL: z
    .string()
    .trim()
    .refine(
      (v) => modelBaseUrl(v) !== null,
      "PARLEY_SUGGEST_MODEL_URL must be the base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:8080/v1 (http or https, no user, query or fragment).",
    )
    .transform((v) => modelBaseUrl(v)!)
    .optional(),
  PARLEY_SUGGEST_MODEL: z.string().trim().min(1, "PARLEY_SUGGEST_MODEL must be the model's name.").max(200, "PARLEY_SUGGEST_MODEL must be a model name of at most 200 characters.").optional(),
  PARLEY_SUGGEST_MODEL_KEY: z.string().trim().optional(),
  PARLEY_SUGGEST_MODEL_TIMEOUT_MS: wholeNumber(1000, 300_000, "PARLEY_SUGGEST_MODEL_TIMEOUT_MS must be a number of milliseconds from 1000 to 300000."),
  NODE_ENV: z.string().optional(),
});

/** The base URL of an OpenAI-compatible API without its trailing slash, or null when it is not one. */
function modelBaseUrl(value: string): string | null {
  const url = plainHttpUrl(value);
  return url && `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** The model asked for suggested positions (PARLEY_SUGGEST_MODEL_*), when one is configured. */
export interface SuggestModelConfig {
  /** Base URL of the OpenAI-compatible API, without a trailing slash (…/v1). */
  url: string;
  model: string;
  /** Sent as `Authorization: Bearer <key>` when set. */
  key: string | null;
  timeoutMs: number;
}

export const DEFAULT_SUGGEST_MODEL_TIMEOUT_MS = 20_000;

export interface Env {
  databaseUrl: string;
  authSecret: string | null;
  secretFile: string;
  /** The app's own origins: the only ones whose pages may sign in or write. */
  origins: string[];
  /** The same, as hosts (`host:port`): the only Host headers the app answers. */
  hosts: string[];
  /** Protocol of the configured address: secure cookies when https. */
  secure: boolean;
  port: number;
  /** How many reverse proxies in front of Parley may set X-Forwarded-For (docs/decisions/008). */
  trustedProxies: number;
  /** Non-public networks "Fetch from URL" may reach (docs/decisions/015); none by default. */
  fetchAllow: AllowedNetwork[];
  publicRead: boolean;
  rateLimit: boolean;
  demo: boolean;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** The optional model for suggested positions; null: the rule-based reader only. */
  suggestModel: SuggestModelConfig | null;
  dev: boolean;
}

export const DEFAULT_PORT = 3000;

/** Thrown at start-up; the message names every bad variable. */
export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Parley's configuration is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/**
 * The app's own origins. With PARLEY_URL: that origin and PARLEY_HOSTS (hosts take PARLEY_URL's
 * scheme). Without it (local use, tests): http on loopback at PORT only — never any other port,
 * so another local service cannot sign in or write on the user's behalf.
 */
export function appOrigins(input: { url?: string; hosts?: readonly string[]; port?: number }): string[] {
  const out: string[] = [];
  const scheme = input.url ? new URL(input.url).protocol : "http:";
  if (input.url) out.push(new URL(input.url).origin);
  else {
    const port = input.port ?? DEFAULT_PORT;
    out.push(`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`);
  }
  for (const host of input.hosts ?? []) out.push(host.includes("://") ? new URL(host).origin : new URL(`${scheme}//${host}`).origin);
  return [...new Set(out)];
}

/** Parses the environment, or throws an EnvError naming each variable that is wrong. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable counts as unset (`PARLEY_URL= npm start`).
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  // The model's URL and name go together: one without the other is a mistake, not "no model".
  const pairing = (["PARLEY_SUGGEST_MODEL_URL", "PARLEY_SUGGEST_MODEL"] as const).flatMap((name, i, both) => {
    const other = both[1 - i]!;
    return present[name] === undefined && present[other] !== undefined
      ? [`${name} is not set but ${other} is: set both (the model server's base URL and the model's name) or neither.`]
      : [];
  });
  if (!parsed.success || pairing.length) {
    throw new EnvError([
      ...(parsed.success ? [] : parsed.error.issues).map((issue) => {
        const name = String(issue.path[0] ?? "environment");
        return issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`;
      }),
      ...pairing,
    ]);
  }
  const e = parsed.data;
  const origins = appOrigins({ url: e.PARLEY_URL, hosts: e.PARLEY_HOSTS, port: e.PORT });
  return {
    databaseUrl: e.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    authSecret: e.BETTER_AUTH_SECRET ?? null,
    secretFile: e.PARLEY_SECRET_FILE ?? "data/auth-secret",
    origins,
    hosts: origins.map((o) => new URL(o).host),
    secure: (e.PARLEY_URL ?? "").startsWith("https://"),
    port: e.PORT ?? DEFAULT_PORT,
    trustedProxies: e.PARLEY_TRUSTED_PROXIES ?? 0,
    fetchAllow: e.PARLEY_FETCH_ALLOW ?? [],
    publicRead: (e.PARLEY_PUBLIC_READ ?? "on") === "on",
    rateLimit: (e.PARLEY_RATE_LIMIT ?? "on") === "on",
    demo: (e.PARLEY_DEMO ?? "on") === "on",
    logLevel: e.PARLEY_LOG_LEVEL ?? "info",
    suggestModel:
      e.PARLEY_SUGGEST_MODEL_URL && e.PARLEY_SUGGEST_MODEL
        ? {
            url: e.PARLEY_SUGGEST_MODEL_URL,
            model: e.PARLEY_SUGGEST_MODEL,
            key: e.PARLEY_SUGGEST_MODEL_KEY || null,
            timeoutMs: e.PARLEY_SUGGEST_MODEL_TIMEOUT_MS ?? DEFAULT_SUGGEST_MODEL_TIMEOUT_MS,
          }
        : null,
    dev: e.NODE_ENV === "development",
  };
}

/** The variables parseEnv reads (a cache key: the parsed result changes only when these do). */
export const ENV_NAMES = Object.keys(envSchema.shape) as Array<keyof typeof envSchema.shape>;
