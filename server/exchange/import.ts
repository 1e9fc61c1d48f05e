import "server-only";
import { COLUMN_OF_FIELD, parseEntriesCsv, type EntryCsvRow, type RowProblem } from "@/lib/exchange/csv";
import { parseExchangeJson, type ExchangeNegotiation } from "@/lib/exchange/format";
import { entrySchema, fieldErrorsOf, issueSchema, milestoneSchema, negotiationSchema, partySchema, sideSchema, sourceSchema, type SourceInput } from "@/lib/schemas";
import type { Prisma } from "../generated/prisma/client";
import { getDb } from "../db";
import { ValidationError } from "../errors";
import { createEntryIn } from "../mutations/entries";
import { createNegotiationIn } from "../mutations/negotiations";
import { createRecord } from "../mutations/records";

// Imports of entries (CSV) and of whole negotiations (the exchange JSON). Each is one
// transaction: every record goes through the same write path as the forms (createRecord,
// createEntryIn: schemas, quote check, revisions), every problem of every row is collected, and
// if there is any, or on a dry run, the transaction is rolled back: all or nothing.
// docs/decisions/013-exchange-formats.md.

type Tx = Prisma.TransactionClient;

export interface ImportResult {
  ok: boolean;
  dryRun: boolean;
  problems: RowProblem[];
  /** Columns of the CSV that Parley does not read. */
  extraColumns: string[];
  /** What was (or, on a dry run, would be) created. */
  created: { negotiation: string | null; parties: string[]; issues: string[]; sources: number; entries: number };
  slug: string;
}

export interface ImportOptions {
  slug: string;
  /** The title of a negotiation the import creates (default: the file's, or the slug). */
  title?: string;
  dryRun?: boolean;
  /** Create parties and issues a CSV names that the negotiation does not have. */
  createMissing?: boolean;
  actor: string;
  /**
   * Called as rows are checked and written inside the transaction: every `progressEvery` rows
   * (default 1,000) and after the last one, with `done` counting every row, good or bad, up to
   * `total` (the CLI prints it; the browser's import route streams it, server/exchange/import-route.ts).
   */
  onProgress?: (done: number, total: number) => void;
  /** Rows between two reports, or how many for a file of `total` rows. */
  progressEvery?: number | ((total: number) => number);
}

/** Reports progress after row `done` of `total` when it is time to (see ImportOptions.onProgress). */
function progressReporter(options: Pick<ImportOptions, "onProgress" | "progressEvery">, total: number) {
  const given = options.progressEvery ?? 1000;
  const every = Math.max(1, typeof given === "function" ? given(total) : given);
  return (done: number) => {
    if (options.onProgress && (done % every === 0 || done === total)) options.onProgress(done, total);
  };
}

const PARTY_DEFAULTS = { shortName: "", aliases: "", role: "party", colour: "#4b5563", order: "0" };
// An import of thousands of rows holds the transaction longer than Prisma's 5 s default.
const TRANSACTION = { timeout: 30 * 60_000, maxWait: 60_000 };

class Rollback extends Error {}

function emptyResult(slug: string, dryRun: boolean): ImportResult {
  return { ok: false, dryRun, problems: [], extraColumns: [], created: { negotiation: null, parties: [], issues: [], sources: 0, entries: 0 }, slug };
}

const fold = (s: string) => s.trim().toLocaleLowerCase("und");

/** The source key used when a row has no URL: title, outlet and publication date. */
const sourceKey = (s: { title: string | null; outlet: string; publishedOn: string | null }) =>
  JSON.stringify([fold(s.title ?? ""), fold(s.outlet), s.publishedOn ?? ""]);

async function findOrCreateNegotiation(tx: Tx, options: ImportOptions, result: ImportResult, fallback: { title: string; description: string }) {
  const existing = await tx.negotiation.findUnique({ where: { slug: options.slug }, select: { id: true, deletedAt: true } });
  if (existing?.deletedAt) {
    result.problems.push({ line: 0, column: null, message: `The negotiation “${options.slug}” is in the trash: restore it first, or import under another short name.` });
    return null;
  }
  if (existing) return existing.id;
  const input = negotiationSchema.safeParse({ title: options.title ?? fallback.title, slug: options.slug, description: fallback.description });
  if (!input.success) {
    for (const [field, messages] of Object.entries(fieldErrorsOf(input.error))) {
      result.problems.push({ line: 0, column: null, message: `Negotiation ${field}: ${messages.join(" ")}` });
    }
    return null;
  }
  const { id, slug } = await createNegotiationIn(tx, input.data, options.actor);
  result.created.negotiation = slug;
  return id;
}

