// npm run bench: how fast Parley's pages are at a given size, measured against the database's
// own limit (issue 10; why measured this way: docs/decisions/021-how-we-measure.md).
//
//   npm run bench:seed && npm run bench                 # data/bench.db, 7 runs a page
//   npm run bench -- --db data/bench-5000.db --runs 10 --json bench-results/small.json
//   npm run bench -- --only "matrix|create"             # only the pages whose name matches
//   npm run bench -- --compare bench-results/a.json bench-results/b.json
//   npm run bench -- --sizes 5000,50000,200000          # each size in turn (seeded when missing), then how each figure grows
//   npm run bench -- --db postgresql://parley:parley@127.0.0.1:5432/bench_pg --from data/bench.db
//                                                       # the same rows copied into PostgreSQL, measured there
//   npm run bench -- --floor-only                       # the floor alone: no build, no server
//
// It builds the app when .next is stale (scripts/build-stamp.mjs, as npm start does), copies
// the database (the bench writes entries; the seeded file stays as it was), starts the
// production server (scripts/serve.mjs) on a free port in 3240-3249 with public reading on and
// the rate limit off, warms each page up, then times every page over HTTP (time to the last
// byte of the HTML, gzip as a browser asks for it) and the same answer from one hand-written
// SQL statement (scripts/bench/floor.ts). It checks that the matrix pages and the floor agree
// on every cell, creates entries through the form in Chromium (the server action, until the
// updated matrix has arrived), polls the server's memory, prints a table and writes JSON.
import { spawn, execSync, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, openSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { createServer } from "node:net";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import { ensureBuild } from "./build-stamp.mjs";
import { pgFloor, searchParams, shownCellsOf, sqliteFloor, type FloorDb, type FloorQuery, type Params, type ReadingRow } from "./bench/floor";
import { benchDatabaseName, isPostgresUrl, pgClient, seedPostgresFrom } from "./bench/pg";
import {
  cellDifferences,
  compareTable,
  formatMs,
  growthTable,
  median,
  p95,
  parseOverviewCells,
  parseSizes,
  resultTable,
  rowDifferences,
  type BenchRun,
  type PageResult,
} from "./bench/stats";
import { todayUTC } from "../lib/day";

const args = process.argv.slice(2);
const option = (name: string, fallback?: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};

if (args.includes("--compare")) {
  const i = args.indexOf("--compare");
  const [a, b] = [args[i + 1], args[i + 2]];
  if (!a || !b) throw new Error("usage: npm run bench -- --compare first.json second.json");
  const read = (f: string) => JSON.parse(readFileSync(f, "utf8")) as BenchRun;
  console.log(compareTable(read(a), read(b)));
  process.exit(0);
}

// --growth a.json b.json …: the growth tables of runs already made (e.g. one size at a time).
if (args.includes("--growth")) {
  const files = args.slice(args.indexOf("--growth") + 1).filter((a) => !a.startsWith("--"));
  if (files.length < 2) throw new Error("usage: npm run bench -- --growth small.json large.json [larger.json …]");
  printGrowth(files.map((f) => JSON.parse(readFileSync(f, "utf8")) as BenchRun));
  process.exit(0);
}
if (args.includes("--sizes")) process.exit(benchSizes(parseSizes(option("sizes") ?? "")));

function printGrowth(runs: BenchRun[]) {
  const stores = [...new Set(runs.map((r) => (r.store === "postgresql" ? "PostgreSQL" : "SQLite")))].join(" and ");
  console.log(`\nHow each figure grows with the entries (${stores}; × = this size's figure ÷ the previous size's)\n`);
  for (const metric of ["p50", "floorP50", "htmlBytes"] as const) {
    if (metric !== "floorP50" && runs.every((r) => r.floorOnly)) continue;
    console.log(growthTable(runs, metric) + "\n");
  }
  const load = runs.map((r) => `${r.counts.entries}: ${r.machine.loadAverage.map((l) => l.toFixed(1)).join(" ")}`).join(" · ");
  console.log(`load average at the end of each run (1, 5, 15 min) ${load}`);
}

/**
 * --sizes: the bench at each size in turn, in its own process (a fresh server and memory peak
 * each), seeding data/bench-<n>.db when it is missing; then one growth table per figure.
 * With a PostgreSQL --db, size n goes to the database <name>_<n>.
 */
function benchSizes(sizes: number[]): number {
  const target = option("db", "data/bench.db")!;
  const pass: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (["--sizes", "--db", "--from", "--json"].includes(args[i]!)) i++;
    else pass.push(args[i]!);
  }
  const started = new Date().toISOString().replace(/[:.]/g, "-");
  const runs: BenchRun[] = [];
  const timings: Array<{ entries: number; seedSeconds: number | null; benchSeconds: number; json: string }> = [];
  for (const n of sizes) {
    const file = `data/bench-${n}.db`;
    let seedSeconds: number | null = null;
    if (!existsSync(file)) {
      const t = performance.now();
      const seeded = spawnSync(process.execPath, ["scripts/bench-seed.mjs", "--entries", String(n)], { stdio: "inherit" });
      if (seeded.status !== 0) return seeded.status ?? 1;
      seedSeconds = (performance.now() - t) / 1000;
    }
    const json = `bench-results/${started}-${n}.json`;
    let db = file;
    let from: string[] = [];
    if (isPostgresUrl(target)) {
      const url = new URL(target);
      url.pathname = `/${benchDatabaseName(target)}_${n}`;
      db = url.toString();
      from = ["--from", file];
    }
    console.log(`\nbench: ${n.toLocaleString("en")} entries${seedSeconds === null ? "" : ` (seeded in ${seedSeconds.toFixed(1)} s)`}`);
    const t = performance.now();
    const child = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/bench.mts", "--db", db, ...from, "--json", json, ...pass], { stdio: "inherit" });
    const benchSeconds = (performance.now() - t) / 1000;
    if (child.status !== 0 || !existsSync(json)) {
      console.error(`bench: the run at ${n} entries failed (exit ${child.status})`);
      return child.status || 1;
    }
    runs.push(JSON.parse(readFileSync(json, "utf8")) as BenchRun);
    timings.push({ entries: n, seedSeconds, benchSeconds, json });
  }
  printGrowth(runs);
  for (const t of timings) console.log(`  ${t.entries} entries: ${t.seedSeconds === null ? "already seeded" : `seeded in ${t.seedSeconds.toFixed(1)} s`}, benched in ${t.benchSeconds.toFixed(0)} s (${t.json})`);
  const out = `bench-results/${started}-scale.json`;
  writeFileSync(out, JSON.stringify({ sizes, timings, runs }, null, 2) + "\n");
  console.log(`bench: wrote ${out}`);
  return 0;
}

