// Batch entry (issue 9, item 2; docs/decisions/018): several position entries from one source
// in one form. Each row's fields are named `row<key>.<field>` so that the one FormState shape
// and the one Field component carry them; these rules split a submitted form into its rows.
import type { FormValues } from "./form";
import { formatDay } from "./format";
import { STANCE_LABELS, isStance } from "./vocabulary";

/** The fields a row has; the source and the date stated are the batch's. */
export const ROW_FIELDS = ["partyIds", "issueId", "stance", "firmness", "summary", "quote", "notes"] as const;
export type RowField = (typeof ROW_FIELDS)[number];

/** The most rows one batch saves. */
export const MAX_ROWS = 50;
/** Rows a fresh batch form starts with. */
export const FIRST_ROWS = 3;

const KEY = /^[1-9]\d{0,3}$/;

/** The form field name of a row's field: `row3.summary`. */
export function rowField(key: string, field: RowField): string {
  return `row${key}.${field}`;
}

/**
 * A suggestion row's own hidden fields (issue 12; docs/decisions/035): `row3.suggestion` holds the
 * suggestion as the reader made it (lib/suggest/provenance.ts), `row3.review` is "pending" until
 * the analyst accepts it ("accepted"). A row without them was typed by hand.
 */
export const SUGGESTION_FIELDS = ["suggestion", "review"] as const;
export type SuggestionField = (typeof SUGGESTION_FIELDS)[number];

/** The form field name of a suggestion row's hidden field: `row3.review`. */
export function suggestionField(key: string, field: SuggestionField): string {
  return `row${key}.${field}`;
}

/**
 * Where a row stands: typed by hand (no review field), a suggestion still to decide, accepted
 * (saved like a hand-typed row), or rejected (kept, hidden, in the form so Undo can bring it
 * back; never saved). Any other review value counts as still to decide: nothing is saved without a click.
 */
export type RowReview = "hand" | "pending" | "accepted" | "rejected";

export function rowReview(values: FormValues, key: string): RowReview {
  const review = values[suggestionField(key, "review")];
  if (review === undefined) return "hand";
  return review === "accepted" || review === "rejected" ? review : "pending";
}

/** The element id of a row's field, so the error summary can link to it. */
export function rowFieldId(key: string, field: RowField): string {
  return `row${key}-${field}`;
}

/** Keys for `count` new rows, none of them in `taken`. */
export function newRowKeys(taken: readonly string[], count = 1): string[] {
  let next = taken.reduce((max, k) => Math.max(max, KEY.test(k) ? Number(k) : 0), 0);
  return Array.from({ length: count }, () => String(++next));
}

/**
 * The row keys a form sent (its `rows` field, in order), or a message when the list itself is
 * not one the page sends: a malformed or repeated key, or more than MAX_ROWS rows.
 */
export function rowKeysOf(values: FormValues): { keys: string[] } | { error: string } {
  const raw = values.rows;
  const keys = Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : [];
  if (keys.length > MAX_ROWS) return { error: `A batch saves at most ${MAX_ROWS} rows; save these in two batches.` };
  if (keys.some((k) => !KEY.test(k)) || new Set(keys).size !== keys.length) {
    return { error: "This form's rows were not sent as the page sends them, so nothing was saved. Reload the page and try again." };
  }
  return { keys };
}

/** The field names that always arrive as lists: the row list and each row's parties. */
export function batchArrayFields(formData: FormData): string[] {
  const keys = formData instanceof FormData ? formData.getAll("rows").filter((k): k is string => typeof k === "string" && KEY.test(k)) : [];
  return ["rows", ...keys.map((k) => rowField(k, "partyIds"))];
}

/** One row's values under their own names (partyIds, issueId…), as the single-entry form sends them. */
export function rowValues(values: FormValues, key: string): FormValues {
  const out: FormValues = {};
  for (const field of ROW_FIELDS) {
    const v = values[rowField(key, field)];
    if (v !== undefined) out[field] = v;
  }
  return out;
}

/** A row with nothing chosen or typed in it is left out of the batch, not refused. */
export function isEmptyRow(row: FormValues): boolean {
  return ROW_FIELDS.every((field) => {
    const v = row[field];
    return v === undefined || (Array.isArray(v) ? v.every((x) => x.trim() === "") : v.trim() === "");
  });
}

/** A row's errors under the row's own field names; errors about the batch's fields stay as they are. */
export function rowErrors(key: string, errors: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(errors)) {
    const name = (ROW_FIELDS as readonly string[]).includes(field) ? rowField(key, field as RowField) : field;
    out[name] = [...(out[name] ?? []), ...messages];
  }
  return out;
}

/** The form's values without the given rows (saved ones leave the form). */
export function withoutRows(values: FormValues, keys: readonly string[]): FormValues {
  const gone = new Set(keys.flatMap((k) => [...ROW_FIELDS.map((f) => rowField(k, f)), ...SUGGESTION_FIELDS.map((f) => suggestionField(k, f))]));
  const out: FormValues = {};
  for (const [name, v] of Object.entries(values)) if (!gone.has(name)) out[name] = v;
  const rows = values.rows;
  out.rows = (Array.isArray(rows) ? rows : typeof rows === "string" ? [rows] : []).filter((k) => !keys.includes(k));
  return out;
}

/**
 * "2 positions saved, 1 row needs fixing." ("Nothing saved: …" when no row was.) With suggestion
 * rows not yet accepted or rejected: "2 positions saved; 1 suggestion still to accept or reject."
 */
export function batchStatus(saved: number, failing: number, pending = 0): string {
  const s = `${saved} ${saved === 1 ? "position" : "positions"} saved`;
  const fix = `${failing} ${failing === 1 ? "row needs" : "rows need"} fixing`;
  const main = failing === 0 ? (saved === 0 && pending > 0 ? "Nothing saved" : s) : saved === 0 ? `Nothing saved: ${fix}` : `${s}, ${fix}`;
  if (pending === 0) return `${main}.`;
  return `${main}; ${pending} ${pending === 1 ? "suggestion" : "suggestions"} still to accept or reject.`;
}

/** How a saved entry is named to the person who saved it: "Hamas, Israel on Hostages: Demands (25 Aug 2024)". */
export function entryLabel(
  entry: { partyIds: readonly number[]; issueId: number; stance: string; statedOn: string },
  partyNames: ReadonlyMap<number, string>,
  issueNames: ReadonlyMap<number, string>,
): string {
  const parties = entry.partyIds.map((id) => partyNames.get(id) ?? `party #${id}`).join(", ");
  const issue = issueNames.get(entry.issueId) ?? `issue #${entry.issueId}`;
  const stance = isStance(entry.stance) ? STANCE_LABELS[entry.stance] : entry.stance;
  return `${parties} on ${issue}: ${stance} (${formatDay(entry.statedOn)})`;
}
