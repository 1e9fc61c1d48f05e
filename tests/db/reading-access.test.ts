// Who may read what, checked where the data is read: every query function a page calls
// (server/queries/*, listUsers) makes the check itself, so no layout, client navigation or
// prefetch can skip it. The pages themselves are tested end to end against a private server in
// tests/e2e/private-read.spec.ts; this file pins the rule on each function, including any added
// later (the list of exports must match the cases below).
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import { HOST, ORIGIN, setUpWorld, type World } from "../support/action-harness";
import { request } from "../support/next-request";
import { getDb } from "@/server/db";
import * as convergence from "@/server/queries/convergence";
import * as entries from "@/server/queries/entries";
import * as negotiations from "@/server/queries/negotiations";
import * as overview from "@/server/queries/overview";
import * as search from "@/server/queries/search";
import * as partiesAndIssues from "@/server/queries/parties-and-issues";
import * as revisions from "@/server/queries/revisions";
import * as sources from "@/server/queries/sources";
import * as milestones from "@/server/queries/milestones";
import * as sides from "@/server/queries/sides";
import * as suggestions from "@/server/suggestions";
import { listUsers } from "@/server/users";
import { publicReadEnabled } from "@/server/session";
import { REQUEST_PATH_HEADER } from "@/lib/request-path";
import { createNegotiation, deleteNegotiation } from "@/server/mutations/negotiations";
import type { EntityType } from "@/server/mutations/revisions";
import { createInNegotiation } from "@/server/mutations/scoped";
import { trashEntry } from "@/server/mutations/entries";
import { partySchema } from "@/lib/schemas";

/** Where Next's redirect() sends the request (its error's digest), or null for any other outcome. */
const redirectOf = (error: unknown) => (String((error as { digest?: string })?.digest ?? "").startsWith("NEXT_REDIRECT") ? String((error as { digest: string }).digest).split(";")[2]! : null);
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ value, redirect: null as string | null }),
    (error: unknown) => {
      const redirect = redirectOf(error);
      if (redirect === null) throw error;
      return { value: undefined, redirect };
    },
  );

type Who = "anonymous" | "viewer" | "editor" | "admin";
let world: World;
let ids: { party: number; issue: number; source: number; entry: number; milestone: number };

function as(who: Who, path = "/negotiations/main/gaps?asOf=2024-08-25") {
  const h = new Headers({ host: HOST, origin: ORIGIN, [REQUEST_PATH_HEADER]: path });
  if (who !== "anonymous") h.set("cookie", world.users[who].cookie);
  request.headers = h;
}

