// The revision history in the reader's words (issue 11, item 7): names instead of "#24", labels
// instead of stored values, every field by its label, the link back to the record.
import { describe, expect, it } from "vitest";
import {
  describeRevisions,
  fieldText,
  FIELD_LABELS,
  recordLink,
  recordTitle,
  referencedIds,
  type RecordNames,
  type RevisionRecord,
} from "@/lib/revision-history";
import { plural } from "@/lib/format";

const names: RecordNames = {
  negotiation: new Map([[1, { name: "Gaza ceasefire talks", trashed: false }]]),
  side: new Map([[3, { name: "Palestinian factions", trashed: false }]]),
  party: new Map([
    [24, { name: "Hamas", trashed: false }],
    [25, { name: "Palestinian Islamic Jihad", trashed: true }],
    [26, { name: "Israel", trashed: false }],
  ]),
  issue: new Map([
    [7, { name: "Philadelphi corridor", trashed: false }],
    [8, { name: "Rafah crossing", trashed: true }],
  ]),
  source: new Map([[3, { name: "Reuters, 25 Aug 2024", trashed: false }]]),
};

const at = new Date("2024-08-25T14:03:09Z");
const rev = (id: number, action: string, state: Record<string, unknown>): RevisionRecord => ({ id, action, version: id, state, actorName: "Analyst", createdAt: at });

const entryV1 = {
  id: 170,
  negotiationId: 1,
  issueId: 7,
  sourceId: 3,
  partyIds: [24, 25],
  statedOn: "2024-08-25",
  stance: "demands",
  firmness: "red_line",
  summary: "Israel must leave the corridor.",
  quote: "",
  quoteStart: null,
  quoteEnd: null,
  notes: "",
  changeOverride: null,
  version: 1,
  deletedAt: null,
  createdAt: "2024-08-25T14:03:09.000Z",
  updatedAt: "2024-08-25T14:03:09.000Z",
};

describe("field values in words", () => {
  it("names related records instead of their ids, saying which are in the trash", () => {
    expect(fieldText("partyIds", [24, 25], names)).toBe("Hamas, Palestinian Islamic Jihad (in the trash)");
    expect(fieldText("issueId", 7, names)).toBe("Philadelphi corridor");
    expect(fieldText("issueId", 8, names)).toBe("Rafah crossing (in the trash)");
    expect(fieldText("sourceId", 3, names)).toBe("Reuters, 25 Aug 2024");
    expect(fieldText("negotiationId", 1, names)).toBe("Gaza ceasefire talks");
  });
  it("falls back to #id only for a record it has no name for", () => {
    expect(fieldText("issueId", 99, names)).toBe("#99");
  });
  it("shows stance, firmness, role and change type by their labels, days as dates, other names as a list", () => {
    expect(fieldText("stance", "conditions", names)).toBe("Accepts with conditions");
    expect(fieldText("firmness", "red_line", names)).toBe("Red line");
    expect(fieldText("role", "mediator", names)).toBe("Mediator");
    expect(fieldText("changeOverride", "softened", names)).toBe("Softened");
    expect(fieldText("statedOn", "2024-08-25", names)).toBe("25 Aug 2024");
    expect(fieldText("aliases", "PIJ\nIslamic Jihad", names)).toBe("PIJ, Islamic Jihad");
    // Issue 12: an issue's words reports use, and where an entry came from.
    expect(fieldText("keywords", "truce\npause in fighting", names)).toBe("truce, pause in fighting");
    expect(fieldText("suggestedBy", "rules", names)).toBe("the built-in rules");
    expect(fieldText("suggestedBy", "model:llama3", names)).toBe("the model llama3");
    expect(fieldText("suggestionEdited", true, names)).toBe("yes");
    expect(fieldText("suggestionEdited", false, names)).toBe("no");
    expect(fieldText("suggestionEdited", null, names)).toBe("");
    expect(fieldText("firmness", null, names)).toBe("");
    expect(fieldText("language", "ar", names)).toBe("Arabic (ar)");
    expect(fieldText("language", "not a tag!", names)).toBe("not a tag!");
  });
  it("has a label for every field a record stores (no raw field names on the page)", () => {
    for (const field of ["negotiationId", "issueId", "sourceId", "partyIds", "statedOn", "stance", "firmness", "summary", "quote", "notes", "changeOverride"]) {
      expect(FIELD_LABELS[field], field).toBeTruthy();
      expect(FIELD_LABELS[field]).not.toContain("#");
    }
  });
});