/** Runs `work` in one transaction that is kept only when it found no problem and this is no dry run. */
async function allOrNothing(result: ImportResult, work: (tx: Tx) => Promise<void>): Promise<ImportResult> {
  const db = await getDb();
  try {
    await db.$transaction(async (tx) => {
      await work(tx);
      if (result.problems.length || result.dryRun) throw new Rollback();
    }, TRANSACTION);
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  result.ok = result.problems.length === 0;
  result.problems.sort((a, b) => a.line - b.line); // stable: a row's problems stay in column order
  return result;
}

function pushValidation(result: ImportResult, error: unknown, line: number, columnOf: (field: string) => string | null) {
  if (!(error instanceof ValidationError)) throw error;
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    for (const message of messages) result.problems.push({ line, column: columnOf(field), message });
  }
}

// ---- Entries from CSV

export async function importEntriesCsv(text: string, options: ImportOptions): Promise<ImportResult> {
  const parsed = parseEntriesCsv(text);
  const result = emptyResult(options.slug, Boolean(options.dryRun));
  result.extraColumns = parsed.extraColumns;
  result.problems.push(...parsed.problems);
  if (parsed.problems.some((p) => p.line <= 1)) return result; // the file itself is unreadable
  if (parsed.rowCount === 0) {
    result.problems.push({ line: 0, column: null, message: "The file has a header row but no entries." });
    return result;
  }
  return allOrNothing(result, async (tx) => {
    const negotiationId = await findOrCreateNegotiation(tx, options, result, { title: options.slug, description: "" });
    if (negotiationId === null) return;
    await writeRows(tx, negotiationId, parsed.rows, parsed.rowCount, options, result);
  });
}

/** `rowCount` counts the file's rows, those refused while parsing (not in `rows`) too: progress runs up to it. */
async function writeRows(tx: Tx, negotiationId: number, rows: EntryCsvRow[], rowCount: number, options: ImportOptions, result: ImportResult) {
  // Names are matched without regard to case; a name two parties share is ambiguous.
  const partyByName = new Map<string, number | "ambiguous">();
  const addPartyName = (name: string, id: number) => {
    if (!name) return;
    const key = fold(name);
    const seen = partyByName.get(key);
    partyByName.set(key, seen !== undefined && seen !== id ? "ambiguous" : id);
  };
  for (const p of await tx.party.findMany({ where: { negotiationId, deletedAt: null }, select: { id: true, name: true, shortName: true, aliases: true } })) {
    for (const name of [p.name, p.shortName, ...p.aliases.split("\n")]) addPartyName(name, p.id);
  }
  const issueByName = new Map<string, number | "ambiguous">();
  for (const i of await tx.issue.findMany({ where: { negotiationId, deletedAt: null }, select: { id: true, name: true } })) {
    issueByName.set(fold(i.name), issueByName.has(fold(i.name)) ? "ambiguous" : i.id);
  }
  const sourceByUrl = new Map<string, number>();
  const sourceByKey = new Map<string, number>();
  for (const s of await tx.source.findMany({ where: { negotiationId, deletedAt: null }, orderBy: { id: "asc" }, select: { id: true, url: true, title: true, outlet: true, publishedOn: true } })) {
    if (s.url) {
      if (!sourceByUrl.has(s.url)) sourceByUrl.set(s.url, s.id);
    } else if (!sourceByKey.has(sourceKey(s))) sourceByKey.set(sourceKey(s), s.id);
  }
  const ctx = { actor: options.actor, negotiationId };
  const hint = options.createMissing ? "" : " (or import with “create missing parties and issues”)";

  const report = progressReporter(options, rowCount);
  const checkedWhileParsing = rowCount - rows.length;
  for (const [index, row] of rows.entries()) {
    await writeRow(row);
    report(checkedWhileParsing + index + 1);
  }

  async function writeRow(row: EntryCsvRow) {
    const before = result.problems.length;
    const partyIds: number[] = [];
    for (const name of row.partyNames) {
      let id = partyByName.get(fold(name));
      if (id === "ambiguous") {
        result.problems.push({ line: row.line, column: "parties", message: `“${name}” names more than one party of this negotiation; use the party's full name.` });
        continue;
      }
      if (id === undefined && options.createMissing) {
        id = (await createRecord(tx, "party", { ...partySchema.parse({ ...PARTY_DEFAULTS, name }), negotiationId }, ctx)).id;
        addPartyName(name, id);
        result.created.parties.push(name);
      }
      if (id === undefined) result.problems.push({ line: row.line, column: "parties", message: `No party of this negotiation is called “${name}”: add it first${hint}.` });
      else partyIds.push(id);
    }
    let issueId = issueByName.get(fold(row.issueName));
    if (issueId === "ambiguous") {
      result.problems.push({ line: row.line, column: "issue", message: `Two issues of this negotiation are called “${row.issueName}”.` });
    } else if (issueId === undefined && options.createMissing) {
      issueId = (await createRecord(tx, "issue", { ...issueSchema.parse({ name: row.issueName, description: "", order: "0" }), negotiationId }, ctx)).id;
      issueByName.set(fold(row.issueName), issueId);
      result.created.issues.push(row.issueName);
    } else if (issueId === undefined) {
      result.problems.push({ line: row.line, column: "issue", message: `No issue of this negotiation is called “${row.issueName}”: add it first${hint}.` });
    }
    if (result.problems.length > before || typeof issueId !== "number") return;

    const sourceId = await findOrCreateSource(tx, row.source, { sourceByUrl, sourceByKey }, ctx, result);
    try {
      await createEntryIn(
        tx,
        negotiationId,
        { partyIds, issueId, sourceId, statedOn: row.statedOn, stance: row.stance, firmness: row.firmness, summary: row.summary, quote: row.quote, notes: row.notes, changeOverride: null },
        options.actor,
      );
      result.created.entries++;
    } catch (error) {
      pushValidation(result, error, row.line, (field) => COLUMN_OF_FIELD[field] ?? null);
    }
  }
}