/** Every reading function, with arguments that find data in the demo. Only these may be exported. */
// `none`: the demo has nothing for it to list (no quote has left its source), so only the
// absence of a redirect shows that the reader was let through.
const READS: Record<string, { call: () => Promise<unknown>; needs?: "editor" | "admin"; none?: true }> = {
  listNegotiations: { call: () => negotiations.listNegotiations() },
  getNegotiation: { call: () => negotiations.getNegotiation(world.main.slug) },
  getMatrix: { call: () => entries.getMatrix({ negotiationId: world.main.id, asOf: "2024-08-25" }) },
  getNegotiationEntries: { call: () => entries.getNegotiationEntries(world.main.id) },
  getAsOfEntries: { call: () => entries.getAsOfEntries({ negotiationId: world.main.id, asOf: "2024-08-25" }) },
  getConvergence: { call: () => convergence.getConvergence(world.main.id) },
  getComparison: { call: () => entries.getComparison({ negotiationId: world.main.id, from: "2024-06-01", to: "2024-08-25" }) },
  getPartyEntries: { call: () => entries.getPartyEntries(world.main.id, ids.party) },
  getPartyProfilePage: { call: () => entries.getPartyProfilePage(world.main.id, ids.party, "2024-08-25", 1) },
  listEntriesOfSource: { call: () => entries.listEntriesOfSource(world.main.id, ids.source) },
  listEntriesOfCell: { call: () => entries.listEntriesOfCell(world.main.id, ids.party, ids.issue) },
  listEntriesOfCellPage: { call: () => entries.listEntriesOfCellPage(world.main.id, ids.party, ids.issue, 1) },
  getIssuePage: { call: () => entries.getIssuePage(world.main.id, ids.issue, 1) },
  countTimelineMonths: { call: () => entries.countTimelineMonths({ negotiationId: world.main.id, issueId: null, from: "1900-01-01", to: "2100-01-01" }) },
  countTimelineIssueMonths: { call: () => entries.countTimelineIssueMonths({ negotiationId: world.main.id, issueId: null, from: "1900-01-01", to: "2100-01-01" }) },
  getTimelineEntries: { call: () => entries.getTimelineEntries({ negotiationId: world.main.id, issueId: null, from: "1900-01-01", to: "2100-01-01" }, 1) },
  // Entries dated outside Parley's days: none in the demo.
  listEntriesOutsideDays: { call: () => entries.listEntriesOutsideDays({ negotiationId: world.main.id, issueId: null }, "1900-01-01", "2100-01-01"), none: true },
  getEntry: { call: () => entries.getEntry(world.main.id, ids.entry) },
  listDependants: { call: () => entries.listDependants(world.main.id, "party", ids.party) },
  getQuoteStatus: { call: () => entries.getQuoteStatus(ids.entry) },
  // Entries whose quote their source no longer contains: none in the demo.
  listQuotesToCheckPage: { call: () => entries.listQuotesToCheckPage(world.main.id, 1), none: true },
  countQuotesToCheck: { call: async () => ((await entries.countQuotesToCheck(world.main.id)) > 0 ? "some" : ""), none: true },
  getOverview: { call: () => overview.getOverview({ negotiationId: world.main.id, asOf: "2024-08-25", windowDays: 30 }) },
  getNegotiationActivity: { call: () => overview.getNegotiationActivity(world.main.id) },
  lastUpdatedByNegotiation: { call: () => overview.lastUpdatedByNegotiation() },
  restoredDay: { call: () => overview.restoredDay(world.main.id, ids.entry) },
  // An entry in the trash, for the matrix's "deleted · Undo" message: nothing while the entry is live.
  getDeletedEntry: { call: () => overview.getDeletedEntry(world.main.id, ids.entry), none: true },
  search: { call: () => search.search({ q: "Philadelphi", filters: SEARCH_ALL }) },
  searchIndex: { call: () => search.searchIndex("Philadelphi", SEARCH_ALL) },
  searchFilterOptions: { call: () => search.searchFilterOptions(null) },
  getSearchPage: { call: () => search.getSearchPage({ q: "Philadelphi", filters: SEARCH_ALL, errors: {}, typed: {} } as never) },
  listParties: { call: () => partiesAndIssues.listParties(world.main.id) },
  getParty: { call: () => partiesAndIssues.getParty(world.main.id, ids.party) },
  listIssues: { call: () => partiesAndIssues.listIssues(world.main.id) },
  // The demo has sides (prisma/demo/gaza-2024.ts).
  listSides: { call: () => sides.listSides(world.main.id) },
  getSide: {
    call: async () => {
      const side = await (await getDb()).side.findFirstOrThrow({ where: { negotiationId: world.main.id, deletedAt: null }, select: { id: true } });
      return sides.getSide(world.main.id, side.id);
    },
  },
  getIssue: { call: () => partiesAndIssues.getIssue(world.main.id, ids.issue) },
  // The merge confirmation (decision 019) is an editor's page.
  getMergePlan: {
    call: async () => {
      const other = await (await getDb()).issue.findFirstOrThrow({ where: { negotiationId: world.main.id, deletedAt: null, id: { not: ids.issue } }, select: { id: true } });
      return partiesAndIssues.getMergePlan("issue", world.main.id, ids.issue, other.id);
    },
    needs: "editor",
  },
  listSources: { call: () => sources.listSources(world.main.id) },
  listSourcesPage: { call: () => sources.listSourcesPage(world.main.id, 1) },
  getSource: { call: () => sources.getSource(world.main.id, ids.source) },
  listQuotesMissingFromSource: { call: () => sources.listQuotesMissingFromSource(world.main.id, ids.source), none: true },
  listMilestoneMarks: { call: () => milestones.listMilestoneMarks(world.main.id) },
  listMilestonesPage: { call: () => milestones.listMilestonesPage(world.main.id, 1) },
  getMilestone: { call: () => milestones.getMilestone(world.main.id, ids.milestone) },
  listRevisions: { call: () => revisions.listRevisions("party", ids.party) },
  getRevisionHistory: { call: () => revisions.getRevisionHistory("party", ids.party) },
  listTrash: { call: () => revisions.listTrash(), needs: "editor" },
  // Suggested positions (issue 12): the lexicon is read like the lists; running a reader is an editor's.
  getLexicon: { call: () => suggestions.getLexicon(world.main.id) },
  suggestForSource: { call: () => suggestions.suggestForSource(world.main.id, ids.source, "rules"), needs: "editor" },
  listUsers: { call: () => listUsers(), needs: "admin" },
};
const SEARCH_ALL = { negotiation: null, partyId: null, issueId: null, stance: null, from: null, to: null };
/** Exports of the query modules that read nothing. */
// server/suggestions.ts: suggestText and suggestWithModel read nothing from the database (their
// callers pass the text and the lexicon); modelConfigured says whether an administrator set up a model.
const NOT_READS = new Set(["isEntityType", "ENTITY_TYPES", "suggestText", "suggestWithModel", "modelConfigured", "configuredModel"]);

