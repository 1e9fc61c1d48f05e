// The pure rules of reordering and merging parties and issues (lib/taxonomy.ts; decision 019).
import { describe, expect, it } from "vitest";
import { aliasesToAdd, isDirection, mergeRecordOf, mergeSummary, movedMessage, moveInList, withAliases, withoutAliases } from "@/lib/taxonomy";

describe("moveInList", () => {
  it("swaps with the neighbour above or below", () => {
    expect(moveInList([1, 2, 3], 2, "up")).toEqual([2, 1, 3]);
    expect(moveInList([1, 2, 3], 2, "down")).toEqual([1, 3, 2]);
  });
  it("cannot move the first up, the last down, or an id not in the list", () => {
    expect(moveInList([1, 2, 3], 1, "up")).toBeNull();
    expect(moveInList([1, 2, 3], 3, "down")).toBeNull();
    expect(moveInList([1, 2, 3], 9, "up")).toBeNull();
  });
  it("accepts only up and down", () => {
    expect(["up", "down", "left", "", null, ["up"]].map(isDirection)).toEqual([true, true, false, false, false, false]);
  });
  it("says where the record is now", () => {
    expect(movedMessage("Hostages", 3, 12)).toBe("Hostages moved to position 3 of 12.");
  });
});

describe("aliases on a party merge", () => {
  const target = { name: "Hamas", shortName: "", aliases: "Islamic Resistance Movement" };
  it("adds the merged party's name, short name and other names once, skipping what the target already goes by (any case)", () => {
    expect(aliasesToAdd(target, { name: "Hamas political bureau", shortName: "HAMAS", aliases: "Politburo\npolitburo\nislamic resistance movement" })).toEqual([
      "Hamas political bureau",
      "Politburo",
    ]);
  });
  it("adds Arabic names as typed", () => {
    expect(aliasesToAdd(target, { name: "حماس", shortName: "", aliases: "" })).toEqual(["حماس"]);
  });
  it("undo takes back exactly the added names, keeping ones added by hand since", () => {
    const merged = withAliases(target.aliases, ["Politburo", "HPB"]);
    expect(merged).toBe("Islamic Resistance Movement\nPolitburo\nHPB");
    expect(withoutAliases(`${merged}\nAdded later`, ["Politburo", "HPB"])).toBe("Islamic Resistance Movement\nAdded later");
    expect(withoutAliases("", ["Politburo"])).toBe("");
  });
});

describe("mergeRecordOf", () => {
  const merge = { kind: "party", targetId: 4, targetName: "Hamas", entryIds: [1, 2], jointEntryIds: [3], addedAliases: ["X"] };
  it("reads the merge a delete revision recorded", () => {
    expect(mergeRecordOf({ id: 9, name: "X", merge })).toEqual(merge);
  });
  it("is null for an ordinary delete or a malformed record", () => {
    expect(mergeRecordOf({ id: 9, name: "X" })).toBeNull();
    expect(mergeRecordOf({ merge: { ...merge, kind: "source" } })).toBeNull();
    expect(mergeRecordOf({ merge: { ...merge, entryIds: ["1"] } })).toBeNull();
    expect(mergeRecordOf({ merge: "yes" })).toBeNull();
  });
});

describe("mergeSummary", () => {
  it("says how many entries move, for an issue", () => {
    expect(mergeSummary("issue", { name: "Truce", target: "Ceasefire", entries: 1, joint: 0, aliases: [] })).toBe(
      "1 position entry of “Truce” will move to “Ceasefire”. “Truce” will go to the trash; restoring it from there undoes the merge.",
    );
  });
  it("names joint statements and the names a party target takes", () => {
    expect(mergeSummary("party", { name: "PIJ", target: "Islamic Jihad", entries: 3, joint: 1, aliases: ["PIJ"] })).toBe(
      "3 position entries of “PIJ” will be credited to “Islamic Jihad” (1 of them a joint statement that already names “Islamic Jihad”). “Islamic Jihad” will also go by “PIJ”. “PIJ” will go to the trash; restoring it from there undoes the merge.",
    );
  });
});