async function findOrCreateSource(
  tx: Tx,
  source: SourceInput,
  known: { sourceByUrl: Map<string, number>; sourceByKey: Map<string, number> },
  ctx: { actor: string; negotiationId: number },
  result: ImportResult,
): Promise<number> {
  const existing = source.url ? known.sourceByUrl.get(source.url) : known.sourceByKey.get(sourceKey(source));
  if (existing) return existing;
  const { id } = await createRecord(tx, "source", { ...source, negotiationId: ctx.negotiationId }, ctx);
  if (source.url) known.sourceByUrl.set(source.url, id);
  else known.sourceByKey.set(sourceKey(source), id);
  result.created.sources++;
  return id;
}

// ---- A whole negotiation from its exchange JSON

export async function importNegotiationJson(text: string, options: Omit<ImportOptions, "slug" | "createMissing"> & { slug?: string }): Promise<ImportResult> {
  const parsed = parseExchangeJson(text);
  const slug = options.slug ?? (parsed.ok ? parsed.file.negotiation.slug : "");
  const result = emptyResult(slug, Boolean(options.dryRun));
  if (!parsed.ok) {
    result.problems.push(...parsed.problems.map((message) => ({ line: 0, column: null, message })));
    return result;
  }
  const file = parsed.file;
  return allOrNothing(result, async (tx) => {
    if (await tx.negotiation.findUnique({ where: { slug }, select: { id: true } })) {
      result.problems.push({ line: 0, column: null, message: `A negotiation with the short name “${slug}” exists already: a negotiation file imports into a new one; choose another short name.` });
      return;
    }
    const negotiationId = await findOrCreateNegotiation(tx, { ...options, slug }, result, file.negotiation);
    if (negotiationId === null) return;
    await writeNegotiation(tx, negotiationId, file, options, result);
  });
}

