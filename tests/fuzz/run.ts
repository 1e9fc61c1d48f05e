// npm run test:fuzz — malformed values against every route, every query parameter and every
// form action's fields, as anonymous, viewer and editor, on a production server (next start)
// on 127.0.0.1 with its own demo database. Counts responses by status; fails if any is a 5xx
// (or a request times out). Bounded: FUZZ_MAX requests (default 4000), FUZZ_SECONDS (default
// 600). Traffic goes only to 127.0.0.1.
import { execSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import Database from "better-sqlite3";
import { HOST, startServer, stopServer } from "../stress/server";
import { callAction, exportedActionNames, formData, signInCookie } from "../support/http-actions";
import { E2E_PASSWORD, E2E_USERS } from "../../scripts/e2e-users.mjs";

const PORT = Number(process.env.FUZZ_PORT ?? 3450);
const MAX = Number(process.env.FUZZ_MAX ?? 4000);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 600);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 4);
const DB_FILE = "tests/.tmp/fuzz.db";
const SLUG = "gaza-ceasefire-2024";

// Values a hostile or careless client sends. Each is used raw in forms and percent-encoded in
// URLs; RAW_SEGMENTS go into paths unencoded (invalid escapes included).
const BAD: string[] = [
  "",
  " ",
  "0",
  "-1",
  "1.5",
  "2147483648",
  "99999999999999999999999",
  "1e309",
  "NaN",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "'; DROP TABLE \"Party\"; --",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "//evil.example",
  "/\t/evil.example",
  "https://evil.example",
  "javascript:alert(1)",
  "2024-02-30",
  "2024-13-01",
  "0000-01-15",
  "9999-12-31",
  "24-08-25",
  "2024-08-25T00:00:00Z",
  "a\u202Eexe.txt",
  "\u200B",
  "\u0000",
  "\uFFFD",
  "قال الوفد",
  "👩‍👩‍👧",
  "x".repeat(3000),
  "x".repeat(70_000),
];
const RAW_SEGMENTS = ["%FF", "%", "%E2%80", "%C0%AF", "%00", "%2e%2e", "%252F", "..%2F..%2F"];

type Who = "anonymous" | "viewer" | "editor";
const WHO: readonly Who[] = ["anonymous", "viewer", "editor"];

interface Probe {
  label: string;
  who: Who;
  run: (cookie: string | undefined) => Promise<number>;
}

function get(path: string, cookie: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: HOST, port: PORT, path, method: "GET", headers: cookie ? { Cookie: cookie } : {}, timeout: 60_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (error: NodeJS.ErrnoException) => {
      // Node's HTTP server refuses a request line over its 16 KB header limit with 431 and
      // closes the connection; the client may see the reset before the status.
      if (error.code === "ECONNRESET" && path.length > 16 * 1024) resolve(431);
      else reject(error);
    });
    req.end();
  });
}