const target = option("db", "data/bench.db")!;
/** On PostgreSQL: the seeded SQLite file whose rows are copied into the (re)created bench database. */
const onPostgres = isPostgresUrl(target);
const source = onPostgres ? option("from", "data/bench.db")! : target;
/** Only the floor: no build and no server. */
const floorOnly = args.includes("--floor-only");
const RUNS = Number(option("runs", "7"));
/** A page whose runs have taken this long stops after at least 3 runs (timeline at 50,000 took 15 s each). */
const PAGE_BUDGET_MS = Number(option("budget", "60000"));
const PORTS = [3240, 3249];
/** --only <regex>: measure only the pages whose name matches (e.g. --only "matrix|create"). */
const only = option("only") ? new RegExp(option("only")!, "i") : null;
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error("--runs must be a whole number of at least 1");
if (!existsSync(source)) throw new Error(`${source} does not exist: run npm run bench:seed first`);
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const jsonOut = option("json", `bench-results/${stamp}.json`)!;

if (!floorOnly) {
  console.log("bench: checking the production build…");
  if (ensureBuild()) console.log("bench: built.");
}

// Work on a copy: the bench creates entries and an account. On SQLite a copy of the file; on
// PostgreSQL the bench database recreated and filled with the SQLite file's rows, checked exact.
mkdirSync("data", { recursive: true });
const file = `data/.bench-run-${process.pid}.db`;
const removeCopy = () => {
  if (onPostgres) return;
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
};
let DATABASE_URL: string;
let store: FloorDb;
/** On PostgreSQL, the same answers from the SQLite file: the two floors must give the same rows. */
let reference: FloorDb | null = null;
let seedSeconds: number | null = null;
if (onPostgres) {
  // The seeded file may predate a migration (the copy needs every column PostgreSQL has): bring
  // its schema up to date first, as the SQLite run does on its copy. Its rows are not changed.
  execSync("npx prisma migrate deploy", { stdio: "ignore", env: { ...process.env, DATABASE_URL: `file:${resolve(source)}` } });
  const seeded = await seedPostgresFrom(source, target, (line) => console.log(line));
  seedSeconds = seeded.ms / 1000;
  DATABASE_URL = target;
  store = pgFloor(await pgClient(target));
  reference = sqliteFloor(new Database(source, { readonly: true }));
} else {
  removeCopy();
  const sourceDb = new Database(source, { readonly: true });
  await sourceDb.backup(file); // a consistent copy even if the file has a WAL beside it
  sourceDb.close();
  DATABASE_URL = `file:./${file}`;
  execSync("npx prisma migrate deploy", { stdio: "ignore", env: { ...process.env, DATABASE_URL } });
  const db = new Database(file);
  db.pragma("busy_timeout = 5000");
  store = sqliteFloor(db);
}
// One secret for the account made below and the server that signs its session.
const childEnv = { ...process.env, DATABASE_URL, NEXT_TELEMETRY_DISABLED: "1", BETTER_AUTH_SECRET: randomBytes(32).toString("base64") };
// As `npm start` does (scripts/setup.mjs): store the quote positions the seed did not write (decision 024).
execSync("npm run --silent db:locate-quotes", { stdio: "inherit", env: childEnv });

