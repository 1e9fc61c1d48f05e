// The command-line scripts as a person runs them (README): `npm run export`, `npm run import` and
// `npm run db:locate-quotes` and `npm run suggest`, each a child process against a real database. They load the query
// functions outside Next's server build, where next/navigation failed at load ("React.createContext
// is not a function"), and they have no request to pass the read check with: they run as a trusted
// script (server/trusted-script.ts), which the web's read check never sees
// (tests/db/reading-access.test.ts pins that check).
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../support/db";
import { loadDemo } from "@/prisma/seed";
import { gaza2024 } from "@/prisma/demo/gaza-2024";
import { getDb } from "@/server/db";

const TIMEOUT = 120_000;
let dir: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run <script> -- <args>` in a child process, on the database at `url`. */
function npmRun(url: string, script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["run", "--silent", script, "--", ...args],
      { cwd: process.cwd(), env: { ...process.env, DATABASE_URL: url, ...env }, timeout: TIMEOUT, maxBuffer: 50 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "parley-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("command-line scripts run outside Next (export, import, db:locate-quotes)", () => {
  it(
    "exports the demo negotiation to JSON, imports it into a fresh database, and the second export is the same bytes",
    async () => {
      useFreshDatabase();
      await loadDemo(gaza2024);
      const first = process.env.DATABASE_URL!;
      const file = join(dir, "demo.json");
      // Public reading off, as on a private deployment: the script is let through as trusted, not as an anonymous reader.
      const exported = await npmRun(first, "export", ["--negotiation", gaza2024.slug, "--out", file], { PARLEY_PUBLIC_READ: "off" });
      expect(exported.stderr).not.toContain("createContext");
      expect(exported).toMatchObject({ code: 0 });
      const text = readFileSync(file, "utf8");
      expect((JSON.parse(text) as { entries: unknown[] }).entries.length).toBeGreaterThan(50);

      useFreshDatabase();
      const second = process.env.DATABASE_URL!;
      const imported = await npmRun(second, "import", [file]);
      expect(imported.stderr).toBe("");
      expect(imported.code).toBe(0);
      expect(imported.stdout).toMatch(/^Imported into “gaza-ceasefire-2024”/);
      const db = await getDb();
      expect(await db.positionEntry.count()).toBe((JSON.parse(text) as { entries: unknown[] }).entries.length);

      const again = await npmRun(second, "export", ["--negotiation", gaza2024.slug], { PARLEY_PUBLIC_READ: "off" });
      expect(again.code).toBe(0);
      expect(again.stdout).toBe(text);
    },
    TIMEOUT * 3,
  );

  it(
    "db:locate-quotes places the quotes of entries stored without their positions",
    async () => {
      const db = await getDb();
      const quoted = await db.positionEntry.count({ where: { quoteStart: { not: null } } });
      expect(quoted).toBeGreaterThan(10);
      await db.positionEntry.updateMany({ data: { quoteStart: null, quoteEnd: null } });
      const located = await npmRun(process.env.DATABASE_URL!, "db:locate-quotes", []);
      expect(located.stderr).toBe("");
      expect(located.code).toBe(0);
      expect(located.stdout).toMatch(/placed \d+/);
      expect(await db.positionEntry.count({ where: { quoteStart: { not: null } } })).toBe(quoted);
    },
    TIMEOUT,
  );

  it(
    "npm run suggest prints the suggested positions of an article, as JSON with names, offsets and confidence",
    async () => {
      useFreshDatabase();
      await loadDemo(gaza2024);
      const url = process.env.DATABASE_URL!;
      const seed = gaza2024.sources.find((s) => s.text)!.text!;
      const file = join(dir, "seed.txt");
      writeFileSync(file, seed);
      const run = await npmRun(url, "suggest", ["--negotiation", gaza2024.slug, "--file", file, "--json"], { PARLEY_PUBLIC_READ: "off" });
      expect(run.code).toBe(0);
      const rows = JSON.parse(run.stdout) as Array<{ parties: string[]; issue: string; stance: string; firmness: string | null; quote: string; start: number; end: number; confidence: number }>;
      expect(rows.length).toBeGreaterThan(3);
      for (const row of rows) {
        expect(Object.keys(row).sort()).toEqual(["confidence", "end", "firmness", "issue", "parties", "quote", "stance", "start"]);
        expect(seed.slice(row.start, row.end)).toBe(row.quote);
      }
      // The seed's joint statement: Hamas and Islamic Jihad demand the blockade's end, by their names.
      expect(rows).toContainEqual(expect.objectContaining({ parties: ["Hamas", "Palestinian Islamic Jihad"], issue: "Blockade", stance: "demands" }));
      expect(run.stderr).toMatch(/suggestions by rules for Gaza ceasefire talks/);

      const plain = await npmRun(url, "suggest", ["--negotiation", gaza2024.slug, "--file", file]);
      expect(plain.code).toBe(0);
      expect(plain.stdout).toMatch(/^1\. .+ · .+ · \w+/);

      const unknown = await npmRun(url, "suggest", ["--negotiation", "no-such-talks", "--file", file]);
      expect(unknown).toMatchObject({ code: 1, stdout: "" });
      expect(unknown.stderr).toContain("No negotiation has the short name “no-such-talks”");
      const missing = await npmRun(url, "suggest", ["--negotiation", gaza2024.slug, "--file", join(dir, "absent.txt")]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("Cannot read");
    },
    TIMEOUT * 2,
  );

  it("only the scripts run as trusted: no page, action, query or component calls runAsTrustedScript", () => {
    const callers: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "generated" && entry.name !== "node_modules") walk(path);
        } else if (/\.(ts|tsx|mts|mjs|js)$/.test(entry.name) && readFileSync(path, "utf8").includes("runAsTrustedScript")) callers.push(path);
      }
    };
    for (const folder of ["app", "server", "components", "lib", "proxy.ts"].map((f) => join(process.cwd(), f))) {
      if (folder.endsWith(".ts")) {
        if (readFileSync(folder, "utf8").includes("runAsTrustedScript")) callers.push(folder);
      } else walk(folder);
    }
    expect(callers.map((p) => p.slice(process.cwd().length + 1))).toEqual(["server/trusted-script.ts"]);
  });
});
