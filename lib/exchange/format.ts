// The exchange format of a whole negotiation (export.json, the CLI's --format json, and the
// import of a .json file): docs/decisions/013-exchange-formats.md.
//
// Nothing in it depends on the database it came from: no ids, no timestamps, no versions.
// Parties, issues and sources carry a key (`party-1`, `issue-1`, `source-1`) given in a
// deterministic order of their content, and entries refer to them by key. Entries are listed in
// the as-of rule's order (date, then recording order), and an import creates them in that order,
// so a negotiation exported, imported elsewhere and exported again gives the same bytes.
import { z } from "zod";
import { CHANGE_TYPES } from "../change";
import { FIRMNESS, PARTY_ROLES, STANCES } from "../vocabulary";

export const EXCHANGE_FORMAT = "parley-negotiation";
export const EXCHANGE_VERSION = 1;

const key = (prefix: string) => z.string().regex(new RegExp(`^${prefix}-[1-9]\\d*$`), `Use a key such as ${prefix}-1.`);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date YYYY-MM-DD.");

/** A side (docs/decisions/027-sides.md): parties name theirs by key. */
export const exchangeSideSchema = z.strictObject({
  key: key("side"),
  name: z.string(),
  colour: z.string(),
  order: z.number().int(),
});

export const exchangePartySchema = z.strictObject({
  key: key("party"),
  name: z.string(),
  shortName: z.string(),
  aliases: z.array(z.string()),
  role: z.enum(PARTY_ROLES),
  colour: z.string(),
  order: z.number().int(),
  /** The party's side, a key of the file's `sides`; absent when it has none. */
  side: key("side").optional(),
});

export const exchangeIssueSchema = z.strictObject({
  key: key("issue"),
  name: z.string(),
  description: z.string(),
  order: z.number().int(),
  /** Words reports use for the issue (Issue.keywords); absent when it has none, so older files read alike. */
  keywords: z.array(z.string()).optional(),
});

export const exchangeSourceSchema = z.strictObject({
  key: key("source"),
  title: z.string().nullable(),
  outlet: z.string(),
  url: z.string(),
  publishedOn: day.nullable(),
  language: z.string(),
  text: z.string().nullable(),
});

export const exchangeEntrySchema = z.strictObject({
  parties: z.array(key("party")).min(1),
  issue: key("issue"),
  source: key("source"),
  statedOn: day,
  stance: z.enum(STANCES),
  firmness: z.enum(FIRMNESS).nullable(),
  summary: z.string(),
  quote: z.string(),
  notes: z.string(),
  changeOverride: z.enum(CHANGE_TYPES).nullable(),
});

/** A milestone (docs/decisions/028); `source` names one of the file's sources, or null. */
export const exchangeMilestoneSchema = z.strictObject({
  day,
  title: z.string(),
  source: key("source").nullable(),
  note: z.string(),
});

