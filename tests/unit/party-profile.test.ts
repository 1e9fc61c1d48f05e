import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "@/lib/history";
import { buildPartyProfile, buildPartyProfilePage } from "@/lib/party-profile";

const HAMAS = 2;
const ISRAEL = 1;
const DEAL = { id: 10, name: "Overall deal" };
const PERMANENT = { id: 11, name: "Permanent ceasefire" };
const RAFAH = { id: 12, name: "Rafah crossing" };
const AID = { id: 13, name: "Humanitarian aid" };
const issues = [DEAL, PERMANENT, RAFAH, AID];

let nextId = 1;
function entry(issueId: number, partyIds: number[], statedOn: string, stance: string, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return { id: nextId++, issueId, partyIds, statedOn, stance, firmness: null, summary: `${stance} on ${statedOn}`, quote: "", changeOverride: null, ...extra };
}

const entries = [
  entry(PERMANENT.id, [HAMAS], "2024-06-16", "demands", { firmness: "red_line" }),
  entry(DEAL.id, [HAMAS], "2024-05-06", "accepts"),
  entry(PERMANENT.id, [HAMAS], "2024-07-07", "concedes", { firmness: "flexible" }),
  entry(DEAL.id, [HAMAS, 3], "2024-08-20", "rejects"), // joint statement with another party
  entry(RAFAH.id, [ISRAEL], "2024-06-01", "rejects"), // someone else's entry
  entry(PERMANENT.id, [HAMAS], "2024-09-01", "concedes", { firmness: "flexible", changeOverride: "softened" }),
  entry(RAFAH.id, [HAMAS], "2025-01-01", "accepts"),
];

describe("buildPartyProfile", () => {
  const profile = buildPartyProfile({ partyId: HAMAS, issues, entries, asOf: "2024-08-25" });

  it("lists the issues the party has entries on, in matrix order, and the rest apart", () => {
    expect(profile.issues.map((i) => i.issue.name)).toEqual(["Overall deal", "Permanent ceasefire", "Rafah crossing"]);
    expect(profile.unrecorded.map((i) => i.name)).toEqual(["Humanitarian aid"]);
    expect(profile.entryCount).toBe(6);
  });

  it("gives each issue's history oldest first with change types", () => {
    const permanent = profile.issues[1]!;
    expect(permanent.history.map((h) => [h.entry.statedOn, h.entry.change, h.entry.overridden])).toEqual([
      ["2024-06-16", "new", false],
      ["2024-07-07", "softened", false],
      ["2024-09-01", "softened", true],
    ]);
    expect(permanent.history[2]!.entry.computedChange).toBe("reworded");
  });

  it("counts a joint statement in the party's history", () => {
    const deal = profile.issues[0]!;
    expect(deal.history.map((h) => h.entry.change)).toEqual(["new", "reversed"]);
    expect(deal.current?.stance).toBe("rejects");
  });

  it("marks the entry in force on the as-of day and the ones stated after it", () => {
    const permanent = profile.issues[1]!;
    expect(permanent.current?.statedOn).toBe("2024-07-07");
    expect(permanent.history.map((h) => [h.inForce, h.afterAsOf])).toEqual([
      [false, false],
      [true, false],
      [false, true],
    ]);
  });

  it("keeps an issue whose entries all come after the as-of day, with no current position", () => {
    const rafah = profile.issues[2]!;
    expect(rafah.current).toBeNull();
    expect(rafah.history.map((h) => h.entry.stance)).toEqual(["accepts"]);
    expect(rafah.history[0]!.afterAsOf).toBe(true);
  });

  it("a party with no entries has every issue unrecorded", () => {
    const empty = buildPartyProfile({ partyId: 99, issues, entries, asOf: "2024-08-25" });
    expect(empty.issues).toEqual([]);
    expect(empty.unrecorded).toEqual(issues);
    expect(empty.entryCount).toBe(0);
  });
});

describe("buildPartyProfilePage", () => {
  // Page 2 of Hamas's entries by issue then date: the last Permanent ceasefire entry and Rafah.
  const [, , permanentJuly, , , permanentSept, rafah] = entries;
  const whole = buildPartyProfile({ partyId: HAMAS, issues, entries, asOf: "2024-08-25" });
  const summaries = whole.issues.map((i) => ({ issueId: i.issue.id, count: i.history.length, firstStated: i.history[0]!.entry.statedOn, current: i.current }));
  const page = buildPartyProfilePage({
    partyId: HAMAS,
    issues,
    summaries,
    // The page's entries and, as context, the entry before the page in its cell.
    entries: [permanentJuly!, permanentSept!, rafah!],
    pageIds: new Set([permanentSept!.id, rafah!.id]),
    asOf: "2024-08-25",
  });

  it("summarises every issue from the whole history, whatever the page shows", () => {
    expect(page.overview.map((o) => [o.issue.name, o.summary.count, o.summary.current?.statedOn ?? null])).toEqual([
      ["Overall deal", 2, "2024-08-20"],
      ["Permanent ceasefire", 3, "2024-07-07"],
      ["Rafah crossing", 1, null],
    ]);
    expect(page.unrecorded).toEqual([AID]);
    expect(page.entryCount).toBe(6);
  });

  it("shows only the page's entries, classified against the context, and marks an issue begun on an earlier page", () => {
    expect(page.sections.map((s) => [s.issue.name, s.continued, s.history.map((h) => [h.entry.statedOn, h.entry.change])])).toEqual([
      ["Permanent ceasefire", true, [["2024-09-01", "softened"]]],
      ["Rafah crossing", false, [["2025-01-01", "new"]]],
    ]);
  });

  it("marks the entry in force only where the page shows it", () => {
    // The July entry is in force on 25 Aug 2024 but is on the previous page: nothing on this one is marked.
    expect(page.sections.flatMap((s) => s.history.map((h) => [h.inForce, h.afterAsOf]))).toEqual([
      [false, true],
      [false, true],
    ]);
  });
});
