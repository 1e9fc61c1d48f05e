// npm run test:stress — load and crash tests against a real `next start` on 127.0.0.1, with its
// own database file under tests/.tmp/ (fresh each run). docs/decisions/007-stress-tests.md.
//
// 1. Load: 200 creates, 20 launched every second for 10 s whatever the server's pace; every
//    acknowledged create must be in the database exactly once.
// 2. Crash: rounds of start server -> writes, several in flight -> kill -9 at a random moment
//    -> restart; every acknowledged write must survive, none may land twice, and the file must
//    pass integrity_check.
// Ends with "N passed, M failed" and a non-zero exit code on any failure.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { E2E_PASSWORD, E2E_USERS } from "../../scripts/e2e-users.mjs";
import { signInCookie } from "../support/http-actions";
import { checkWrites, pragmaCheck, strayRows, type Findings } from "./check-db";
import { crashServer, databaseHolders, installExitHandlers, killAllServers, startServer, stopServer, type Server } from "./server";
import { create, createNegotiation, percentile, SLUG, uniqueName, type Kind, type Write } from "./writes";

const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const CONFIG = {
  port: num("STRESS_PORT", 3400), // load on port, crash rounds on port + 1
  loadWaves: num("STRESS_LOAD_WAVES", 10),
  loadPerWave: num("STRESS_LOAD_PER_WAVE", 20),
  loadWaveMs: 1000,
  crashMinRounds: num("STRESS_CRASH_ROUNDS", 20),
  crashMinWrites: num("STRESS_CRASH_WRITES", 1000),
  crashMaxRounds: num("STRESS_CRASH_MAX_ROUNDS", 40),
  crashInFlight: num("STRESS_CRASH_IN_FLIGHT", 6),
  crashPerRoundCap: 300,
  // The kill comes a random 0-500 ms after the round's k-th write was sent, k uniform in
  // 1..99: a random moment, always with writes in flight, and ~50 writes a round on average
  // however fast or busy the machine is (a pure timer gave 6 to 100 on a loaded 2-core box).
  crashKillAfterMax: num("STRESS_KILL_AFTER_MAX", 99),
  crashKillExtraMs: num("STRESS_KILL_EXTRA_MS", 500),
};

const TMP = join(process.cwd(), "tests/.tmp");
const DB_FILE = join(TMP, "stress.db");
const LOG_FILE = join(TMP, "stress-server.log");
const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: `file:${DB_FILE}`,
  PARLEY_SECRET_FILE: join(TMP, "stress-auth-secret"),
  NEXT_TELEMETRY_DISABLED: "1",
};
const EDITOR = E2E_USERS.find((u) => u.role === "editor")!;

// ---- checks -----------------------------------------------------------------------------

const results: Array<{ name: string; ok: boolean; detail: string }> = [];
function check(name: string, ok: boolean, detail: string) {
  results.push({ name, ok, detail });
  console.log(`  ${ok ? "PASS" : "FAIL"} ${name}: ${detail}`);
}

const ms = (v: number) => `${Math.round(v)} ms`;
const sample = (names: string[]) => (names.length ? ` (${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""})` : "");

// ---- preparation ------------------------------------------------------------------------