function setUp() {
  mkdirSync("tests/.tmp", { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(DB_FILE + suffix, { force: true });
  const env = { ...process.env, DATABASE_URL: `file:./${DB_FILE}`, NEXT_TELEMETRY_DISABLED: "1", PARLEY_SECRET_FILE: "tests/.tmp/fuzz-auth-secret" };
  execSync("node scripts/setup.mjs", { stdio: "inherit", env });
  for (const user of E2E_USERS) {
    execSync(`npm run --silent user:create -- --email ${user.email} --name "${user.name}" --role ${user.role}`, { stdio: "inherit", env: { ...env, PARLEY_PASSWORD: E2E_PASSWORD } });
  }
  return env;
}

function ids() {
  const db = new Database(DB_FILE, { readonly: true });
  try {
    const n = db.prepare(`SELECT id FROM Negotiation WHERE slug = ?`).get(SLUG) as { id: number };
    const one = (table: string) => (db.prepare(`SELECT id FROM "${table}" WHERE negotiationId = ? ORDER BY id LIMIT 1`).get(n.id) as { id: number }).id;
    const user = db.prepare(`SELECT id FROM "user" WHERE email = 'viewer@e2e.test'`).get() as { id: string };
    return { negotiation: n.id, party: one("Party"), issue: one("Issue"), source: one("Source"), entry: one("PositionEntry"), milestone: one("Milestone"), user: user.id };
  } finally {
    db.close();
  }
}

function readingProbes(id: ReturnType<typeof ids>): Array<{ label: string; path: string }> {
  const routes: Array<{ template: string; query: string[] }> = [
    { template: "/", query: [] },
    { template: "/negotiations/new", query: [] },
    { template: "/negotiations/{slug}", query: ["asOf", "axis", "saved", "window"] },
    { template: "/negotiations/{slug}/compare", query: ["from", "to"] },
    { template: "/negotiations/{slug}/gaps", query: ["asOf", "sort"] },
    { template: "/negotiations/{slug}/timeline", query: ["issue", "party", "period", "page"] },
    { template: "/negotiations/{slug}/edit", query: [] },
    { template: "/negotiations/{slug}/parties", query: ["merged"] },
    { template: "/negotiations/{slug}/parties/{party}", query: ["asOf"] },
    { template: "/negotiations/{slug}/parties/{party}/edit", query: [] },
    { template: "/negotiations/{slug}/parties/{party}/merge", query: ["into"] },
    { template: "/negotiations/{slug}/issues", query: ["merged"] },
    { template: "/negotiations/{slug}/issues/{issue}", query: ["asOf", "page"] },
    { template: "/negotiations/{slug}/issues/{issue}/edit", query: [] },
    { template: "/negotiations/{slug}/issues/{issue}/merge", query: ["into"] },
    { template: "/negotiations/{slug}/sources", query: [] },
    { template: "/negotiations/{slug}/sources/new", query: [] },
    { template: "/negotiations/{slug}/sources/{source}", query: [] },
    { template: "/negotiations/{slug}/sources/{source}/edit", query: [] },
    { template: "/negotiations/{slug}/sources/{source}/entries/new", query: [] },
    { template: "/negotiations/{slug}/milestones", query: ["page", "saved"] },
    { template: "/negotiations/{slug}/milestones/new", query: [] },
    { template: "/negotiations/{slug}/milestones/{milestone}/edit", query: [] },
    { template: "/negotiations/{slug}/entries/new", query: ["party", "issue", "source"] },
    { template: "/negotiations/{slug}/entries/{entry}/edit", query: [] },
    { template: "/negotiations/{slug}/cells/{party}/{issue}", query: ["asOf", "order", "page"] },
    { template: "/negotiations/{slug}/export/entries.csv", query: [] },
    { template: "/negotiations/{slug}/export/entries.json", query: [] },
    { template: "/negotiations/{slug}/export/matrix.csv", query: ["asOf"] },
    { template: "/negotiations/{slug}/export/matrix.json", query: ["asOf"] },
    { template: "/negotiations/{slug}/export.json", query: [] },
    { template: "/negotiations/{slug}/import", query: [] },
    { template: "/negotiations/import", query: [] },
    { template: "/history/{entity}/{entry}", query: [] },
    { template: "/trash", query: ["restored"] },
    { template: "/search", query: ["q", "negotiation", "party", "issue", "stance", "from", "to"] },
    { template: "/users", query: [] },
    { template: "/sign-in", query: ["next"] },
    { template: "/no-access", query: ["needed"] },
  ];
  const valid: Record<string, string> = { slug: SLUG, party: String(id.party), issue: String(id.issue), source: String(id.source), entry: String(id.entry), milestone: String(id.milestone), entity: "entry" };
  const fill = (template: string, override?: [string, string]) => template.replace(/\{(\w+)\}/g, (_, k: string) => (override && override[0] === k ? override[1] : valid[k]!));
  const out: Array<{ label: string; path: string }> = [];
  for (const route of routes) {
    out.push({ label: route.template, path: fill(route.template) });
    for (const key of route.template.match(/\{(\w+)\}/g)?.map((m) => m.slice(1, -1)) ?? []) {
      for (const v of BAD) out.push({ label: `${route.template} {${key}}=${JSON.stringify(v.slice(0, 20))}`, path: fill(route.template, [key, encodeURIComponent(v)]) });
      for (const v of RAW_SEGMENTS) out.push({ label: `${route.template} {${key}}=${v}`, path: fill(route.template, [key, v]) });
    }
    for (const q of route.query) {
      for (const v of BAD) out.push({ label: `${route.template}?${q}=${JSON.stringify(v.slice(0, 20))}`, path: `${fill(route.template)}?${q}=${encodeURIComponent(v)}` });
      out.push({ label: `${route.template}?${q} twice`, path: `${fill(route.template)}?${q}=1&${q}=2` });
      out.push({ label: `${route.template}?${q}=%FF`, path: `${fill(route.template)}?${q}=%FF` });
    }
  }
  return out;
}

// Each action: its bound arguments and a valid form; every field is then replaced by each BAD value.
function actionCases(id: ReturnType<typeof ids>): Array<{ name: string; bound: unknown[]; fields: Record<string, string | string[]> }> {
  const negotiation = { title: "Fuzz talks", slug: "", description: "" };
  const party = { name: "Fuzz party", shortName: "", aliases: "", role: "party", colour: "#123456", order: "5", sideId: "" };
  const issue = { name: "Fuzz issue", description: "", keywords: "truce\npause", order: "5" };
  const source = { title: "Fuzz report", outlet: "", url: "", publishedOn: "2024-08-01", language: "en", text: "" };
  const entry = { partyIds: [String(id.party)], issueId: String(id.issue), sourceId: String(id.source), statedOn: "2024-08-01", stance: "demands", firmness: "", summary: "Fuzz.", quote: "", notes: "", changeOverride: "" };
  const milestone = { day: "2024-08-25", title: "Fuzz talks", sourceId: String(id.source), note: "" };
  const v = { version: "1" };
  return [
    { name: "createNegotiationAction", bound: [], fields: negotiation },
    { name: "updateNegotiationAction", bound: [id.negotiation], fields: { ...negotiation, ...v } },
    { name: "deleteNegotiationAction", bound: [id.negotiation], fields: { version: "999" } },
    { name: "createPartyAction", bound: [SLUG], fields: party },
    { name: "updatePartyAction", bound: [SLUG, id.party], fields: { ...party, ...v } },
    { name: "deletePartyAction", bound: [SLUG, id.party], fields: { version: "999" } },
    { name: "createSideAction", bound: [SLUG], fields: { name: "Fuzz side", colour: "#0072b2" } },
    // Bound to a party id: no such side in most databases, so these probe the refusals (tests/db/sides.test.ts saves).
    { name: "updateSideAction", bound: [SLUG, id.party], fields: { name: "Fuzz side", colour: "#0072b2", ...v } },
    { name: "deleteSideAction", bound: [SLUG, id.party], fields: { version: "999" } },
    { name: "moveSideAction", bound: [SLUG, id.party], fields: { direction: "down", version: "999" } },
    { name: "createIssueAction", bound: [SLUG], fields: issue },
    { name: "updateIssueAction", bound: [SLUG, id.issue], fields: { ...issue, ...v } },
    { name: "deleteIssueAction", bound: [SLUG, id.issue], fields: { version: "999" } },
    // Stale versions: a probe that gets through validation still moves or merges nothing.
    { name: "movePartyAction", bound: [SLUG, id.party], fields: { direction: "down", version: "999" } },
    { name: "moveIssueAction", bound: [SLUG, id.issue], fields: { direction: "down", version: "999" } },
    { name: "mergePartyAction", bound: [SLUG, id.party], fields: { targetId: String(id.party), version: "999" } },
    { name: "mergeIssueAction", bound: [SLUG, id.issue], fields: { targetId: String(id.issue), version: "999" } },
    { name: "createSourceAction", bound: [SLUG], fields: source },
    { name: "updateSourceAction", bound: [SLUG, id.source], fields: { ...source, ...v } },
    { name: "deleteSourceAction", bound: [SLUG, id.source], fields: { version: "999" } },
    { name: "createEntryAction", bound: [SLUG], fields: entry },
    {
      name: "createEntriesAction",
      bound: [SLUG, id.source],
      fields: {
        rows: ["1", "2"],
        statedOn: "2024-08-01",
        ...Object.fromEntries(["partyIds", "issueId", "stance", "firmness", "summary", "quote", "notes"].map((f) => [`row1.${f}`, entry[f as keyof typeof entry]])),
        "row2.summary": "",
        // A suggestion row (issue 12): its origin and its review state are fuzzed like any field.
        "row1.suggestion": JSON.stringify({ engine: "rules", partyIds: [id.party], issueId: id.issue, stance: "demands", firmness: null, quote: entry.quote }),
        "row1.review": "accepted",
      },
    },
    { name: "updateEntryAction", bound: [SLUG, id.entry], fields: { ...entry, ...v } },
    { name: "deleteEntryAction", bound: [SLUG, id.entry], fields: { version: "999" } },
    { name: "createMilestoneAction", bound: [SLUG], fields: milestone },
    { name: "updateMilestoneAction", bound: [SLUG, id.milestone], fields: { ...milestone, ...v } },
    { name: "deleteMilestoneAction", bound: [SLUG, id.milestone], fields: { version: "999" } },
    { name: "restoreAction", bound: ["entry", id.entry], fields: { version: "999" } },
    { name: "createUserAction", bound: [], fields: { email: "fuzz@example.org", name: "Fuzz", password: "fuzz-password-123", role: "viewer" } },
    { name: "setRoleAction", bound: [id.user], fields: { role: "viewer" } },
  ];
}

function actionProbes(id: ReturnType<typeof ids>): Array<{ label: string; name: string; args: unknown[] }> {
  const known = new Set(exportedActionNames());
  const out: Array<{ label: string; name: string; args: unknown[] }> = [];
  const cases = actionCases(id).filter((c) => known.has(c.name));
  for (const c of cases) {
    for (const field of Object.keys(c.fields)) {
      for (const value of BAD) {
        const fields = { ...c.fields, [field]: Array.isArray(c.fields[field]) ? [value] : value };
        out.push({ label: `${c.name} ${field}=${JSON.stringify(value.slice(0, 20))}`, name: c.name, args: [...c.bound, {}, formData(fields)] });
      }
      out.push({ label: `${c.name} ${field} twice`, name: c.name, args: [...c.bound, {}, formData({ ...c.fields, [field]: ["a", "b"] })] });
    }
    // Bound arguments and the form itself replaced by other types.
    for (let i = 0; i < c.bound.length; i++) {
      for (const bad of ["", "x", -1, 1.5, 2 ** 40, null, [], {}, { contains: "" }, "__proto__"]) {
        const bound = [...c.bound];
        bound[i] = bad;
        out.push({ label: `${c.name} bound[${i}]=${JSON.stringify(bad)}`, name: c.name, args: [...bound, {}, formData(c.fields)] });
      }
    }
    for (const notForm of ["not a form", 42, null, { title: "x" }, [[[["deep"]]]]]) {
      out.push({ label: `${c.name} form=${JSON.stringify(notForm)}`, name: c.name, args: [...c.bound, {}, notForm] });
    }
  }
  const unknown = [...known].filter((n) => !cases.some((c) => c.name === n));
  if (unknown.length) console.log(`fuzz: no field list for ${unknown.join(", ")}; sent with non-form arguments only`);
  for (const name of unknown) for (const notForm of ["not a form", null, {}]) out.push({ label: `${name} form=${JSON.stringify(notForm)}`, name, args: [{}, notForm] });
  return out;
}

async function main() {
  const started = Date.now();
  const env = setUp();
  const server = await startServer({ port: PORT, env, logFile: "tests/.tmp/fuzz-server.log", readyTimeoutMs: 120_000 });
  try {
    const id = ids();
    const cookies: Record<Who, string | undefined> = {
      anonymous: undefined,
      viewer: await signInCookie(server.baseURL, "viewer@e2e.test", E2E_PASSWORD),
      editor: await signInCookie(server.baseURL, "editor@e2e.test", E2E_PASSWORD),
    };
    const reads = readingProbes(id);
    const actions = actionProbes(id);
    const all: Probe[] = [];
    for (const who of WHO) {
      for (const r of reads) all.push({ label: `GET ${r.label}`, who, run: (cookie) => get(r.path, cookie) });
      for (const a of actions) all.push({ label: `ACTION ${a.label}`, who, run: async (cookie) => (await callAction({ baseURL: server.baseURL, name: a.name, args: a.args, cookie })).status });
    }
    // A bounded run still reaches every route and every action for every role: the first
    // probe of each (route or action, role) goes first, the rest in a seeded shuffle.
    const seen = new Set<string>();
    const first: Probe[] = [];
    const rest: Probe[] = [];
    for (const p of all) {
      const key = `${p.who} ${p.label.split(/[ ?]/).slice(0, 2).join(" ")}`;
      (seen.has(key) ? rest : first).push(p);
      seen.add(key);
    }
    let seed = Number(process.env.FUZZ_SEED ?? 7);
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = rest.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rest[i], rest[j]] = [rest[j]!, rest[i]!];
    }
    const probes = [...first, ...rest];
    const planned = probes.length;
    const todo = probes.slice(0, MAX);
    const counts = new Map<string, number>();
    const failures: string[] = [];
    // The time bound is for the requests; building and seeding come before it.
    const probing = Date.now();
    const deadline = probing + SECONDS * 1000;
    let next = 0;
    let sent = 0;
    async function worker() {
      while (next < todo.length && Date.now() < deadline) {
        const probe = todo[next++]!;
        let status: string;
        try {
          status = String(await probe.run(cookies[probe.who]));
        } catch (error) {
          status = `error (${(error as Error).message.slice(0, 40)})`;
        }
        sent++;
        counts.set(status, (counts.get(status) ?? 0) + 1);
        if (!/^[1-4]\d\d$/.test(status)) failures.push(`${status} ${probe.who} ${probe.label}`);
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = ((Date.now() - probing) / 1000).toFixed(0);
    console.log(
      `\nfuzz: ${sent} requests sent of ${planned} planned (${reads.length} reading probes and ${actions.length} action probes, × 3 roles; FUZZ_MAX=${MAX}) in ${seconds} s (${((Date.now() - started) / 1000).toFixed(0)} s with set-up)`,
    );
    console.log("fuzz: responses by status:");
    for (const [status, n] of [...counts].sort()) console.log(`  ${status}: ${n}`);
    if (failures.length) {
      console.log(`fuzz: ${failures.length} responses were 5xx or failed:`);
      for (const f of failures.slice(0, 60)) console.log(`  ${f}`);
      process.exitCode = 1;
    } else {
      console.log("fuzz: 0 responses of 500.");
    }
  } finally {
    await stopServer(server);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