const one = async <T,>(query: FloorQuery, params: Params = {}) => (await store.all<T>(query, params))[0];
const negotiation = await one<{ id: number; slug: string }>("negotiation");
if (!negotiation) throw new Error(`${source} holds no negotiation`);
const scope = { negotiationId: negotiation.id };
const counts = (await one<BenchRun["counts"]>("counts", scope))!;
const span = (await one<{ first: string; last: string }>("span", scope))!;
const busiestParty = (await one<{ id: number; n: number }>("busiestParty", scope))!;
const busiestCell = (await one<{ partyId: number; issueId: number; n: number }>("busiestCell", scope))!;
const someSource = (await one<{ id: number }>("someSource", scope))!;

/** `n` days spread evenly over the entries' span, the last one the latest entry's day. */
function spreadDays(first: string, last: string, n: number): string[] {
  const a = Date.parse(first);
  const b = Date.parse(last);
  return Array.from({ length: n }, (_, k) => new Date(a + ((b - a) * (k + 1)) / n).toISOString().slice(0, 10));
}
const matrixDays = spreadDays(span.first, span.last, 5);
const compareFrom = spreadDays(span.first, span.last, 10)[0]!;
const today = todayUTC();
const base = `/negotiations/${negotiation.slug}`;
console.log(
  `bench: ${onPostgres ? `${benchDatabaseName(target)} (PostgreSQL, from ${source})` : source}: ${counts.parties} parties, ${counts.issues} issues, ${counts.sources} sources, ${counts.entries} entries (${span.first} … ${span.last}); ` +
    `busiest party #${busiestParty.id} (${busiestParty.n} entries), busiest cell ${busiestCell.partyId}-${busiestCell.issueId} (${busiestCell.n} entries)`,
);

// An editor for the create measurement, made the way an admin makes one.
const EDITOR = { email: "bench-editor@bench.test", password: randomBytes(18).toString("base64url") };
if (!floorOnly) execSync(`npx tsx --conditions=react-server scripts/user-create.mts --email ${EDITOR.email} --name "Bench Editor" --role editor`, {
  stdio: "ignore",
  env: { ...childEnv, PARLEY_PASSWORD: EDITOR.password },
});