function prepare() {
  mkdirSync(TMP, { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(DB_FILE + suffix, { force: true });
  writeFileSync(LOG_FILE, "");
  console.log(`stress: database ${DB_FILE}; server log ${LOG_FILE}`);
  // Migrations, the demo, and a build when the sources changed (scripts/setup.mjs).
  execFileSync(process.execPath, ["scripts/setup.mjs"], { stdio: "inherit", env: ENV });
  execFileSync("npm", ["run", "--silent", "user:create", "--", "--email", EDITOR.email, "--name", EDITOR.name, "--role", EDITOR.role], {
    stdio: "inherit",
    env: { ...ENV, PARLEY_PASSWORD: E2E_PASSWORD },
  });
}

// ---- 1. load ----------------------------------------------------------------------------

async function loadTest(): Promise<string> {
  console.log(`\n== load: ${CONFIG.loadWaves * CONFIG.loadPerWave} party creates, ${CONFIG.loadPerWave} launched every ${CONFIG.loadWaveMs} ms`);
  const server = await startServer({ port: CONFIG.port, env: ENV, logFile: LOG_FILE });
  try {
    const cookie = await signInCookie(server.baseURL, EDITOR.email, E2E_PASSWORD);
    const started = performance.now();
    const pending: Array<Promise<Write>> = [];
    let n = 0;
    for (let wave = 0; wave < CONFIG.loadWaves; wave++) {
      const at = started + wave * CONFIG.loadWaveMs;
      const wait = at - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      // Open loop: a wave goes out on time even when the previous ones are still queued, so
      // a slow server shows as latency, not as a gentler load. Hence the long time-out.
      for (let i = 0; i < CONFIG.loadPerWave; i++) pending.push(create(server.baseURL, cookie, "party", uniqueName(`load-${n++}`), SLUG, 120_000));
    }
    const writes = await Promise.all(pending);
    const duration = performance.now() - started;

    const acked = writes.filter((w) => w.outcome === "acknowledged");
    const refused = writes.filter((w) => w.outcome === "refused");
    const errored = writes.filter((w) => w.outcome === "errored");
    const latencies = acked.map((w) => w.ms);
    // Read while the server still runs: an acknowledged write must be visible to any reader.
    const found = checkWrites(DB_FILE, writes);
    const strays = strayRows(DB_FILE, "load-", writes);
    console.log(
      [
        `  sent ${writes.length}, acknowledged ${acked.length}, refused ${refused.length}, errored ${errored.length}`,
        `  latency (acknowledged) p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(Math.max(...latencies))}`,
        `  rows found ${found.rows}, duplicates ${found.duplicates.length}, lost ${found.lost.length}, unacknowledged but present ${found.landedUnacknowledged}`,
        `  duration ${(duration / 1000).toFixed(1)} s (${(writes.length / (duration / 1000)).toFixed(1)} creates/s)`,
      ].join("\n"),
    );
    for (const w of [...refused, ...errored].slice(0, 5)) console.log(`  ${w.outcome} ${w.name}: ${w.detail}`);
    check("load: no acknowledged create lost", found.lost.length === 0, `${found.present}/${found.acknowledged} present${sample(found.lost)}`);
    check("load: no create stored twice", found.duplicates.length === 0 && strays.length === 0, `${found.duplicates.length} duplicates, ${strays.length} unknown rows${sample([...found.duplicates, ...strays])}`);
    check("load: each row has exactly one create revision", found.tornRevisions.length === 0, `${found.tornRevisions.length} torn${sample(found.tornRevisions)}`);
    check("load: every create acknowledged", acked.length === writes.length, `${acked.length}/${writes.length} (refused ${refused.length}, errored ${errored.length})`);
    return cookie;
  } finally {
    await stopServer(server);
  }
}

// ---- 2. crash ---------------------------------------------------------------------------

interface Round {
  round: number;
  pid: number;
  /** Processes that had the database open when the round's writes began (all killed). */
  holders: number[];
  /** The kill was armed when this write (1-based) was sent. */
  killAfter: number;
  killedAfterMs: number;
  /** Writes sent before the kill whose outcome was still unknown when it came. */
  inFlightAtKill: number;
  writes: Write[];
}

async function writeUntilKilled(server: Server, cookie: string, round: number): Promise<Round> {
  // Each round writes into a negotiation of its own, created first (which also warms the
  // server up and makes it open the database): the list page every create redirects to stays
  // the size of a real negotiation's rather than growing by a thousand rows.
  const slug = uniqueName(`stress-crash-r${round}`);
  if (!(await createNegotiation(server.baseURL, cookie, slug))) throw new Error(`round ${round}: could not create negotiation ${slug}`);
  const holders = databaseHolders(server, DB_FILE);
  const writes: Write[] = [];
  let killed = false;
  let n = 0;
  const killAfter = 1 + Math.floor(Math.random() * CONFIG.crashKillAfterMax);
  const extraMs = Math.random() * CONFIG.crashKillExtraMs;
  let killAt = 0;
  let armed = false;
  let killDone = () => {};
  const kill = new Promise<void>((resolve) => (killDone = resolve));
  const armKill = () => {
    if (armed) return;
    armed = true;
    setTimeout(() => {
      killed = true;
      killAt = performance.now();
      void crashServer(server, holders).then(killDone);
    }, extraMs);
  };
  const worker = async () => {
    while (!killed && n < CONFIG.crashPerRoundCap) {
      const i = n++;
      if (i === killAfter - 1) armKill();
      const kind: Kind = i % 2 === 0 ? "party" : "issue";
      writes.push(await create(server.baseURL, cookie, kind, uniqueName(`crash-r${round}-${i}`), slug));
    }
  };
  const started = performance.now();
  const workers = Array.from({ length: CONFIG.crashInFlight }, worker);
  void Promise.all(workers).then(armKill, armKill); // the per-round cap came first
  await kill;
  await Promise.all(workers);
  const inFlightAtKill = writes.filter((w) => w.sentAt < killAt && w.doneAt >= killAt).length;
  return { round, pid: server.pid, holders, killAfter, killedAfterMs: killAt - started, inFlightAtKill, writes };
}

function describeFindings(f: Findings, sent: number) {
  return `${f.present}/${f.acknowledged} acknowledged present, lost ${f.lost.length}, twice ${f.duplicates.length}, ${f.landedUnacknowledged} of ${sent - f.acknowledged} unacknowledged landed`;
}

async function crashTest(signedIn: string | null) {
  let cookie = signedIn;
  console.log(
    `\n== crash: at least ${CONFIG.crashMinRounds} rounds and ${CONFIG.crashMinWrites} writes; ${CONFIG.crashInFlight} in flight; kill -9 0-${CONFIG.crashKillExtraMs} ms after a random write (1-${CONFIG.crashKillAfterMax}) of each round`,
  );
  const port = CONFIG.port + 1;
  const rounds: Round[] = [];
  const all: Write[] = [];
  const lostAfterRestart: string[] = [];
  const twiceAfterRestart: string[] = [];
  const quickChecks: string[] = [];
  const started = performance.now();
  let previous: Round | null = null;

  const verifyPrevious = (server: Server) => {
    if (!previous) return;
    // The restarted server has opened (and so recovered) the file: it answered the home page.
    const f = checkWrites(DB_FILE, previous.writes);
    const quick = pragmaCheck(DB_FILE, "quick_check");
    quickChecks.push(quick);
    lostAfterRestart.push(...f.lost);
    twiceAfterRestart.push(...f.duplicates);
    const acked = previous.writes.filter((w) => w.outcome === "acknowledged").length;
    console.log(
      `  round ${String(previous.round).padStart(2)}: server pid ${previous.pid}, db held by [${previous.holders.join(", ")}], kill -9 at ${ms(previous.killedAfterMs)} (armed at write ${previous.killAfter}) with ${previous.inFlightAtKill} in flight; sent ${previous.writes.length}, acknowledged ${acked}` +
        ` | after restart (pid ${server.pid}): ${describeFindings(f, previous.writes.length)}, quick_check ${quick}`,
    );
  };

  for (let round = 1; ; round++) {
    const sent = all.length;
    if (round > CONFIG.crashMaxRounds || (round > CONFIG.crashMinRounds && sent >= CONFIG.crashMinWrites)) break;
    const server = await startServer({ port, env: ENV, logFile: LOG_FILE });
    cookie ??= await signInCookie(server.baseURL, EDITOR.email, E2E_PASSWORD);
    verifyPrevious(server);
    const r = await writeUntilKilled(server, cookie, round);
    rounds.push(r);
    all.push(...r.writes);
    previous = r;
  }
  // One last restart, so the last round is checked after a restart too; then a clean stop.
  const last = await startServer({ port, env: ENV, logFile: LOG_FILE });
  verifyPrevious(last);
  const lastHolders = databaseHolders(last, DB_FILE);
  await stopServer(last);
  const duration = performance.now() - started;

  const found = checkWrites(DB_FILE, all);
  const strays = strayRows(DB_FILE, "crash-", all);
  const integrity = pragmaCheck(DB_FILE, "integrity_check");
  const quick = pragmaCheck(DB_FILE, "quick_check");
  const acked = all.filter((w) => w.outcome === "acknowledged");
  const refused = all.filter((w) => w.outcome === "refused");
  const latencies = acked.map((w) => w.ms);
  const killedRight = rounds.filter((r) => r.holders.length === 1 && r.holders[0] === r.pid).length;
  console.log(
    [
      `  rounds ${rounds.length}, writes sent ${all.length}, acknowledged ${acked.length}, refused ${refused.length}, not acknowledged ${all.length - acked.length - refused.length} (in flight at the kill: ${rounds.reduce((t, r) => t + r.inFlightAtKill, 0)})`,
      `  present after restart ${found.present}/${found.acknowledged}, lost ${found.lost.length}, stored twice ${found.duplicates.length}, unacknowledged that landed ${found.landedUnacknowledged}`,
      `  latency (acknowledged) p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}`,
      `  kill -9 hit the database holder (the spawned next-server pid) in ${killedRight}/${rounds.length} rounds; after the last restart db held by [${lastHolders.join(", ")}] (pid ${last.pid})`,
      `  integrity_check ${integrity}; quick_check ${quick}; duration ${(duration / 1000).toFixed(1)} s`,
    ].join("\n"),
  );
  for (const w of refused.slice(0, 5)) console.log(`  refused ${w.name}: ${w.detail}`);
  check(
    "crash: enough rounds and writes",
    rounds.length >= CONFIG.crashMinRounds && all.length >= CONFIG.crashMinWrites,
    `${rounds.length} rounds (min ${CONFIG.crashMinRounds}), ${all.length} writes (min ${CONFIG.crashMinWrites})`,
  );
  check("crash: kill -9 hit the process holding the database", killedRight === rounds.length, `${killedRight}/${rounds.length} rounds`);
  check(
    "crash: no acknowledged write lost",
    found.lost.length === 0 && lostAfterRestart.length === 0,
    `${found.present}/${found.acknowledged} present at the end, ${lostAfterRestart.length} missing right after a restart${sample([...found.lost, ...lostAfterRestart])}`,
  );
  check(
    "crash: no write stored twice",
    found.duplicates.length === 0 && twiceAfterRestart.length === 0 && strays.length === 0,
    `${found.duplicates.length} duplicates, ${strays.length} unknown rows${sample([...found.duplicates, ...strays])}`,
  );
  check("crash: each row has exactly one create revision", found.tornRevisions.length === 0, `${found.tornRevisions.length} torn${sample(found.tornRevisions)}`);
  check("crash: integrity_check", integrity === "ok", integrity);
  check(
    "crash: quick_check after every restart and at the end",
    quick === "ok" && quickChecks.every((q) => q === "ok"),
    `${quickChecks.filter((q) => q === "ok").length + (quick === "ok" ? 1 : 0)}/${quickChecks.length + 1} ok`,
  );
}

// ---- main -------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  installExitHandlers();
  try {
    prepare();
    // STRESS_ONLY=load or STRESS_ONLY=crash runs one part (for working on it); CI runs both.
    const only = process.env.STRESS_ONLY;
    const cookie = only === "crash" ? null : await loadTest();
    if (only !== "load") await crashTest(cookie);
  } catch (error) {
    console.error("\nstress: stopped by an error:", error);
    check("stress run completed", false, error instanceof Error ? error.message : String(error));
  } finally {
    killAllServers();
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\nstress: finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

void main();
