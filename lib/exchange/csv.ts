// CSV for spreadsheets: the entries file (export and import share its columns) and the matrix
// as of a day. Parsing and writing are csv-parse / csv-stringify's; this module decides the
// columns, the neutralising of formula-like cells and what each row must hold
// (docs/decisions/013-exchange-formats.md).
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { entrySchema, issueSchema, partySchema, sourceSchema, type SourceInput } from "../schemas";

export const ENTRY_COLUMNS = [
  "stated_on",
  "parties",
  "issue",
  "stance",
  "firmness",
  "summary",
  "quote",
  "notes",
  "source_title",
  "source_outlet",
  "source_url",
  "source_published_on",
  "source_language",
] as const;
export type EntryColumn = (typeof ENTRY_COLUMNS)[number];

export const MATRIX_COLUMNS = ["issue", "party", "stance", "firmness", "stated_on", "summary", "source_title", "source_url"] as const;

/** Separates the parties of a joint statement in the `parties` column. */
export const PARTY_SEPARATOR = ";";

// A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first)
// is written with a leading apostrophe, which spreadsheets show as text. Cells that already
// start with apostrophes before such a character get one more, so reading a file back removes
// exactly one and gives every value as it was: the neutralising is undone on import, never lost.
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_LIKE.test(value) ? `'${value}` : value;
}

export function restoreCell(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}

/** A CSV file as spreadsheets open it cleanly: UTF-8 with BOM, one header row, CRLF lines. */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return (
    "\uFEFF" +
    stringify([[...columns], ...rows.map((row) => row.map(neutraliseCell))], { record_delimiter: "windows" })
  );
}

export interface EntryCsvRow {
  /** The line of the file where the row starts (the header is line 1). */
  line: number;
  statedOn: string | null;
  partyNames: string[];
  issueName: string;
  stance: z.output<typeof entrySchema>["stance"];
  firmness: z.output<typeof entrySchema>["firmness"];
  summary: string;
  quote: string;
  notes: string;
  source: SourceInput;
}

export interface RowProblem {
  /** 0 for a problem with the file as a whole. */
  line: number;
  /** The CSV column, or null for the row as a whole. */
  column: string | null;
  message: string;
}

export function problemText(p: RowProblem): string {
  if (p.line === 0) return p.message;
  return p.column ? `Line ${p.line}, ${p.column}: ${p.message}` : `Line ${p.line}: ${p.message}`;
}

// The row's fields pass the same schemas as the forms (lib/schemas.ts): a CSV cannot hold what a
// person could not type.
const entryFields = entrySchema.pick({ statedOn: true, stance: true, firmness: true, summary: true, quote: true, notes: true });
const ENTRY_FIELD_COLUMN: Record<string, EntryColumn> = {
  statedOn: "stated_on",
  stance: "stance",
  firmness: "firmness",
  summary: "summary",
  quote: "quote",
  notes: "notes",
};
const SOURCE_FIELD_COLUMN: Record<string, EntryColumn> = {
  title: "source_title",
  outlet: "source_outlet",
  url: "source_url",
  publishedOn: "source_published_on",
  language: "source_language",
};
/** The CSV column of a field the database checks name (server/exchange/import.ts). */
export const COLUMN_OF_FIELD: Record<string, EntryColumn> = {
  ...ENTRY_FIELD_COLUMN,
  partyIds: "parties",
  issueId: "issue",
  sourceId: "source_title",
};

function issuesOf(error: z.ZodError, columns: Record<string, string>, line: number): RowProblem[] {
  return error.issues.map((issue) => ({ line, column: columns[String(issue.path[0])] ?? null, message: issue.message }));
}

