// The server under stress: `next start` spawned directly with node (no npx or npm wrapper), so
// the PID we hold is the process that opens the database. Loopback only. Every server started
// here is killed when the runner exits, whatever the reason.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";

export const HOST = "127.0.0.1";

const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  // Spawned detached, so the server leads its own process group: this reaches anything it
  // may have started, and nothing else.
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

/** Kills every server still running (synchronous: safe in an 'exit' handler). */
export function killAllServers() {
  for (const child of live) killGroup(child, "SIGKILL");
  live.clear();
}

let handlersInstalled = false;
/** Kill our servers on any way out: normal exit, Ctrl-C, SIGTERM (a CI time-out), a crash. */
export function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("exit", killAllServers);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      console.error(`\nstress: ${signal}, stopping servers`);
      killAllServers();
      process.exit(130);
    });
  }
  process.on("uncaughtException", (error) => {
    console.error("stress: uncaught", error);
    killAllServers();
    process.exit(1);
  });
  process.on("unhandledRejection", (error) => {
    console.error("stress: unhandled rejection", error);
    killAllServers();
    process.exit(1);
  });
}

/** Refuses to start on a port something else already listens on (we never kill what we did not start). */
export async function assertPortFree(port: number): Promise<void> {
  const inUse = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: HOST, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
  if (inUse) throw new Error(`port ${port} on ${HOST} is already in use; stop whatever listens there or set STRESS_PORT`);
}

export interface Server {
  child: ChildProcess;
  pid: number;
  baseURL: string;
  exited: Promise<void>;
}

export async function startServer(opts: { port: number; env: NodeJS.ProcessEnv; logFile: string; readyTimeoutMs?: number }): Promise<Server> {
  installExitHandlers();
  await assertPortFree(opts.port);
  const log = openSync(opts.logFile, "a");
  // scripts/serve.mjs is what `npm start` runs (next start plus the socket address for the sign-in throttle).
  const child = spawn(process.execPath, ["scripts/serve.mjs", "-H", HOST, "-p", String(opts.port)], {
    env: opts.env,
    detached: true,
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  if (child.pid === undefined) throw new Error("could not start next");
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => live.delete(child));
  let gone = false;
  void exited.then(() => (gone = true));
  const baseURL = `http://${HOST}:${opts.port}`;
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  // Ready = the home page answers, which reads the database (so the server has opened it).
  for (;;) {
    if (gone) throw new Error(`server exited during start-up (see ${opts.logFile})`);
    try {
      const response = await fetch(`${baseURL}/`, { signal: AbortSignal.timeout(10_000) });
      await response.text();
      if (response.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      killGroup(child, "SIGKILL");
      throw new Error(`server not ready after ${opts.readyTimeoutMs ?? 60_000} ms (see ${opts.logFile})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, pid: child.pid, baseURL, exited };
}

/** Stops a server politely (SIGTERM), then by force after `graceMs`. */
export async function stopServer(server: Server, graceMs = 10_000): Promise<void> {
  killGroup(server.child, "SIGTERM");
  const timer = setTimeout(() => killGroup(server.child, "SIGKILL"), graceMs);
  await server.exited;
  clearTimeout(timer);
  killGroup(server.child, "SIGKILL"); // anything left in its group
}

/** PIDs in the server's process group that have the database file open. */
export function databaseHolders(server: Server, dbFile: string): number[] {
  const target = realpathSync(dbFile);
  const holders: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid pgrp ..."; comm may contain spaces.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (pgrp !== server.pid) continue;
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        let link: string;
        try {
          link = readlinkSync(join(`/proc/${pid}/fd`, fd));
        } catch {
          continue;
        }
        if (link === target) {
          holders.push(pid);
          break;
        }
      }
    } catch {
      /* process ended while we looked */
    }
  }
  return holders;
}

/**
 * kill -9 of the process(es) holding the database (found beforehand with databaseHolders, so
 * that nothing slow runs between the decision and the signal), then of anything else in the
 * server's group.
 */
export async function crashServer(server: Server, holders: number[]): Promise<void> {
  for (const pid of holders) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* gone */
    }
  }
  killGroup(server.child, "SIGKILL");
  await server.exited;
}
