// The same-day rule (issue 8, decision 004): all entries of one party on one issue stated on
// one day are one reading, so the order an analyst typed them in never invents a move.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { classifyChange, readingOf, type EntryForChange } from "@/lib/change";
import { cellHistories, changeFromReading, readingsOf, type HistoryEntry } from "@/lib/history";
import { buildMatrix, cellKey } from "@/lib/matrix";
import { overviewCellOf } from "@/lib/overview";
import { FIRMNESS, STANCES, type Firmness, type Stance } from "@/lib/vocabulary";

const runs = Number(process.env.PROPERTY_RUNS ?? 300);
const stance = fc.constantFrom<Stance>(...STANCES);
const firmness = fc.constantFrom<Firmness | null>(...FIRMNESS, null);
const text = fc.constantFrom("a", "A.", "b", "");
const content = fc.record({ stance, firmness, summary: text, quote: text });
const days = ["2024-08-20", "2024-08-21", "2024-08-25"] as const;

/** A cell's entries: content per day, as typed in some order (ids grow with typing order). */
const cellEntries = fc
  .array(fc.record({ day: fc.constantFrom(...days), content }), { minLength: 1, maxLength: 7 })
  .chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list.map((_, i) => i), { minLength: list.length, maxLength: list.length })));

function typed(list: Array<{ day: string; content: EntryForChange }>, order: number[]): HistoryEntry[] {
  // order[k] = which item was typed k-th: it gets id k + 1.
  return order
    .map((item, k) => ({ id: k + 1, statedOn: list[item]!.day, issueId: 1, partyIds: [1], changeOverride: null, ...list[item]!.content }))
    .sort((a, b) => (a.statedOn === b.statedOn ? a.id - b.id : a.statedOn < b.statedOn ? -1 : 1));
}

describe("a reading (the same-day rule)", () => {
  it("does not depend on the order of its entries", () => {
    fc.assert(
      fc.property(fc.array(content, { minLength: 1, maxLength: 6 }), fc.nat(), (entries, seed) => {
        const shuffled = [...entries].sort(() => 0).reverse();
        const rotated = entries.map((_, i) => entries[(i + seed) % entries.length]!);
        expect(readingOf(shuffled)).toEqual(readingOf(entries));
        expect(readingOf(rotated)).toEqual(readingOf(entries));
      }),
      { numRuns: runs },
    );
  });

  it("of one entry classifies exactly like that entry", () => {
    fc.assert(
      fc.property(fc.option(content, { nil: null }), content, (previous, current) => {
        expect(classifyChange(previous ? readingOf([previous]) : null, readingOf([current]))).toBe(classifyChange(previous, current));
      }),
      { numRuns: runs },
    );
  });

  it("stands at the hardest stance of the day with the firmest stated firmness there", () => {
    const r = readingOf([
      { stance: "accepts", firmness: "red_line", summary: "x", quote: "" },
      { stance: "conditions", firmness: "flexible", summary: "y", quote: "" },
      { stance: "conditions", firmness: "firm", summary: "z", quote: "" },
      { stance: "withdraws", firmness: null, summary: "w", quote: "" },
    ]);
    expect(r.stance).toBe("conditions");
    expect(r.firmness).toBe("firm");
    expect(readingOf([{ stance: "withdraws", firmness: null, summary: "w", quote: "" }]).stance).toBe("withdraws");
  });

  it("two contradictory entries typed the same day are one new position, not a reversal between them", () => {
    const accepts: HistoryEntry = { id: 1, statedOn: days[0], issueId: 1, partyIds: [1], changeOverride: null, stance: "accepts", firmness: null, summary: "a", quote: "" };
    const rejects: HistoryEntry = { ...accepts, id: 2, stance: "rejects", summary: "b" };
    const history = cellHistories([accepts, rejects]).get(cellKey(1, 1))!;
    expect(history.map((e) => e.change)).toEqual(["new", "new"]);
  });

  it("the matrix cell's stance, firmness and change mark never depend on typing order", () => {
    fc.assert(
      fc.property(cellEntries, cellEntries, ([list], [, other]) => {
        fc.pre(other.length === list.length);
        const identity = list.map((_, i) => i);
        for (const asOf of days) {
          const one = buildMatrix({ issueIds: [1], partyIds: [1], entries: typed(list, identity), asOf }).get(cellKey(1, 1))!;
          const two = buildMatrix({ issueIds: [1], partyIds: [1], entries: typed(list, other), asOf }).get(cellKey(1, 1))!;
          expect(overviewCellOf(two, asOf, 30)).toEqual(overviewCellOf(one, asOf, 30));
        }
      }),
      { numRuns: runs },
    );
  });

  it("each entry's change in a cell's history never depends on typing order", () => {
    fc.assert(
      fc.property(cellEntries, ([list, order]) => {
        const key = (e: HistoryEntry) => JSON.stringify([e.statedOn, e.stance, e.firmness, e.summary, e.quote]);
        const changes = (entries: HistoryEntry[]) =>
          cellHistories(entries)
            .get(cellKey(1, 1))!
            .map((e) => `${key(e)}=${e.change}`)
            .sort();
        expect(changes(typed(list, order))).toEqual(changes(typed(list, list.map((_, i) => i))));
      }),
      { numRuns: runs },
    );
  });

  it("compares each day with the previous day's reading, never with a same-day entry", () => {
    fc.assert(
      fc.property(cellEntries, ([list, order]) => {
        const entries = typed(list, order);
        const byDay = readingsOf(entries);
        const history = cellHistories(entries).get(cellKey(1, 1))!;
        for (const e of history) {
          const d = byDay.findIndex((day) => day[0]!.statedOn === e.statedOn);
          expect(e.change).toBe(changeFromReading(d > 0 ? byDay[d - 1]! : null, e).change);
        }
      }),
      { numRuns: runs },
    );
  });
});