/** Checks one row (its cells by column name) and returns its values or its problems. */
export function validateEntryRow(cells: Record<string, string>, line: number): { row: EntryCsvRow | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const entry = entryFields.safeParse({
    statedOn: cells.stated_on,
    stance: cells.stance,
    firmness: cells.firmness,
    summary: cells.summary,
    quote: cells.quote,
    notes: cells.notes,
  });
  if (!entry.success) problems.push(...issuesOf(entry.error, ENTRY_FIELD_COLUMN, line));

  const partyNames: string[] = [];
  const names = (cells.parties ?? "").split(PARTY_SEPARATOR).map((n) => n.trim()).filter(Boolean);
  if (names.length === 0) problems.push({ line, column: "parties", message: `Name at least one party; separate the parties of a joint statement with "${PARTY_SEPARATOR}".` });
  for (const name of names) {
    const parsed = partySchema.shape.name.safeParse(name);
    if (parsed.success) partyNames.push(parsed.data);
    else problems.push({ line, column: "parties", message: parsed.error.issues[0]!.message });
  }
  if (new Set(partyNames.map((n) => n.toLowerCase())).size !== partyNames.length) {
    problems.push({ line, column: "parties", message: "A party is named twice." });
  }

  const issue = issueSchema.shape.name.safeParse(cells.issue ?? "");
  if (!issue.success) problems.push({ line, column: "issue", message: issue.error.issues[0]!.message });

  const source = sourceSchema.safeParse({
    title: cells.source_title,
    outlet: cells.source_outlet,
    url: cells.source_url,
    publishedOn: cells.source_published_on,
    language: cells.source_language,
    text: "",
  });
  if (!source.success) problems.push(...issuesOf(source.error, SOURCE_FIELD_COLUMN, line));

  if (problems.length || !entry.success || !issue.success || !source.success) return { row: null, problems };
  return { row: { line, ...entry.data, partyNames, issueName: issue.data, source: source.data }, problems: [] };
}

export interface ParsedEntriesCsv {
  rows: EntryCsvRow[];
  problems: RowProblem[];
  /** Columns the file has beyond ENTRY_COLUMNS: reported and ignored. */
  extraColumns: string[];
  /** Data rows read (valid or not). */
  rowCount: number;
}

/**
 * Reads an entries CSV: the header must name every column of ENTRY_COLUMNS (in any order);
 * every row is checked and every problem reported with its line and column.
 */
export function parseEntriesCsv(text: string): ParsedEntriesCsv {
  let records: Array<{ record: string[]; info: { lines: number }; raw: string }>;
  try {
    records = parse(text, { bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as { message: string; lines?: number };
    return { rows: [], problems: [{ line: e.lines ?? 0, column: null, message: `The file is not readable as CSV: ${e.message}` }], extraColumns: [], rowCount: 0 };
  }
  if (records.length === 0) return { rows: [], problems: [{ line: 0, column: null, message: "The file is empty: it needs a header row and at least one entry." }], extraColumns: [], rowCount: 0 };
  const header = records[0]!.record.map((h) => h.trim().toLowerCase());
  const missing = ENTRY_COLUMNS.filter((c) => !header.includes(c));
  const extraColumns = header.filter((h) => !(ENTRY_COLUMNS as readonly string[]).includes(h));
  const duplicated = header.filter((h, i) => header.indexOf(h) !== i);
  const problems: RowProblem[] = [];
  if (missing.length) problems.push({ line: 1, column: null, message: `The header row lacks the column${missing.length === 1 ? "" : "s"} ${missing.join(", ")}.` });
  if (duplicated.length) problems.push({ line: 1, column: null, message: `The header row names ${[...new Set(duplicated)].join(", ")} twice.` });
  if (problems.length) return { rows: [], problems, extraColumns, rowCount: records.length - 1 };

  const rows: EntryCsvRow[] = [];
  for (const { record, info, raw } of records.slice(1)) {
    const line = info.lines - (raw.replace(/(\r\n|\r|\n)$/, "").match(/\r\n|\r|\n/g)?.length ?? 0);
    if (record.length !== header.length) {
      problems.push({ line, column: null, message: `This row has ${record.length} cells; the header has ${header.length}.` });
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((h, i) => {
      cells[h] = restoreCell(record[i]!);
    });
    const result = validateEntryRow(cells, line);
    if (result.row) rows.push(result.row);
    problems.push(...result.problems);
  }
  return { rows, problems, extraColumns, rowCount: records.length - 1 };
}