export const exchangeNegotiationSchema = z
  .strictObject({
    format: z.literal(EXCHANGE_FORMAT, { error: `This is not a Parley negotiation file (format must be "${EXCHANGE_FORMAT}").` }),
    version: z.literal(EXCHANGE_VERSION, { error: `Parley reads version ${EXCHANGE_VERSION} of this format.` }),
    negotiation: z.strictObject({ slug: z.string(), title: z.string(), description: z.string() }),
    parties: z.array(exchangePartySchema),
    // Optional, like milestones: files written before sides existed still read, and a
    // negotiation without sides is written as before.
    sides: z.array(exchangeSideSchema).optional(),
    issues: z.array(exchangeIssueSchema),
    sources: z.array(exchangeSourceSchema),
    entries: z.array(exchangeEntrySchema),
    // Optional, so files written before milestones existed still read (and a negotiation without
    // milestones is written without the key, byte for byte as before).
    milestones: z.array(exchangeMilestoneSchema).optional(),
  })
  .superRefine((file, ctx) => {
    // Keys are unique and every reference names a record of the file.
    for (const list of ["parties", "sides", "issues", "sources"] as const) {
      const seen = new Set<string>();
      (file[list] ?? []).forEach((record, i) => {
        if (seen.has(record.key)) ctx.addIssue({ code: "custom", path: [list, i, "key"], message: `The key ${record.key} is used twice.` });
        seen.add(record.key);
      });
    }
    const parties = new Set(file.parties.map((p) => p.key));
    const sides = new Set((file.sides ?? []).map((s) => s.key));
    file.parties.forEach((party, i) => {
      if (party.side !== undefined && !sides.has(party.side)) ctx.addIssue({ code: "custom", path: ["parties", i, "side"], message: `No side has the key ${party.side}.` });
    });
    const issues = new Set(file.issues.map((p) => p.key));
    const sources = new Set(file.sources.map((p) => p.key));
    file.entries.forEach((entry, i) => {
      entry.parties.forEach((p, j) => {
        if (!parties.has(p)) ctx.addIssue({ code: "custom", path: ["entries", i, "parties", j], message: `No party has the key ${p}.` });
      });
      if (new Set(entry.parties).size !== entry.parties.length) {
        ctx.addIssue({ code: "custom", path: ["entries", i, "parties"], message: "A party is listed twice." });
      }
      if (!issues.has(entry.issue)) ctx.addIssue({ code: "custom", path: ["entries", i, "issue"], message: `No issue has the key ${entry.issue}.` });
      if (!sources.has(entry.source)) ctx.addIssue({ code: "custom", path: ["entries", i, "source"], message: `No source has the key ${entry.source}.` });
    });
    file.milestones?.forEach((milestone, i) => {
      if (milestone.source !== null && !sources.has(milestone.source)) {
        ctx.addIssue({ code: "custom", path: ["milestones", i, "source"], message: `No source has the key ${milestone.source}.` });
      }
    });
  });

export type ExchangeNegotiation = z.output<typeof exchangeNegotiationSchema>;
export type ExchangeParty = ExchangeNegotiation["parties"][number];
export type ExchangeSide = NonNullable<ExchangeNegotiation["sides"]>[number];
export type ExchangeIssue = ExchangeNegotiation["issues"][number];
export type ExchangeSource = ExchangeNegotiation["sources"][number];
export type ExchangeEntry = ExchangeNegotiation["entries"][number];
export type ExchangeMilestone = NonNullable<ExchangeNegotiation["milestones"]>[number];

/** One line per problem: where in the file (`entries[3].issue`) and what is wrong. */
export function exchangeProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}

