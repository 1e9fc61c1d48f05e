// What the entry and source forms do with dates and texts a person typed (issue 7, findings 8,
// 15, 16, 17): called in-process against a real SQLite file with a real editor session.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import { createEntryAction, updateEntryAction } from "@/server/actions/entries";
import { createSourceAction } from "@/server/actions/sources";
import { addDays, latestRecordableDay } from "@/lib/day";
import { digest, invoke, row, setUpWorld, useRequester, type World } from "../support/action-harness";

let world: World;
/** A valid entry form of the demo negotiation, on a dated link-only source. */
let entry: Awaited<ReturnType<typeof entryFields>>;
beforeAll(async () => {
  world = await setUpWorld();
  useRequester(world, "editor");
  entry = await entryFields();
}, 180_000);

function form(fields: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) fd.append(k, one);
  return fd;
}

async function entryFields() {
  const party = (await row<{ id: number }>(`SELECT id FROM "Party" WHERE negotiationId = ? AND deletedAt IS NULL ORDER BY id LIMIT 1`, world.main.id))!;
  const issue = (await row<{ id: number }>(`SELECT id FROM "Issue" WHERE negotiationId = ? AND deletedAt IS NULL ORDER BY id LIMIT 1`, world.main.id))!;
  const source = (await row<{ id: number }>(`SELECT id FROM "Source" WHERE negotiationId = ? AND deletedAt IS NULL AND text IS NULL AND publishedOn IS NOT NULL ORDER BY id LIMIT 1`, world.main.id))!;
  return { partyIds: [String(party.id)], issueId: String(issue.id), sourceId: String(source.id), stance: "demands", summary: "Wants a full withdrawal." };
}

describe("finding 16 and 8 (dates): a date after today is refused by the field, nothing saved", () => {
  it.each([
    ["the day after the latest day it is today anywhere", () => addDays(latestRecordableDay(), 1)],
    ["9999-12-31", () => "9999-12-31"],
  ])("an entry stated on %s", async (_, day) => {
    const statedOn = day();
    const before = await digest();
    const outcome = await invoke(() => createEntryAction(world.main.slug, {}, form({ ...entry, statedOn })));
    expect(outcome.kind).toBe("state");
    if (outcome.kind !== "state") return;
    expect(outcome.state.fieldErrors?.statedOn?.[0]).toMatch(/^Date stated is in the future/);
    expect(outcome.state.values?.statedOn).toBe(statedOn);
    expect(await digest()).toEqual(before);
  });

  it("an entry dated 0000-01-15 or 30 February is refused with what is wrong", async () => {
    for (const [statedOn, message] of [
      ["0000-01-15", /before 1 Jan 1900/],
      ["2024-02-30", /2024-02-30 is not a real date/],
    ] as const) {
      const before = await digest();
      const outcome = await invoke(() => createEntryAction(world.main.slug, {}, form({ ...entry, statedOn })));
      expect(outcome.kind === "state" && outcome.state.fieldErrors?.statedOn?.[0]).toMatch(message);
      expect(await digest()).toEqual(before);
    }
  });

  it("an edit that moves an entry into the future is refused too", async () => {
    const saved = (await row<{ id: number; version: number }>(`SELECT id, version FROM "PositionEntry" WHERE negotiationId = ? AND deletedAt IS NULL ORDER BY id LIMIT 1`, world.main.id))!;
    const before = await digest();
    const outcome = await invoke(() =>
      updateEntryAction(world.main.slug, saved.id, {}, form({ ...entry, statedOn: "9999-12-31", version: String(saved.version) })),
    );
    expect(outcome.kind === "state" && outcome.state.fieldErrors?.statedOn?.[0]).toMatch(/in the future/);
    expect(await digest()).toEqual(before);
  });

  it("a source published after today is refused; one published today is saved", async () => {
    const before = await digest();
    const future = addDays(latestRecordableDay(), 1);
    const outcome = await invoke(() => createSourceAction(world.main.slug, {}, form({ title: "Tomorrow's paper", outlet: "Wire", publishedOn: future })));
    expect(outcome.kind === "state" && outcome.state.fieldErrors?.publishedOn?.[0]).toMatch(/^Published date is in the future/);
    expect(await digest()).toEqual(before);
  });
});

describe("finding 15: a text over its limit is refused whole, never cut", () => {
  it("a 1,024-character summary comes back as typed with the count in the message", async () => {
    const summary = "Wants a full withdrawal. ".repeat(41).slice(0, 1024);
    expect(summary).toHaveLength(1024);
    const before = await digest();
    const outcome = await invoke(() => createEntryAction(world.main.slug, {}, form({ ...entry, summary })));
    expect(outcome.kind).toBe("state");
    if (outcome.kind !== "state") return;
    expect(outcome.state.fieldErrors?.summary).toEqual([
      "Summary is 1,024 characters long; the limit is 1,000. Shorten it by 24 characters; nothing was cut.",
    ]);
    expect(outcome.state.values?.summary).toBe(summary);
    expect(await digest()).toEqual(before);
  });
});

describe("finding 17: a source without a headline", () => {
  it("is saved with no title when it has an outlet", async () => {
    const outcome = await invoke(() => createSourceAction(world.main.slug, {}, form({ title: "", outlet: "Reuters", publishedOn: "2024-08-25" })));
    expect(outcome.kind).toBe("redirect");
    const id = Number(outcome.kind === "redirect" && /sources\/(\d+)$/.exec(outcome.url)![1]);
    expect(await row(`SELECT title, outlet, publishedOn FROM "Source" WHERE id = ?`, id)).toEqual({ title: null, outlet: "Reuters", publishedOn: "2024-08-25" });
  });
  it("is refused, unwritten, when nothing would name it", async () => {
    const before = await digest();
    const outcome = await invoke(() => createSourceAction(world.main.slug, {}, form({ title: " ", outlet: "", url: "https://example.org/a" })));
    expect(outcome.kind === "state" && outcome.state.fieldErrors?.title).toEqual(["Enter the report's title, or its outlet if it has no headline."]);
    expect(await digest()).toEqual(before);
  });
});