/** Data, as a page would use it: a non-empty text, list, map or object. */
function hasData(value: unknown): boolean {
  if (typeof value === "string") return value.length > 0;
  if (value instanceof Map) return value.size > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === "object") return Object.values(value).some((v) => (Array.isArray(v) ? v.length > 0 : v instanceof Map ? v.size > 0 : v !== null));
  return false;
}

beforeAll(async () => {
  world = await setUpWorld();
  const db = await getDb();
  const entry = await db.positionEntry.findFirstOrThrow({
    where: { negotiationId: world.main.id, deletedAt: null, source: { text: { not: null } } },
    select: { id: true, issueId: true, sourceId: true, parties: { select: { partyId: true }, take: 1 } },
  });
  const milestone = await db.milestone.findFirstOrThrow({ where: { negotiationId: world.main.id, deletedAt: null }, select: { id: true } });
  ids = { party: entry.parties[0]!.partyId, issue: entry.issueId, source: entry.sourceId, entry: entry.id, milestone: milestone.id };
}, 120_000);

afterEach(() => {
  delete process.env.PARLEY_PUBLIC_READ;
});

describe("finding 2: every reading query checks the reader itself", () => {
  it("has a case for every exported query function (a new query must make the check too)", () => {
    const exported = [convergence, entries, negotiations, overview, partiesAndIssues, revisions, search, sides, sources, milestones, suggestions]
      .flatMap((m) => Object.entries(m))
      .filter(([name, value]) => typeof value === "function" && !NOT_READS.has(name))
      .map(([name]) => name);
    expect(exported.filter((name) => !READS[name])).toEqual([]);
  });

  it("private deployment: every query sends an anonymous reader to sign in (and back), returning nothing", async () => {
    process.env.PARLEY_PUBLIC_READ = "off";
    as("anonymous");
    for (const [name, read] of Object.entries(READS)) {
      const result = await outcome(read.call());
      expect(result.value, `${name} returned data to an anonymous reader`).toBeUndefined();
      expect(result.redirect, name).toBe(`/sign-in?next=${encodeURIComponent("/negotiations/main/gaps?asOf=2024-08-25")}`);
    }
  });

  it("private deployment: a signed-in viewer gets the data; the trash and the accounts need their role", async () => {
    process.env.PARLEY_PUBLIC_READ = "off";
    as("viewer");
    for (const [name, read] of Object.entries(READS)) {
      const result = await outcome(read.call());
      if (read.needs) {
        expect(result.redirect, name).toBe(`/no-access?needed=${read.needs}`);
      } else {
        expect(result.redirect, name).toBeNull();
        if (!read.none) expect(hasData(result.value), `${name} as a viewer`).toBe(true);
      }
    }
  });

  it("public reading (the default): an anonymous reader gets the data without signing in", async () => {
    expect(publicReadEnabled()).toBe(true);
    as("anonymous");
    for (const [name, read] of Object.entries(READS)) {
      if (read.needs) continue;
      const result = await outcome(read.call());
      expect(result.redirect, name).toBeNull();
      if (!read.none) expect(hasData(result.value), `${name} anonymous`).toBe(true);
    }
  });

  it("sends a visitor back only to a path on this site", async () => {
    process.env.PARLEY_PUBLIC_READ = "off";
    for (const forged of ["//evil.example/x", "https://evil.example/", "/\\evil.example"]) {
      as("anonymous", forged);
      expect((await outcome(negotiations.listNegotiations())).redirect).toBe(`/sign-in?next=${encodeURIComponent("/")}`);
    }
  });

  it("PARLEY_PUBLIC_READ=off in any case turns public reading off; anything else keeps it on", () => {
    process.env.PARLEY_PUBLIC_READ = "OFF";
    expect(publicReadEnabled()).toBe(false);
    process.env.PARLEY_PUBLIC_READ = "on";
    expect(publicReadEnabled()).toBe(true);
  });
});

