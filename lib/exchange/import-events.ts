// What the browser's import routes send back while an import runs (docs/decisions/020): one JSON
// object per line (ndjson). The server writes them (server/exchange/import-route.ts), the import
// page reads them (components/import-runner.tsx); both use this module, so the shape is one.
import { FILE_TOO_LARGE, MAX_IMPORT_FILE_BYTES } from "./limits";
import { plural } from "../format";

/** What the import page shows after a check or an import. */
export interface ImportSummary {
  ok: boolean;
  dryRun: boolean;
  /** Each problem as the reader sees it: `Line 7, stance: Choose a stance.` */
  problems: string[];
  extraColumns: string[];
  created: { negotiation: string | null; parties: string[]; issues: string[]; sources: number; entries: number };
  /** Where the rows went (or would go): the negotiation's short name. */
  slug: string;
  /** Seconds the import took on the server. */
  seconds: number;
}

/**
 * What an import created (or would create), one line per kind of record, counted in the singular
 * for one ("1 party: Hamas"): the import page lists them, the CLI joins them (scripts/import.mts).
 */
export function createdLines(created: ImportSummary["created"]): string[] {
  const named = (n: number, one: string, many: string, names: string[]) => `${plural(n, one, many)}${names.length ? `: ${names.join(", ")}` : ""}`;
  return [
    plural(created.entries, "position entry", "position entries"),
    plural(created.sources, "source"),
    named(created.parties.length, "party", "parties", created.parties),
    named(created.issues.length, "issue", "issues", created.issues),
  ];
}

export type ImportEvent =
  /** Rows (or records) checked and written so far, inside the one transaction: not yet saved. */
  | { type: "progress"; done: number; total: number }
  /** The import's outcome, after the transaction was committed or rolled back. */
  | { type: "result"; result: ImportSummary }
  /** Refused before anything was read or written: who sent it, where from, or the file itself. */
  | { type: "refused"; formError?: string; fieldErrors?: Record<string, string[]> };

export function encodeEvent(event: ImportEvent): string {
  return JSON.stringify(event) + "\n";
}

/**
 * Splits what arrived so far into complete events and the unfinished rest (a chunk may end in the
 * middle of a line). Lines that are not an event are skipped.
 */
export function decodeEvents(buffered: string): { events: ImportEvent[]; rest: string } {
  const lines = buffered.split("\n");
  const rest = lines.pop() ?? "";
  const events: ImportEvent[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    try {
      const value = JSON.parse(line) as ImportEvent;
      if (value && typeof value === "object" && typeof value.type === "string") events.push(value);
    } catch {
      // not an event: ignored
    }
  }
  return { events, rest };
}

/** How often to report: about a hundred steps, whatever the file's size. */
export function progressStep(total: number): number {
  return Math.max(1, Math.ceil(total / 100));
}

export type ImportFileKind = "csv" | "json";

const FILE_MESSAGES: Record<ImportFileKind, { missing: string; encoding: string }> = {
  csv: {
    missing: "Choose a CSV file with a header row and at least one entry.",
    encoding: "The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8” and choose it again.",
  },
  json: {
    missing: "Choose a negotiation file (.json) exported from Parley.",
    encoding: "The file is not UTF-8 text: choose the .json file Parley exported, unchanged.",
  },
};

/** The uploaded file's text, or the message shown by the file field. The same rule for both import pages. */
export async function readImportFile(value: FormDataEntryValue | null, kind: ImportFileKind): Promise<{ text: string } | { error: string }> {
  if (typeof value !== "object" || value === null || typeof value.arrayBuffer !== "function" || value.size === 0) {
    return { error: FILE_MESSAGES[kind].missing };
  }
  if (value.size > MAX_IMPORT_FILE_BYTES) return { error: FILE_TOO_LARGE };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(await value.arrayBuffer()) };
  } catch {
    return { error: FILE_MESSAGES[kind].encoding };
  }
}
