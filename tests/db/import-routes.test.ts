// The browser's import routes (docs/decisions/020) on a real database with real sessions: only a
// same-origin editor or admin imports; anyone else gets a refusal and nothing changes; a bad file
// or short name is refused by its field; progress is streamed, counting up to the row count, and
// the import stays all or nothing. Entries from CSV, and a whole negotiation from its JSON file.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import { POST as importEntries } from "@/app/negotiations/[slug]/import/run/route";
import { POST as importNegotiation } from "@/app/negotiations/import/run/route";
import { ENTRY_COLUMNS } from "@/lib/exchange/csv";
import { decodeEvents, type ImportEvent } from "@/lib/exchange/import-events";
import { exportNegotiationJson } from "@/server/exchange/export";
import { getDb } from "@/server/db";
import { digest, ORIGIN, setUpWorld, useRequester, type World } from "../support/action-harness";

let world: World;
beforeAll(async () => {
  world = await setUpWorld();
}, 300_000);

const GOOD = (n: number) =>
  `2024-08-25,Hamas,Philadelphi corridor,rejects,firm,Imported position ${n},,,Imported report ${n % 7},Wire,https://example.org/imported-${n % 7},2024-08-25,en`;
const csvFile = (rows: string[]) => new File([[ENTRY_COLUMNS.join(","), ...rows].join("\n")], "entries.csv", { type: "text/csv" });
const form = (file: File | string | null, fields: Record<string, string> = {}) => {
  const data = new FormData();
  if (file !== null) data.set("file", file);
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

/** Calls a route as the browser's fetch does; returns the status and every event in order. */
async function post(handler: (request: Request) => Promise<Response>, path: string, body: FormData) {
  const response = await handler(new Request(`${ORIGIN}${path}`, { method: "POST", body }));
  expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
  const { events, rest } = decodeEvents(await response.text());
  expect(rest).toBe("");
  return { status: response.status, events };
}
const entriesRoute = (slug: string, body: FormData) =>
  post((request) => importEntries(request, { params: Promise.resolve({ slug }) }), `/negotiations/${slug}/import/run`, body);
const negotiationRoute = (body: FormData) => post(importNegotiation, "/negotiations/import/run", body);

const progressOf = (events: ImportEvent[]) => events.filter((e) => e.type === "progress");
const resultOf = (events: ImportEvent[]) => {
  const last = events.at(-1);
  if (last?.type !== "result") throw new Error(`no result: ${JSON.stringify(last)}`);
  return last.result;
};
const entryCount = async () => (await getDb()).positionEntry.count();

describe("entries import route", () => {
  it("refuses anyone but a same-origin editor or admin (403), and nothing changes", async () => {
    const before = await digest();
    for (const who of ["viewer", "anonymous", "cross-origin", "tampered-cookie", "null-origin", "other-port"] as const) {
      useRequester(world, who);
      const { status, events } = await entriesRoute(world.main.slug, form(csvFile([GOOD(1)])));
      expect(status, who).toBe(403);
      expect(events, who).toEqual([{ type: "refused", formError: expect.stringMatching(/[Nn]othing was saved/) }]);
    }
    expect(await digest()).toEqual(before);
  });

  it("an unknown negotiation is a 404", async () => {
    useRequester(world, "editor");
    const { status, events } = await entriesRoute("no-such-negotiation", form(csvFile([GOOD(1)])));
    expect(status).toBe(404);
    expect(events[0]).toMatchObject({ type: "refused", formError: expect.stringMatching(/No negotiation/) });
  });

  it("refuses a missing file, a text field and a file that is not UTF-8 by the file field (400)", async () => {
    useRequester(world, "editor");
    const before = await digest();
    for (const file of [null, "2024-01-01,Hamas", new File([new Uint8Array([0xff, 0xfe, 0x00, 0x41])], "x.csv")]) {
      const { status, events } = await entriesRoute(world.main.slug, form(file));
      expect(status).toBe(400);
      expect(events).toEqual([{ type: "refused", fieldErrors: { file: [expect.stringMatching(/Choose a CSV file|not UTF-8/)] } }]);
    }
    expect(await digest()).toEqual(before);
  });

  it("a body that is not a form (JSON, plain text) is a 400 with a message, never a 500, and nothing changes", async () => {
    useRequester(world, "editor");
    const before = await digest();
    for (const [type, body] of [["application/json", '{"file":"x"}'], ["text/plain", "stated_on,parties"]] as const) {
      const request = new Request(`${ORIGIN}/negotiations/${world.main.slug}/import/run`, { method: "POST", headers: { "content-type": type }, body });
      const response = await importEntries(request, { params: Promise.resolve({ slug: world.main.slug }) });
      expect(response.status, type).toBe(400);
      const { events } = decodeEvents(await response.text());
      expect(events, type).toEqual([{ type: "refused", formError: expect.stringMatching(/./) }]);
    }
    expect(await digest()).toEqual(before);
  });

  it("is all or nothing: one bad row among 300 and nothing is saved, its line is named", async () => {
    useRequester(world, "editor");
    const before = await digest();
    const rows = Array.from({ length: 300 }, (_, i) => GOOD(i));
    rows[249] = rows[249]!.replace("rejects", "shouts"); // line 251 (the header is line 1)
    const { status, events } = await entriesRoute(world.main.slug, form(csvFile(rows)));
    expect(status).toBe(200);
    const result = resultOf(events);
    expect(result).toMatchObject({ ok: false, dryRun: false, problems: ["Line 251, stance: Choose a stance."] });
    expect(progressOf(events).at(-1)).toEqual({ type: "progress", done: 300, total: 300 });
    expect(await digest()).toEqual(before);
  }, 120_000);

  it("streams progress counting up to the row count before the result, and imports every row", async () => {
    useRequester(world, "editor");
    const entriesBefore = await entryCount();
    const rows = Array.from({ length: 250 }, (_, i) => GOOD(1000 + i));
    const { status, events } = await entriesRoute(world.main.slug, form(csvFile(rows)));
    expect(status).toBe(200);
    const progress = progressOf(events) as Array<{ done: number; total: number }>;
    // About a hundred steps (every 3 rows for 250), strictly increasing, ending at the row count.
    expect(progress.length).toBeGreaterThanOrEqual(50);
    expect(progress.every((p) => p.total === 250)).toBe(true);
    expect(progress.every((p, i) => i === 0 || p.done > progress[i - 1]!.done)).toBe(true);
    expect(progress.at(-1)!.done).toBe(250);
    expect(events.findIndex((e) => e.type === "result")).toBe(events.length - 1);
    expect(resultOf(events)).toMatchObject({ ok: true, dryRun: false, created: { entries: 250, sources: 7 }, slug: world.main.slug });
    expect(await entryCount()).toBe(entriesBefore + 250);
  }, 120_000);

  it("a dry run streams the same progress and writes nothing", async () => {
    useRequester(world, "admin");
    const before = await digest();
    const { events } = await entriesRoute(world.main.slug, form(csvFile([GOOD(1), GOOD(2)]), { dryRun: "on" }));
    expect(progressOf(events).at(-1)).toEqual({ type: "progress", done: 2, total: 2 });
    expect(resultOf(events)).toMatchObject({ ok: true, dryRun: true, created: { entries: 2 } });
    expect(await digest()).toEqual(before);
  }, 60_000);
});

describe("negotiation import route (exchange JSON)", () => {
  const exported = async () => {
    const db = await getDb();
    const n = await db.negotiation.findUniqueOrThrow({ where: { slug: world.main.slug }, select: { id: true, slug: true, title: true, description: true } });
    return exportNegotiationJson(n);
  };
  const jsonFile = (text: string) => new File([text], "export.json", { type: "application/json" });

  it("refuses anyone but a same-origin editor or admin (403), and nothing changes", async () => {
    const file = jsonFile(await exported());
    const before = await digest();
    for (const who of ["viewer", "anonymous", "cross-origin", "tampered-cookie"] as const) {
      useRequester(world, who);
      const { status, events } = await negotiationRoute(form(file, { slug: `copy-${who}` }));
      expect(status, who).toBe(403);
      expect(events[0], who).toMatchObject({ type: "refused", formError: expect.stringMatching(/[Nn]othing was saved/) });
    }
    expect(await digest()).toEqual(before);
  });

  it("refuses a malformed short name or a missing file by its field, and a taken short name as a problem; nothing changes", async () => {
    useRequester(world, "editor");
    const file = jsonFile(await exported());
    const before = await digest();
    const bad = await negotiationRoute(form(file, { slug: "Not A Slug" }));
    expect(bad.status).toBe(400);
    expect(bad.events[0]).toMatchObject({ type: "refused", fieldErrors: { slug: [expect.stringMatching(/lowercase letters/)] } });
    const reserved = await negotiationRoute(form(file, { slug: "import" }));
    expect(reserved.events[0]).toMatchObject({ type: "refused", fieldErrors: { slug: [expect.stringMatching(/Parley's own pages/)] } });
    const missing = await negotiationRoute(form(null, { slug: "copy" }));
    expect(missing.events[0]).toMatchObject({ type: "refused", fieldErrors: { file: [expect.stringMatching(/negotiation file/)] } });
    const taken = await negotiationRoute(form(file)); // the file's own short name exists
    expect(resultOf(taken.events)).toMatchObject({ ok: false, problems: [expect.stringMatching(/exists already/)] });
    const broken = await negotiationRoute(form(jsonFile('{"format":"parley-negotiation","version":1}'), { slug: "copy" }));
    expect(resultOf(broken.events).ok).toBe(false);
    expect(await digest()).toEqual(before);
  });

  it("imports the exported file as a new negotiation under another short name, with progress; exporting it again gives the same file", async () => {
    useRequester(world, "editor");
    const text = await exported();
    const file = JSON.parse(text) as { parties: unknown[]; issues: unknown[]; sources: unknown[]; entries: unknown[] };
    const records = file.parties.length + file.issues.length + file.sources.length + file.entries.length;
    const { status, events } = await negotiationRoute(form(jsonFile(text), { slug: "imported-copy" }));
    expect(status).toBe(200);
    expect(progressOf(events).at(-1)).toEqual({ type: "progress", done: records, total: records });
    expect(resultOf(events)).toMatchObject({
      ok: true,
      dryRun: false,
      slug: "imported-copy",
      created: { negotiation: "imported-copy", entries: file.entries.length, sources: file.sources.length },
    });
    const db = await getDb();
    const copy = await db.negotiation.findUniqueOrThrow({ where: { slug: "imported-copy" }, select: { id: true, slug: true, title: true, description: true } });
    expect(await exportNegotiationJson(copy)).toBe(text.replace(`"slug": "${world.main.slug}"`, `"slug": "imported-copy"`));
  }, 120_000);
});