describe("finding 3: staff emails and trashed records", () => {
  it("revision history names who made a change, never their email, for any reader", async () => {
    const db = await getDb();
    const entry = await db.positionEntry.findUniqueOrThrow({ where: { id: ids.entry }, select: { version: true } });
    await trashEntry(world.main.id, ids.entry, entry.version, world.users.editor.id);
    const { restoreInNegotiation } = await import("@/server/mutations/scoped");
    await restoreInNegotiation("entry", world.main.id, ids.entry, entry.version + 1, world.users.editor.id);
    for (const who of ["anonymous", "viewer", "editor", "admin"] as const) {
      as(who);
      const history = await revisions.listRevisions("entry", ids.entry);
      const byEditor = history.filter((r) => r.actor === world.users.editor.id);
      expect(byEditor.map((r) => r.actorName), who).toEqual(["editor", "editor"]);
      expect(JSON.stringify(history), `${who} sees an email`).not.toContain("@example.org");
    }
    as("editor");
    const trash = await revisions.listTrash();
    expect(trash.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(trash)).not.toContain("@example.org");
  });

  it("the full state of a trashed record is only for those who may restore it", async () => {
    const db = await getDb();
    const trashed = {
      party: (await db.party.findFirstOrThrow({ where: { negotiationId: world.main.id, deletedAt: { not: null } }, select: { id: true } })).id,
      issue: (await db.issue.findFirstOrThrow({ where: { negotiationId: world.main.id, deletedAt: { not: null } }, select: { id: true } })).id,
      source: (await db.source.findFirstOrThrow({ where: { negotiationId: world.main.id, deletedAt: { not: null } }, select: { id: true } })).id,
      entry: (await db.positionEntry.findFirstOrThrow({ where: { negotiationId: world.main.id, deletedAt: { not: null } }, select: { id: true } })).id,
      negotiation: world.trashed.id,
    };
    // A party that is not itself in the trash, but whose negotiation is.
    const closed = await createNegotiation({ title: "Closed talks", slug: "closed-talks", description: "" }, "fixture");
    const inTrashedNegotiation = await createInNegotiation("party", closed.id, partySchema.parse({ name: "Party of closed talks", role: "party", colour: "#123456", order: "1" }), "fixture");
    await deleteNegotiation(closed.id, 1, "fixture");
    const cases = [...Object.entries(trashed), ["party", inTrashedNegotiation.id] as const] as Array<[EntityType, number]>;

    for (const who of ["anonymous", "viewer", "editor", "admin"] as const) {
      as(who);
      for (const [entityType, id] of cases) {
        const history = await revisions.listRevisions(entityType, id);
        if (who === "editor" || who === "admin") expect(history.length, `${who}: ${entityType} ${id}`).toBeGreaterThan(0);
        else expect(history, `${who} sees the trashed ${entityType} ${id}`).toEqual([]);
      }
    }
    // The same reader still sees the history of live records.
    as("viewer");
    expect((await revisions.listRevisions("party", ids.party)).length).toBeGreaterThan(0);
  });

  it("the trash listing: sign in first; viewers are refused", async () => {
    as("anonymous");
    expect((await outcome(revisions.listTrash())).redirect).toMatch(/^\/sign-in\?next=/);
    as("viewer");
    expect((await outcome(revisions.listTrash())).redirect).toBe("/no-access?needed=editor");
    as("admin");
    expect((await revisions.listTrash()).rows.length).toBeGreaterThan(0);
  });
});
