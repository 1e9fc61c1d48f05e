// A record's revision history in the reader's words (issue 11, item 7): every field by its label,
// related records by their names (parties, issues, sources, the negotiation; also those in the
// trash, and the record a merge went into), stances, firmness, roles and change types by their
// labels, days as "25 Aug 2024". Pure: the server reads the revisions and the names they refer
// to (server/queries/revisions.ts getRevisionHistory), the page renders what this returns.
// Why the history page words things this way: docs/decisions/032-revision-history-in-words.md.

import { CHANGE_LABELS, isChangeType } from "./change";
import { formatDay } from "./format";
import { FIRMNESS_LABELS, isFirmness, isStance, PARTY_ROLE_LABELS, STANCE_LABELS, type PartyRole } from "./vocabulary";

export type HistoryEntity = "negotiation" | "party" | "side" | "issue" | "source" | "entry" | "milestone";
export type NamedKind = "negotiation" | "party" | "side" | "issue" | "source";

/** A related record as the history names it: its name now, and whether it is in the trash. */
export interface RecordName {
  name: string;
  trashed: boolean;
}
export type RecordNames = Record<NamedKind, ReadonlyMap<number, RecordName>>;

export interface RevisionRecord {
  id: number;
  action: string;
  version: number;
  state: Record<string, unknown>;
  actorName: string;
  createdAt: Date;
}

export const ENTITY_NOUN: Record<HistoryEntity, string> = {
  negotiation: "negotiation",
  party: "party",
  side: "side",
  issue: "issue",
  source: "source",
  entry: "position entry",
  milestone: "milestone",
};

const ACTION_LABEL: Record<string, string> = { create: "Created", update: "Edited", delete: "Moved to the trash", restore: "Restored from the trash" };

// Bookkeeping that changes on every write and says nothing to a reader: quote positions follow
// the quote and the source's text (lib/quote.ts); `merge` is what a merge moved, kept for its
// undo (decision 019), and the heading says it in words ("Merged into …"); the trash dates are
// said by the headings "Moved to the trash" / "Restored from the trash" with their times.
const HIDDEN = new Set(["updatedAt", "version", "createdAt", "id", "quoteStart", "quoteEnd", "merge", "mergedInto", "deletedAt"]);

/** Every field a revision may hold, by its label in the forms, in the order a revision lists them. */
export const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  name: "Name",
  shortName: "Short name",
  slug: "Short name in the address",
  day: "Date",
  partyIds: "Parties",
  issueId: "Issue",
  statedOn: "Date stated",
  stance: "Stance",
  firmness: "Firmness",
  summary: "Summary",
  quote: "Quote",
  sourceId: "Source",
  changeOverride: "Change type (analyst override)",
  notes: "Notes",
  note: "Note",
  description: "Description",
  aliases: "Other names",
  keywords: "Words reports use",
  suggestedBy: "Suggested by",
  suggestionEdited: "Suggestion edited before saving",
  role: "Role",
  sideId: "Side",
  colour: "Colour",
  order: "Order",
  outlet: "Outlet",
  url: "Address (URL)",
  publishedOn: "Published",
  language: "Language",
  text: "Text",
  negotiationId: "Negotiation",
};
const FIELD_ORDER = Object.keys(FIELD_LABELS);
const fieldRank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);

/** Prose, shown as a word diff when edited; every other field is shown as "before → after". */
const PROSE = new Set(["summary", "quote", "notes", "note", "description", "text"]);

/** Which related record each id field names. */
const REFERENCE: Record<string, NamedKind> = { negotiationId: "negotiation", issueId: "issue", sourceId: "source", partyIds: "party", sideId: "side" };

/** The ids of related records a history mentions, by kind, for the server to name (each once). */
export function referencedIds(entity: HistoryEntity, states: ReadonlyArray<Record<string, unknown>>): Record<NamedKind, number[]> {
  const out: Record<NamedKind, Set<number>> = { negotiation: new Set(), party: new Set(), side: new Set(), issue: new Set(), source: new Set() };
  const add = (kind: NamedKind, value: unknown) => {
    for (const v of Array.isArray(value) ? value : [value]) if (Number.isSafeInteger(v) && (v as number) > 0) out[kind].add(v as number);
  };
  for (const state of states) {
    for (const [field, kind] of Object.entries(REFERENCE)) add(kind, state[field]);
    const target = mergeTarget(entity, state);
    if (target) add(target.kind, target.id);
  }
  return { negotiation: [...out.negotiation], party: [...out.party], side: [...out.side], issue: [...out.issue], source: [...out.source] };
}

/** The record a merge moved this one into (decision 019), from its `delete` revision's state. */
function mergeTarget(entity: HistoryEntity, state: Record<string, unknown>): { kind: NamedKind; id: number } | null {
  const merge = state.merge as { targetId?: unknown } | undefined;
  if ((entity !== "party" && entity !== "issue") || !merge || !Number.isSafeInteger(merge.targetId)) return null;
  return { kind: entity, id: merge.targetId as number };
}

/** A related record by name, "(in the trash)" when it is; "#24" only when the name is unknown. */
export function nameOf(names: RecordNames, kind: NamedKind, id: unknown): string {
  if (!Number.isSafeInteger(id)) return "";
  const found = names[kind].get(id as number);
  if (!found) return `#${id as number}`;
  return found.trashed ? `${found.name} (in the trash)` : found.name;
}

