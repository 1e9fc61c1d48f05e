import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { describeCell, packCell, packedCell, type OverviewCell } from "@/lib/overview";
import { CHANGE_TYPES } from "@/lib/change";
import { FIRMNESS, STANCES } from "@/lib/vocabulary";
import { addDays } from "@/lib/window";

describe("an overview cell", () => {
  it("reads as a sentence naming party, issue, stance, firmness, date, age and move", () => {
    const cell: OverviewCell = { stance: "demands", firmness: "firm", statedOn: "2024-08-25", entries: 1, change: "hardened" };
    expect(describeCell({ party: "Hamas", issue: "Permanent ceasefire", asOf: "2024-08-25", cell }).sentence).toBe(
      "Hamas on Permanent ceasefire: Demands, firm, stated 25 Aug 2024 (today), hardened since the previous entry",
    );
    const old = describeCell({ party: "Israel", issue: "Blockade", asOf: "2025-10-09", cell: { ...cell, statedOn: "2024-05-01", change: null, entries: 2 } });
    expect(old.sentence).toBe("Israel on Blockade: Demands, firm, stated 1 May 2024 (1 year old, may be out of date), 2 entries that day");
    expect(old.stale).toBe(true);
    expect(describeCell({ party: "US", issue: "Aid", asOf: "2025-01-01", cell: null }).sentence).toBe("US on Aid: no position recorded");
  });

  it("packs into five numbers and unpacks to the same cell", () => {
    const cell = fc.record({
      stance: fc.constantFrom(...STANCES),
      firmness: fc.constantFrom(...FIRMNESS, null),
      change: fc.constantFrom(...CHANGE_TYPES, null),
      age: fc.nat(3000),
      entries: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(cell, ({ age, ...rest }) => {
        const asOf = "2025-10-09";
        const original: OverviewCell = { ...rest, statedOn: addDays(asOf, -age) };
        expect(packedCell(packCell(original, asOf), asOf)).toEqual(original);
      }),
    );
    expect(packCell(null, "2025-01-01")).toBeNull();
  });
});