describe("revisions in words", () => {
  it("a created entry lists its fields by label with names, and hides bookkeeping", () => {
    const [created] = describeRevisions("entry", [rev(1, "create", entryV1)], names);
    expect(created!.heading).toBe("Created");
    expect(created!.when).toBe("2024-08-25 14:03 UTC");
    expect(created!.changes.map((c) => [c.label, c.after])).toEqual([
      ["Parties", "Hamas, Palestinian Islamic Jihad (in the trash)"],
      ["Issue", "Philadelphi corridor"],
      ["Date stated", "25 Aug 2024"],
      ["Stance", "Demands"],
      ["Firmness", "Red line"],
      ["Summary", "Israel must leave the corridor."],
      ["Source", "Reuters, 25 Aug 2024"],
      ["Negotiation", "Gaza ceasefire talks"],
    ]);
  });

  it("an edit says what each changed field was and became, in words", () => {
    const views = describeRevisions("entry", [rev(1, "create", entryV1), rev(2, "update", { ...entryV1, firmness: "firm", partyIds: [24], issueId: 8 })], names);
    expect(views[1]!.heading).toBe("Edited");
    expect(views[1]!.changes).toEqual([
      { field: "partyIds", label: "Parties", before: "Hamas, Palestinian Islamic Jihad (in the trash)", after: "Hamas", prose: false },
      { field: "issueId", label: "Issue", before: "Philadelphi corridor", after: "Rafah crossing (in the trash)", prose: false },
      { field: "firmness", label: "Firmness", before: "Red line", after: "Firm", prose: false },
    ]);
  });

  it("a merge names the record it went into; the trash dates are said by the headings, not as fields", () => {
    const party = { id: 25, negotiationId: 1, name: "Palestinian Islamic Jihad", shortName: "PIJ", aliases: "", role: "party", colour: "#000000", order: 2, deletedAt: null };
    const merged = { ...party, deletedAt: "2024-09-01T10:00:00.000Z", mergedInto: "Hamas (#24)", merge: { kind: "party", targetId: 24, entryIds: [1] } };
    const views = describeRevisions("party", [rev(1, "create", party), rev(2, "delete", merged), rev(3, "restore", party)], names);
    expect(views.map((v) => v.heading)).toEqual(["Created", "Merged into Hamas", "Restored from the trash"]);
    expect(views[1]!.changes).toEqual([]);
    expect(views[2]!.changes).toEqual([]);
    expect(views[0]!.changes.find((c) => c.field === "role")).toMatchObject({ label: "Role", after: "Party" });
  });

  it("a plain move to the trash is said as such", () => {
    const issue = { id: 8, negotiationId: 1, name: "Rafah crossing", description: "", order: 1, deletedAt: null };
    const views = describeRevisions("issue", [rev(1, "create", issue), rev(2, "delete", { ...issue, deletedAt: "2024-09-01T10:00:00.000Z" })], names);
    expect(views[1]!.heading).toBe("Moved to the trash");
  });

  it("prose fields are marked for a word diff, others read before → after", () => {
    const views = describeRevisions("entry", [rev(1, "create", entryV1), rev(2, "update", { ...entryV1, summary: "Israel must leave the whole corridor.", stance: "rejects" })], names);
    expect(views[1]!.changes.map((c) => [c.label, c.prose])).toEqual([
      ["Stance", false],
      ["Summary", true],
    ]);
    expect(views[1]!.changes[0]).toMatchObject({ before: "Demands", after: "Rejects" });
  });
});

describe("what the history is of, and the way back to it", () => {
  it("names an entry by its parties, issue and date", () => {
    expect(recordTitle("entry", entryV1, names, "")).toBe("Hamas, Palestinian Islamic Jihad (in the trash) on Philadelphi corridor, 25 Aug 2024");
    expect(recordTitle("party", { name: "Hamas" }, names, "")).toBe("Hamas");
    expect(recordTitle("source", {}, names, "Reuters, 25 Aug 2024")).toBe("Reuters, 25 Aug 2024");
  });
  it("links to the live record, and says when it is in the trash", () => {
    expect(recordLink("party", 24, { slug: "gaza", status: "live" })).toEqual({ href: "/negotiations/gaza/parties/24", text: "Open this party" });
    expect(recordLink("entry", 170, { slug: "gaza", status: "live", sourceId: 3 })).toEqual({ href: "/negotiations/gaza/sources/3#entry-170", text: "Open this entry in its source" });
    expect(recordLink("source", 3, { slug: "gaza", status: "trashed" })).toEqual({ note: "This source is in the trash." });
    expect(recordLink("issue", 7, { slug: "gaza", status: "live" })).toEqual({ href: "/negotiations/gaza/issues/7", text: "Open this issue" });
    expect(recordLink("milestone", 5, { slug: "gaza", status: "trashed" })).toEqual({ note: "This milestone is in the trash." });
    expect(recordLink("entry", 170, { slug: "gaza", status: "source-trashed", sourceId: 3 })).toEqual({ note: "This position entry's source is in the trash." });
  });
  it("collects each related id once for the server to name, the merge target too", () => {
    const merged = { negotiationId: 1, merge: { kind: "party", targetId: 24 } };
    expect(referencedIds("party", [merged, { negotiationId: 1 }])).toEqual({ negotiation: [1], party: [24], side: [], issue: [], source: [] });
    expect(referencedIds("entry", [entryV1, { ...entryV1, issueId: 8 }])).toEqual({ negotiation: [1], party: [24, 25], side: [], issue: [7, 8], source: [3] });
  });
  it("counts revisions in the singular for one", () => {
    expect(plural(1, "revision")).toBe("1 revision");
    expect(plural(2, "revision")).toBe("2 revisions");
  });
});

describe("sides and milestones in words", () => {
  it("names a party's side, and says a milestone's date and note", () => {
    expect(fieldText("sideId", 3, names)).toBe("Palestinian factions");
    expect(fieldText("day", "2024-08-25", names)).toBe("25 Aug 2024");
    expect(referencedIds("party", [{ negotiationId: 1, sideId: 3 }]).side).toEqual([3]);
    const [created, moved] = describeRevisions(
      "party",
      [
        { id: 1, action: "create", version: 1, state: { name: "Hamas", sideId: null }, actorName: "a", createdAt: new Date(0) },
        { id: 2, action: "update", version: 2, state: { name: "Hamas", sideId: 3 }, actorName: "a", createdAt: new Date(0) },
      ],
      names,
    );
    expect(created!.changes.map((c) => c.label)).toEqual(["Name"]);
    expect(moved!.changes).toEqual([{ field: "sideId", label: "Side", before: "", after: "Palestinian factions", prose: false }]);
  });
});