async function freePort(): Promise<number> {
  for (let port = PORTS[0]!; port <= PORTS[1]!; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${PORTS.join("-")}`);
}

const port = floorOnly ? 0 : await freePort();
const origin = `http://127.0.0.1:${port}`;
mkdirSync("bench-results", { recursive: true });
const serverLog = floorOnly ? "ignore" : openSync(`bench-results/server-${stamp}.log`, "w");
const startServer = () =>
  spawn(process.execPath, ["scripts/serve.mjs", "-H", "127.0.0.1", "-p", String(port)], {
    stdio: ["ignore", serverLog, serverLog],
    env: {
      ...childEnv,
      NODE_ENV: "production",
      PARLEY_PUBLIC_READ: "on",
      PARLEY_RATE_LIMIT: "off",
      PARLEY_DEMO: "off",
      PORT: String(port),
    },
  });
let server: ChildProcess | null = floorOnly ? null : startServer();
const stop = () => {
  if (server && server.exitCode === null) server.kill("SIGTERM");
  removeCopy();
};
process.on("exit", stop);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));
/** How the server stopped while a page was measured (e.g. out of memory on a page at 200,000 entries), or null while it runs. */
const serverStopped = () => (server && server.exitCode !== null) || server?.signalCode ? `the server stopped (exit ${server!.exitCode ?? server!.signalCode}; see bench-results/server-${stamp}.log)` : null;

// Peak memory of the server's process tree: VmRSS summed over the tree, polled, and each process's own high-water mark.
function treePids(pid: number): number[] {
  const out = [pid];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      for (const child of children ? children.split(/\s+/) : []) out.push(...treePids(Number(child)));
    }
  } catch {
    // the process ended between two reads
  }
  return out;
}
const statusKb = (pid: number, field: string) => {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
};
let peakRss = 0;
const poll = setInterval(() => {
  if (!server) return;
  const pids = treePids(server.pid!);
  peakRss = Math.max(peakRss, pids.reduce((sum, pid) => sum + statusKb(pid, "VmRSS"), 0), ...pids.map((pid) => statusKb(pid, "VmHWM")));
}, 100);

