// Finding 22 (and 5) of issue 7: the configuration is validated in one place (lib/env.ts), a
// malformed value is named, and the app's own origins come only from it.
import { describe, expect, it } from "vitest";
import { EnvError, appOrigins, parseEnv } from "@/lib/env";
import { databaseKind } from "@/lib/database-url";

const problemsOf = (source: Record<string, string>) => {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems;
  }
};

describe("parseEnv", () => {
  it("fails on PARLEY_URL=not-a-url with a message naming PARLEY_URL", () => {
    expect(() => parseEnv({ PARLEY_URL: "not-a-url" })).toThrow(/PARLEY_URL/);
    expect(problemsOf({ PARLEY_URL: "not-a-url" })).toEqual([expect.stringContaining("PARLEY_URL")]);
  });
  it.each([
    ["PARLEY_URL", "ftp://parley.example.org"],
    ["PARLEY_URL", "https://parley.example.org/app"],
    ["PARLEY_URL", "https://user:pw@parley.example.org"],
    ["PARLEY_HOSTS", "parley.example.org,not a host"],
    ["PARLEY_HOSTS", "*.example.org"],
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["PARLEY_PUBLIC_READ", "of"],
    ["PARLEY_RATE_LIMIT", "disabled"],
    ["PARLEY_DEMO", "no"],
    ["DATABASE_URL", "mysql://localhost/parley"],
    ["DATABASE_URL", "./data/parley.db"],
    ["BETTER_AUTH_SECRET", "short"],
    ["NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", "not base64!"],
    ["NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", Buffer.alloc(20).toString("base64")],
    ["NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", "a".repeat(44)],
    ["PARLEY_LOG_LEVEL", "loud"],
    ["PARLEY_SUGGEST_MODEL_TIMEOUT_MS", "999"],
    ["PARLEY_SUGGEST_MODEL_TIMEOUT_MS", "300001"],
    ["PARLEY_SUGGEST_MODEL_TIMEOUT_MS", "20s"],
  ])("names %s when it is %j", (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
  });
  it("DATABASE_URL chooses the store: a file: URL is SQLite, postgres:// or postgresql:// is PostgreSQL (decision 023)", () => {
    for (const url of ["file:./data/parley.db", "postgres://parley:parley@127.0.0.1:5432/parley", "postgresql://parley@db.example.org/parley?sslmode=require"]) {
      expect(parseEnv({ DATABASE_URL: url }).databaseUrl).toBe(url);
    }
    expect(databaseKind("file:./data/parley.db")).toBe("sqlite");
    expect(databaseKind("postgres://h/p")).toBe("postgres");
    expect(databaseKind("POSTGRESQL://h/p")).toBe("postgres");
  });
  it("takes a NEXT_SERVER_ACTIONS_ENCRYPTION_KEY of 16, 24 or 32 bytes in base64 (several app servers share it)", () => {
    for (const bytes of [16, 24, 32]) {
      expect(problemsOf({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(bytes, 7).toString("base64") })).toEqual([]);
    }
  });
  it("names every bad variable at once", () => {
    expect(problemsOf({ PARLEY_URL: "x", PORT: "y" }).join("\n")).toMatch(/PARLEY_URL[\s\S]*PORT/);
  });
  it("has defaults for the local demo; empty counts as unset", () => {
    const env = parseEnv({ PARLEY_URL: "", PORT: "" });
    expect(env).toMatchObject({
      databaseUrl: "file:./data/parley.db",
      authSecret: null,
      secretFile: "data/auth-secret",
      port: 3000,
      publicRead: true,
      rateLimit: true,
      demo: true,
      secure: false,
      logLevel: "info",
    });
    expect(env.origins).toEqual(["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"]);
    expect(env.hosts).toEqual(["localhost:3000", "127.0.0.1:3000", "[::1]:3000"]);
  });
  it("reads on/off in any case", () => {
    expect(parseEnv({ PARLEY_PUBLIC_READ: "OFF", PARLEY_RATE_LIMIT: "Off", PARLEY_DEMO: "off" })).toMatchObject({ publicRead: false, rateLimit: false, demo: false });
  });
});