/** Reads a negotiation file: the parsed format, or the problems found (nothing is guessed). */
export function parseExchangeJson(text: string): { ok: true; file: ExchangeNegotiation } | { ok: false; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, problems: [`The file is not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = exchangeNegotiationSchema.safeParse(raw);
  return parsed.success ? { ok: true, file: parsed.data } : { ok: false, problems: exchangeProblems(parsed.error) };
}

// ---- Building the file from a negotiation's records (the export; pure, so it is unit-tested).

export interface RecordsForExchange {
  negotiation: { slug: string; title: string; description: string };
  parties: Array<{ id: number; name: string; shortName: string; aliases: string; role: string; colour: string; order: number; sideId?: number | null }>;
  /** Live sides; a party whose side is not among them (in the trash) is written without one. */
  sides?: Array<{ id: number; name: string; colour: string; order: number }>;
  issues: Array<{ id: number; name: string; description: string; order: number; keywords?: string }>;
  sources: Array<{ id: number; title: string | null; outlet: string; url: string; publishedOn: string | null; language: string; text: string | null }>;
  /** In the as-of rule's order: date, then recording order. */
  entries: Array<{
    partyIds: number[];
    issueId: number;
    sourceId: number;
    statedOn: string;
    stance: string;
    firmness: string | null;
    summary: string;
    quote: string;
    notes: string;
    changeOverride: string | null;
  }>;
  /** Live milestones; a source not among `sources` (in the trash) is written as none. */
  milestones?: Array<{ day: string; title: string; sourceId: number | null; note: string }>;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts by the given content keys, then by the whole content, so the order never depends on ids. */
function sortByContent<T>(items: T[], keys: (item: T) => Array<string | number>, content: (item: T) => string): T[] {
  return [...items].sort((a, b) => {
    const ka = keys(a);
    const kb = keys(b);
    for (let i = 0; i < ka.length; i++) {
      const x = ka[i]!;
      const y = kb[i]!;
      if (x !== y) return typeof x === "number" && typeof y === "number" ? x - y : compareText(String(x), String(y));
    }
    return compareText(content(a), content(b));
  });
}

export function buildExchange(records: RecordsForExchange): ExchangeNegotiation {
  const sideKey = new Map<number, string>();
  const sides: ExchangeSide[] = sortByContent(
    (records.sides ?? []).map(({ id, name, colour, order }) => ({ id, body: { name, colour, order } })),
    (s) => [s.body.order, s.body.name],
    (s) => JSON.stringify(s.body),
  ).map((s, n) => {
    const key = `side-${n + 1}`;
    sideKey.set(s.id, key);
    return { key, ...s.body };
  });

  const partyKey = new Map<number, string>();
  const parties = sortByContent(
    records.parties.map((p) => {
      const side = p.sideId != null ? sideKey.get(p.sideId) : undefined;
      return {
        id: p.id,
        body: { name: p.name, shortName: p.shortName, aliases: p.aliases.split("\n").filter(Boolean), role: p.role, colour: p.colour, order: p.order, ...(side ? { side } : {}) },
      };
    }),
    (p) => [p.body.order, p.body.name],
    (p) => JSON.stringify(p.body),
  ).map((p, i) => {
    const key = `party-${i + 1}`;
    partyKey.set(p.id, key);
    return { key, ...p.body } as ExchangeParty;
  });
  const partyIndex = new Map(parties.map((p, i) => [p.key, i]));

  const issueKey = new Map<number, string>();
  const issues = sortByContent(
    records.issues.map((i) => {
      const keywords = (i.keywords ?? "").split("\n").filter(Boolean);
      return { id: i.id, body: { name: i.name, description: i.description, order: i.order, ...(keywords.length ? { keywords } : {}) } };
    }),
    (i) => [i.body.order, i.body.name],
    (i) => JSON.stringify(i.body),
  ).map((i, n) => {
    const key = `issue-${n + 1}`;
    issueKey.set(i.id, key);
    return { key, ...i.body };
  });

  const sourceKey = new Map<number, string>();
  const sources = sortByContent(
    records.sources.map(({ id, ...body }) => ({ id, body })),
    (s) => [s.body.publishedOn ?? "", s.body.url, s.body.title ?? "", s.body.outlet],
    (s) => JSON.stringify(s.body),
  ).map((s, n) => {
    const key = `source-${n + 1}`;
    sourceKey.set(s.id, key);
    return { key, ...s.body };
  });

  const entries = records.entries.map((e) => ({
    parties: e.partyIds.map((id) => partyKey.get(id)!).sort((a, b) => partyIndex.get(a)! - partyIndex.get(b)!),
    issue: issueKey.get(e.issueId)!,
    source: sourceKey.get(e.sourceId)!,
    statedOn: e.statedOn,
    stance: e.stance,
    firmness: e.firmness,
    summary: e.summary,
    quote: e.quote,
    notes: e.notes,
    changeOverride: e.changeOverride,
  })) as ExchangeEntry[];

  const milestones: ExchangeMilestone[] = sortByContent(
    (records.milestones ?? []).map((m) => ({ day: m.day, title: m.title, source: (m.sourceId !== null && sourceKey.get(m.sourceId)) || null, note: m.note })),
    (m) => [m.day, m.title],
    (m) => JSON.stringify(m),
  );

  return {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    negotiation: { slug: records.negotiation.slug, title: records.negotiation.title, description: records.negotiation.description },
    parties,
    ...(sides.length ? { sides } : {}),
    issues,
    sources,
    entries,
    ...(milestones.length ? { milestones } : {}),
  };
}

/** The file's text: two-space indented JSON with a final line break, in UTF-8 (no BOM). */
export function exchangeJsonText(file: ExchangeNegotiation): string {
  return JSON.stringify(file, null, 2) + "\n";
}