/** One field's value in words ("" for empty). */
export function fieldText(field: string, value: unknown, names: RecordNames): string {
  if (value === null || value === undefined || value === "") return "";
  const kind = REFERENCE[field];
  if (kind) return (Array.isArray(value) ? value : [value]).map((id) => nameOf(names, kind, id)).join(", ");
  if (field === "stance" && typeof value === "string") return isStance(value) ? STANCE_LABELS[value] : value;
  if (field === "firmness" && typeof value === "string") return isFirmness(value) ? FIRMNESS_LABELS[value] : value;
  if (field === "role" && typeof value === "string") return PARTY_ROLE_LABELS[value as PartyRole] ?? value;
  if (field === "changeOverride" && typeof value === "string") return isChangeType(value) ? CHANGE_LABELS[value] : value;
  if ((field === "statedOn" || field === "publishedOn" || field === "day") && typeof value === "string") return formatDay(value);
  if (field === "language" && typeof value === "string") return languageName(value);
  if ((field === "aliases" || field === "keywords") && typeof value === "string") return value.split("\n").map((a) => a.trim()).filter(Boolean).join(", ");
  if (field === "suggestedBy" && typeof value === "string") return value === "rules" ? "the built-in rules" : value.startsWith("model:") ? `the model ${value.slice(6)}` : value;
  if (field === "suggestionEdited" && typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}

/** A BCP 47 tag by its English name with the tag: "English (en)"; the tag alone if unknown. */
function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" }).of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}

/** What a field reads when it has no value. */
export function emptyText(field: string): string {
  if (field === "firmness") return "Not stated";
  if (field === "changeOverride") return "None (computed)";
  if (field === "publishedOn") return "Undated";
  return "Empty";
}

export interface FieldChange {
  field: string;
  label: string;
  /** The value before this revision in words; null on the record's first revision. */
  before: string | null;
  after: string;
  /** Prose: shown as a word diff of before and after. */
  prose: boolean;
}

export interface RevisionView {
  id: number;
  /** "Created", "Edited", "Moved to the trash", "Merged into Hamas", "Restored from the trash". */
  heading: string;
  version: number;
  /** "2024-08-25 14:03 UTC" */
  when: string;
  by: string;
  changes: FieldChange[];
}

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** The revisions (oldest first) in words: what each did, and each field it changed, before and after. */
export function describeRevisions(entity: HistoryEntity, revisions: readonly RevisionRecord[], names: RecordNames): RevisionView[] {
  return revisions.map((r, i) => {
    const previous = i > 0 ? revisions[i - 1]!.state : null;
    const fields = Object.keys(r.state)
      .filter((f) => !HIDDEN.has(f))
      .sort((a, b) => fieldRank(a) - fieldRank(b));
    const changes: FieldChange[] = [];
    for (const field of fields) {
      const after = fieldText(field, r.state[field], names);
      const before = previous ? fieldText(field, previous[field], names) : null;
      if (previous && before === after) continue;
      if (!previous && after === "") continue;
      changes.push({ field, label: FIELD_LABELS[field] ?? field, before, after, prose: PROSE.has(field) });
    }
    const target = r.action === "delete" ? mergeTarget(entity, r.state) : null;
    const heading = target ? `Merged into ${nameOf(names, target.kind, target.id)}` : (ACTION_LABEL[r.action] ?? r.action);
    return { id: r.id, heading, version: r.version, when: when(r.createdAt), by: r.actorName || "the demo loader", changes };
  });
}

/**
 * What the history is of, in words: a negotiation by its title, a party or issue by its name, a
 * source by its label (given), a position entry as "Hamas, Islamic Jihad on Philadelphi corridor,
 * 25 Aug 2024".
 */
export function recordTitle(entity: HistoryEntity, state: Record<string, unknown>, names: RecordNames, sourceLabel: string): string {
  if (entity === "source") return sourceLabel;
  if (entity === "entry") {
    const parties = fieldText("partyIds", state.partyIds, names) || "No party";
    return `${parties} on ${fieldText("issueId", state.issueId, names) || "an issue"}, ${formatDay(state.statedOn as string | null)}`;
  }
  return String(state.title ?? state.name ?? "");
}

/** Where the record is now: its negotiation's address, and whether it (or what holds it) is in the trash. */
export interface RecordPlace {
  slug: string;
  /** "trashed": the record or its negotiation; "source-trashed": an entry whose source is in the trash. */
  status: "live" | "trashed" | "source-trashed";
  /** An entry's source, where the entry is listed. */
  sourceId?: number;
}

/**
 * The link back to the record while it is live, or a sentence saying where it went. An entry is
 * shown in its source's page; a side and a milestone in their negotiation's lists.
 */
export function recordLink(entity: HistoryEntity, id: number, place: RecordPlace): { href: string; text: string } | { note: string } {
  const noun = ENTITY_NOUN[entity];
  if (place.status === "trashed") return { note: `This ${noun} is in the trash.` };
  if (place.status === "source-trashed") return { note: `This ${noun}'s source is in the trash.` };
  const base = `/negotiations/${encodeURIComponent(place.slug)}`;
  switch (entity) {
    case "negotiation":
      return { href: base, text: "Open this negotiation" };
    case "party":
      return { href: `${base}/parties/${id}`, text: "Open this party" };
    case "issue":
      return { href: `${base}/issues/${id}`, text: "Open this issue" };
    case "side":
      return { href: `${base}/sides`, text: "Open the sides of this negotiation" };
    case "milestone":
      return { href: `${base}/milestones`, text: "Open the milestones of this negotiation" };
    case "source":
      return { href: `${base}/sources/${id}`, text: "Open this source" };
    case "entry":
      return { href: `${base}/sources/${place.sourceId}#entry-${id}`, text: "Open this entry in its source" };
  }
}