interface Fetched {
  status: number;
  ms: number;
  html: string;
  htmlBytes: number;
  wireBytes: number;
}
/** One GET as a browser asks for it (gzip): the time from sending to the last byte. */
function get(path: string, headers: Record<string, string> = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // A new connection per request (agent: false): a kept-alive socket the server closes at its
    // keep-alive timeout just as a request goes out ends in "socket hang up".
    const req = httpRequest(new URL(path, origin), { agent: false, timeout: 600_000, headers: { "accept-encoding": "gzip", accept: "text/html", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const ms = performance.now() - started;
        const wire = Buffer.concat(chunks);
        const body = res.headers["content-encoding"] === "gzip" ? gunzipSync(wire) : wire;
        resolve({ status: res.statusCode ?? 0, ms, html: body.toString("utf8"), htmlBytes: body.length, wireBytes: wire.length });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.on("timeout", () => req.destroy(new Error("no answer within 10 minutes")));
    req.end();
  });
}

async function serverUp() {
  const deadline = Date.now() + 120_000;
  while (server) {
    const ok = await get("/").then((r) => r.status === 200, () => false);
    if (ok) break;
    if (serverStopped()) throw new Error(serverStopped()!);
    if (Date.now() > deadline) throw new Error(`the server did not answer on ${origin} within 2 minutes`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
await serverUp();
if (server) console.log(`bench: server up on ${origin} (pid ${server.pid}); ${RUNS} runs a page after a warm-up`);
else console.log(`bench: the floor only, ${RUNS} runs each after a warm-up`);

/** The median time of a floor answer over `runs` executions after a warm-up (statement prepared, pages cached). */
const time = async (fn: () => Promise<unknown>, runs = RUNS) => {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return median(times);
};

const readings = (asOf: string, days: number) => store.all<ReadingRow>("readings", { ...scope, asOf, days });
const results: PageResult[] = [];

/** A floor answer: the rows of one or more statements on the measured database. */
type Floor = (db: FloorDb) => Promise<unknown>;
interface Extra {
  floor?: Floor;
  check?: (html: string) => Promise<string[]>;
}

/**
 * On PostgreSQL, the floor's answer must be the same rows as the SQLite file's (row order aside:
 * only statements with an ORDER BY define one). Search is left out: the two engines differ by design.
 */
async function storesAgree(name: string, floor: Floor | undefined): Promise<Pick<PageResult, "storesAgree" | "note">> {
  if (!reference || !floor || name.startsWith("search")) return {};
  const differences = rowDifferences(await floor(reference), await floor(store));
  return differences.length ? { storesAgree: false, note: `PostgreSQL and SQLite floors differ: ${differences.join("; ")}` } : { storesAgree: true };
}

/** Times one page: a warm-up, then RUNS requests (fewer when a slow page exhausts its budget). */
async function measure(name: string, path: string, extra: Extra = {}) {
  if (only && !only.test(name)) return;
  const floor = extra.floor && (() => extra.floor!(store));
  if (floorOnly) {
    const result: PageResult = { name, path, status: 200, runs: 0, p50: null, p95: null, htmlBytes: null, wireBytes: null, floorP50: floor ? await time(floor) : null, agrees: null, ...(await storesAgree(name, extra.floor)) };
    results.push(result);
    console.log(`  ${name}: floor ${formatMs(result.floorP50)}${result.note ? ` (${result.note})` : ""}`);
    return;
  }
  try {
    await measurePage(name, path, extra);
  } catch (error) {
    // A page that breaks the connection is a result too: reported, and the run goes on. When the
    // server itself stopped on it (out of memory), that is the note, and a new server takes over.
    const stopped = serverStopped();
    const note = stopped ? `${stopped} while serving this page` : `no answer: ${(error as Error).message}`;
    if (stopped) {
      console.log(`  ${name}: ${note}; starting it again`);
      server = startServer();
      await serverUp();
    }
    results.push({ name, path, status: 0, runs: 0, p50: null, p95: null, htmlBytes: null, wireBytes: null, floorP50: floor ? await time(floor) : null, agrees: null, note });
    console.log(`  ${name}: ${note}`);
  }
}

async function measurePage(name: string, path: string, extra: Extra) {
  const warm = await get(path);
  const times: number[] = [];
  let last = warm;
  const started = Date.now();
  if (warm.status === 200) {
    for (let i = 0; i < RUNS; i++) {
      last = await get(path);
      if (last.status !== 200) break;
      times.push(last.ms);
      if (i >= 2 && Date.now() - started > PAGE_BUDGET_MS) break;
    }
  }
  const floorP50 = extra.floor ? await time(() => extra.floor!(store)) : null;
  let agrees: boolean | null = null;
  let note: string | undefined;
  if (last.status === 200 && extra.check) {
    const differences = await extra.check(last.html);
    agrees = differences.length === 0;
    if (!agrees) note = differences.join("; ");
  }
  if (last.status !== 200) note = `answered HTTP ${last.status}`;
  const stores = await storesAgree(name, extra.floor);
  if (stores.note) note = note ? `${note}; ${stores.note}` : stores.note;
  const result: PageResult = {
    name,
    path,
    status: last.status,
    runs: times.length,
    p50: times.length ? median(times) : null,
    p95: times.length ? p95(times) : null,
    htmlBytes: last.status === 200 ? last.htmlBytes : null,
    wireBytes: last.status === 200 ? last.wireBytes : null,
    floorP50,
    agrees,
    ...(stores.storesAgree === undefined ? {} : { storesAgree: stores.storesAgree }),
    ...(note ? { note } : {}),
  };
  results.push(result);
  // Written after every page, so that a run stopped half-way (slow pages at 200,000 entries) keeps what it measured.
  writeRun(runSoFar(peakRss || null, true));
  console.log(`  ${name}: ${last.status === 200 ? `${result.p50?.toFixed(0)} ms p50, ${(last.htmlBytes / 1e6).toFixed(2)} MB` : `HTTP ${last.status}`}${note ? ` (${note})` : ""}`);
}

const readingsOn = (db: FloorDb, asOf: string, days: number) => db.all<ReadingRow>("readings", { ...scope, asOf, days });
const matrixCheck = (asOf: string) => async (html: string) => cellDifferences(parseOverviewCells(html), shownCellsOf(await readings(asOf, 2), asOf));

for (const day of matrixDays) {
  await measure(`matrix ${day}`, `${base}?asOf=${day}`, { floor: (db) => readingsOn(db, day, 2), check: matrixCheck(day) });
}
const lastDay = matrixDays[matrixDays.length - 1]!;
await measure(`matrix detailed ${lastDay}`, `${base}?asOf=${lastDay}&view=detail`, { floor: (db) => readingsOn(db, lastDay, 2) });
await measure(`compare ${compareFrom} / ${lastDay}`, `${base}/compare?from=${compareFrom}&to=${lastDay}`, {
  floor: async (db) => [await readingsOn(db, compareFrom, 1), await readingsOn(db, lastDay, 1)],
});
// Names without counts or ids, so that runs at different sizes line up in --compare.
await measure("cell history (busiest)", `${base}/cells/${busiestCell.partyId}/${busiestCell.issueId}`, {
  floor: (db) => db.all("cellHistory", { ...scope, partyId: busiestCell.partyId, issueId: busiestCell.issueId }),
});
await measure("party profile (busiest)", `${base}/parties/${busiestParty.id}`, {
  floor: (db) => db.all("profile", { ...scope, partyId: busiestParty.id, asOf: today, days: 2 }),
});
await measure("gaps", `${base}/gaps`, { floor: (db) => db.all("gapReadings", { ...scope, asOf: today, days: 1 }) });
await measure("timeline", `${base}/timeline`, { floor: (db) => db.all("timeline", scope) });
for (const q of ["ceasefire", "hostages release", "border corridor guarantees"]) {
  const params = searchParams(q);
  await measure(`search "${q}"`, `/search?q=${encodeURIComponent(q)}`, {
    floor: async (db) => [await db.all("searchEntries", params), await db.all("searchSources", params)],
  });
}
await measure("sources list", `${base}/sources`, { floor: (db) => db.all("sources", scope) });

// Entry created through its server action, until the updated matrix has arrived: Chromium fills
// the form and submits it as a person would; the time runs from the click to the last byte of the
// action's response, which carries the redirect target (the matrix with the new entry) rendered.
if (!only || only.test("entry create")) results.push(floorOnly ? await createFloorOnly() : await measureCreate());

/** The create floor: the write a new entry makes in one transaction, then the matrix readings as of its day. */
function createFloor() {
  return time(async () => {
    await store.createEntry({ ...scope, issueId: busiestCell.issueId, sourceId: someSource.id, partyId: busiestCell.partyId, statedOn: span.last });
    await readings(span.last, 2);
  });
}

async function createFloorOnly(): Promise<PageResult> {
  const floorP50 = await createFloor();
  console.log(`  entry create: floor ${formatMs(floorP50)}`);
  return { name: "entry create → updated matrix", path: `${base}/entries/new (server action)`, status: 200, runs: 0, p50: null, p95: null, htmlBytes: null, wireBytes: null, floorP50, agrees: null };
}

async function measureCreate(): Promise<PageResult> {
  const { chromium } = await import("@playwright/test");
  const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  const name = "entry create → updated matrix";
  const path = `${base}/entries/new (server action)`;
  try {
    const context = await browser.newContext({ baseURL: origin });
    const signIn = await fetch(`${origin}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify(EDITOR),
    });
    if (!signIn.ok) throw new Error(`sign-in answered ${signIn.status}`);
    await context.addCookies(
      signIn.headers.getSetCookie().map((c) => {
        const [pair] = c.split(";");
        const at = pair!.indexOf("=");
        return { name: pair!.slice(0, at), value: pair!.slice(at + 1), url: origin, httpOnly: true, sameSite: "Lax" as const };
      }),
    );
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const times: number[] = [];
    const visible: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      await page.goto(`${base}/entries/new?party=${busiestCell.partyId}&issue=${busiestCell.issueId}`);
      await page.getByLabel("Source").selectOption(String(someSource.id));
      await page.getByLabel("Stance").selectOption(i % 2 ? "accepts" : "rejects");
      await page.getByLabel("Date stated").fill(span.last);
      await page.getByLabel("Summary").fill(`Bench entry ${i + 1}: a statement recorded by npm run bench.`);
      // Every request the click sets off (the action's POST, and whatever Next's router fetches
      // for the redirect to the matrix): the time runs until the last of them has ended.
      // Requests sent before the click (prefetches of the tabs) do not count.
      const ended: Array<{ what: string; at: number }> = [];
      const sent = new Set<import("@playwright/test").Request>();
      const onSend = (r: import("@playwright/test").Request) => void sent.add(r);
      const onEnd = (r: import("@playwright/test").Request) => sent.has(r) && ended.push({ what: `${r.method()} ${new URL(r.url()).pathname}${new URL(r.url()).search}${r.failure() ? ` (${r.failure()!.errorText})` : ""}`, at: performance.now() });
      page.on("request", onSend);
      page.on("requestfinished", onEnd);
      page.on("requestfailed", onEnd);
      const started = performance.now();
      await page.getByRole("button", { name: "Add entry" }).click();
      await page.waitForURL(/[?&]saved=\d+/);
      await page.getByRole("status").filter({ hasText: "Saved:" }).waitFor();
      const shown = performance.now() - started;
      page.off("request", onSend);
      page.off("requestfinished", onEnd);
      page.off("requestfailed", onEnd);
      if (ended.length === 0) throw new Error("the click sent no request");
      const arrived = Math.max(...ended.map((e) => e.at)) - started;
      if (i === 0) console.log(`  entry create: the click's requests: ${ended.map((e) => `${e.what} at ${(e.at - started).toFixed(0)} ms`).join("; ")}`);
      console.log(`  entry create ${i === 0 ? "warm-up" : i}: ${arrived.toFixed(0)} ms until its requests ended, ${shown.toFixed(0)} ms until "Saved" shows`);
      if (i === 0) continue; // warm-up
      times.push(arrived);
      visible.push(shown);
    }
        const floorP50 = await createFloor();
    return {
      name,
      path,
      status: 200,
      runs: times.length,
      p50: median(times),
      p95: p95(times),
      htmlBytes: null,
      wireBytes: null,
      floorP50,
      agrees: null,
      note: `until the "Saved" message shows: p50 ${median(visible).toFixed(0)} ms`,
    };
  } catch (error) {
    console.error(`bench: entry create failed: ${(error as Error).message}`);
    return { name, path, status: 0, runs: 0, p50: null, p95: null, htmlBytes: null, wireBytes: null, floorP50: null, agrees: null, note: (error as Error).message };
  } finally {
    await browser.close();
  }
}

clearInterval(poll);
const peak = server ? Math.max(peakRss, ...treePids(server.pid!).map((pid) => statusKb(pid, "VmHWM"))) : null;
const run = runSoFar(peak, false);
await store.close();
await reference?.close();
console.log(`\n${onPostgres ? `PostgreSQL ${benchDatabaseName(target)}, from ${source}` : source}${floorOnly ? " (floor only)" : ""}: ${counts.entries.toLocaleString("en")} entries, ${counts.sources.toLocaleString("en")} sources, ${counts.parties} parties × ${counts.issues} issues`);
console.log(resultTable(results, { floorOnly }));
console.log(`peak server memory: ${peak === null ? "–" : `${(peak / 1024 / 1024).toFixed(0)} MB`} · load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${cpus().length} cores`);
for (const r of results.filter((r) => r.note)) console.log(`  ${r.name}: ${r.note}`);
writeRun(run);
console.log(`bench: wrote ${jsonOut}`);
process.exit(0);

/** The run as the JSON keeps it; `partial` while pages are still being measured. */
function runSoFar(peak: number | null, partial: boolean): BenchRun {
  return {
    startedAt: new Date().toISOString(),
    ...(partial ? { partial: true } : {}),
    database: onPostgres ? `postgresql ${benchDatabaseName(target)} (from ${source})` : source,
    store: onPostgres ? "postgresql" : "sqlite",
    floorOnly,
    ...(seedSeconds === null ? {} : { copySeconds: seedSeconds }),
    counts,
    runsPerPage: RUNS,
    commit: (() => {
      try {
        return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
      } catch {
        return "";
      }
    })(),
    busiest: { party: busiestParty, cell: busiestCell },
    pages: results,
    peakServerMemoryBytes: peak,
    machine: { cpus: cpus().length, loadAverage: loadavg(), node: process.version },
  };
}

function writeRun(r: BenchRun) {
  mkdirSync(join(jsonOut, ".."), { recursive: true });
  writeFileSync(jsonOut, JSON.stringify(r, null, 2) + "\n");
}