async function writeNegotiation(tx: Tx, negotiationId: number, file: ExchangeNegotiation, options: Pick<ImportOptions, "actor" | "onProgress" | "progressEvery">, result: ImportResult) {
  const actor = options.actor;
  const ctx = { actor, negotiationId };
  // Progress counts the file's records: parties, issues and sources, then entries.
  const report = progressReporter(options, file.parties.length + file.issues.length + file.sources.length + file.entries.length);
  let done = 0;
  const problem = (where: string, errors: Record<string, string[]>) => {
    for (const [field, messages] of Object.entries(errors)) {
      for (const message of messages) result.problems.push({ line: 0, column: null, message: `${where}.${field}: ${message}` });
    }
  };
  const ids = new Map<string, number>();
  // Sides first (docs/decisions/027-sides.md): parties name theirs by key. Few; not counted in the progress.
  for (const [n, side] of (file.sides ?? []).entries()) {
    const input = sideSchema.safeParse({ name: side.name, colour: side.colour });
    if (!input.success) problem(`sides[${n}]`, fieldErrorsOf(input.error));
    else ids.set(side.key, (await createRecord(tx, "side", { ...input.data, order: side.order, negotiationId }, ctx)).id);
  }
  for (const [i, p] of file.parties.entries()) {
    if (p.side !== undefined && !ids.has(p.side)) continue; // its side has a problem already
    const input = partySchema.safeParse({
      name: p.name,
      shortName: p.shortName,
      aliases: p.aliases.join("\n"),
      role: p.role,
      colour: p.colour,
      order: String(p.order),
      ...(p.side !== undefined ? { sideId: String(ids.get(p.side)) } : {}),
    });
    if (!input.success) problem(`parties[${i}]`, fieldErrorsOf(input.error));
    else {
      ids.set(p.key, (await createRecord(tx, "party", { ...input.data, negotiationId }, ctx)).id);
      result.created.parties.push(input.data.name);
    }
    report(++done);
  }
  for (const [n, issue] of file.issues.entries()) {
    const input = issueSchema.safeParse({ name: issue.name, description: issue.description, keywords: (issue.keywords ?? []).join("\n"), order: String(issue.order) });
    if (!input.success) problem(`issues[${n}]`, fieldErrorsOf(input.error));
    else {
      ids.set(issue.key, (await createRecord(tx, "issue", { ...input.data, negotiationId }, ctx)).id);
      result.created.issues.push(input.data.name);
    }
    report(++done);
  }
  for (const [n, s] of file.sources.entries()) {
    const input = sourceSchema.safeParse({ ...s, key: undefined, title: s.title ?? "", publishedOn: s.publishedOn ?? "", text: s.text ?? "" });
    if (!input.success) problem(`sources[${n}]`, fieldErrorsOf(input.error));
    else {
      ids.set(s.key, (await createRecord(tx, "source", { ...input.data, negotiationId }, ctx)).id);
      result.created.sources++;
    }
    report(++done);
  }
  for (const [n, e] of file.entries.entries()) {
    await writeEntry(n, e);
    report(++done);
  }
  // Milestones (docs/decisions/028): few, after the records they cite; not counted in the progress.
  for (const [n, m] of (file.milestones ?? []).entries()) {
    if (m.source !== null && !ids.has(m.source)) continue; // its source has a problem already
    const input = milestoneSchema.safeParse({ day: m.day, title: m.title, sourceId: m.source === null ? "" : String(ids.get(m.source)), note: m.note });
    if (!input.success) problem(`milestones[${n}]`, fieldErrorsOf(input.error));
    else await createRecord(tx, "milestone", { ...input.data, negotiationId }, ctx);
  }

  async function writeEntry(n: number, e: ExchangeNegotiation["entries"][number]) {
    const refs = [...e.parties, e.issue, e.source];
    if (refs.some((key) => !ids.has(key))) return; // its party, issue or source has a problem already
    const input = entrySchema.safeParse({
      partyIds: e.parties.map((key) => String(ids.get(key))),
      issueId: String(ids.get(e.issue)),
      sourceId: String(ids.get(e.source)),
      statedOn: e.statedOn,
      stance: e.stance,
      firmness: e.firmness ?? "",
      summary: e.summary,
      quote: e.quote,
      notes: e.notes,
      changeOverride: e.changeOverride ?? "",
    });
    if (!input.success) {
      problem(`entries[${n}]`, fieldErrorsOf(input.error));
      return;
    }
    try {
      await createEntryIn(tx, negotiationId, input.data, actor);
      result.created.entries++;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problem(`entries[${n}]`, error.fieldErrors);
    }
  }
}

/** Which import a file is for: a negotiation file (.json) or entries (.csv). */
export function isNegotiationFile(name: string, text: string): boolean {
  return /\.json$/i.test(name) || /^\s*\{/.test(text.replace(/^\uFEFF/, ""));
}