describe("the app's own origins (issue 7, finding 5)", () => {
  it("without PARLEY_URL: loopback at PORT only, never another port", () => {
    const { origins, hosts } = parseEnv({ PORT: "3130" });
    expect(origins).toEqual(["http://localhost:3130", "http://127.0.0.1:3130", "http://[::1]:3130"]);
    expect(origins).not.toContain("http://localhost:9999");
    expect(hosts).not.toContain("localhost");
  });
  it("with PARLEY_URL: that origin and PARLEY_HOSTS, and no loopback", () => {
    const env = parseEnv({ PARLEY_URL: "https://parley.example.org", PARLEY_HOSTS: "www.parley.example.org, http://10.0.0.5:3000", PORT: "3000" });
    expect(env.origins).toEqual(["https://parley.example.org", "https://www.parley.example.org", "http://10.0.0.5:3000"]);
    expect(env.hosts).toEqual(["parley.example.org", "www.parley.example.org", "10.0.0.5:3000"]);
    expect(env.secure).toBe(true);
  });
  it("appOrigins normalises a PARLEY_URL with a trailing slash or default port", () => {
    expect(appOrigins({ url: "https://parley.example.org:443/" })).toEqual(["https://parley.example.org"]);
  });

  describe("the optional model for suggested positions (issue 12, item 3; docs/decisions/034)", () => {
    const model = { PARLEY_SUGGEST_MODEL_URL: "http://127.0.0.1:8080/v1/", PARLEY_SUGGEST_MODEL: "qwen2.5-7b-instruct" };
    it("is off unless configured", () => {
      expect(parseEnv({}).suggestModel).toBeNull();
    });
    it("reads the base URL (trailing slash dropped), the name, the key and the timeout (20 s by default)", () => {
      expect(parseEnv(model).suggestModel).toEqual({ url: "http://127.0.0.1:8080/v1", model: "qwen2.5-7b-instruct", key: null, timeoutMs: 20_000 });
      expect(parseEnv({ ...model, PARLEY_SUGGEST_MODEL_KEY: "sk-local", PARLEY_SUGGEST_MODEL_TIMEOUT_MS: "1000" }).suggestModel).toMatchObject({ key: "sk-local", timeoutMs: 1000 });
      expect(parseEnv({ ...model, PARLEY_SUGGEST_MODEL_TIMEOUT_MS: "300000" }).suggestModel?.timeoutMs).toBe(300_000);
      expect(parseEnv({ ...model, PARLEY_SUGGEST_MODEL_URL: "https://models.example.org" }).suggestModel?.url).toBe("https://models.example.org");
    });
    it.each(["ftp://127.0.0.1/v1", "127.0.0.1:8080", "http://user:pw@127.0.0.1:8080/v1", "http://127.0.0.1:8080/v1?x=1", "http://127.0.0.1:8080/v1#a"])(
      "refuses PARLEY_SUGGEST_MODEL_URL=%j, naming it",
      (url) => {
        expect(problemsOf({ ...model, PARLEY_SUGGEST_MODEL_URL: url })).toEqual([expect.stringContaining("PARLEY_SUGGEST_MODEL_URL")]);
      },
    );
    it("wants both the URL and the name, or neither: the missing one is named", () => {
      expect(problemsOf({ PARLEY_SUGGEST_MODEL_URL: model.PARLEY_SUGGEST_MODEL_URL })).toEqual([expect.stringMatching(/^PARLEY_SUGGEST_MODEL is not set/)]);
      expect(problemsOf({ PARLEY_SUGGEST_MODEL: model.PARLEY_SUGGEST_MODEL })).toEqual([expect.stringMatching(/^PARLEY_SUGGEST_MODEL_URL is not set/)]);
      expect(problemsOf({ ...model, PARLEY_SUGGEST_MODEL: "   " })).toEqual([expect.stringContaining("PARLEY_SUGGEST_MODEL")]);
      // Reported together with the other mistakes.
      expect(problemsOf({ PARLEY_SUGGEST_MODEL: "m", PORT: "y" })).toHaveLength(2);
    });
  });
});
