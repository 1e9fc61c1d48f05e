"use server";

import { createHash, randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { formDataToValues, valueOf, valuesOf, type FormState } from "@/lib/form";
import { entrySchema, entryEditSchema, fieldErrorsOf } from "@/lib/schemas";
import {
  FIRST_ROWS,
  batchArrayFields,
  batchStatus,
  entryLabel,
  isEmptyRow,
  newRowKeys,
  rowErrors,
  rowKeysOf,
  rowReview,
  rowValues,
  suggestionField,
  withoutRows,
} from "@/lib/batch-entries";
import { BY_HAND, parseOrigin, provenanceOf, type SuggestionOrigin } from "@/lib/suggest/provenance";
import { locateQuote } from "@/lib/quote";
import { createEntry, trashEntry, updateEntry } from "../mutations/entries";
import { restoreInNegotiation } from "../mutations/scoped";
import { NEEDED } from "@/lib/roles";
import { requireRole } from "../session";
import { restoredDay } from "../queries/overview";
import { getSource } from "../queries/sources";
import { listIssues, listParties } from "../queries/parties-and-issues";
import { NotFoundError, ValidationError } from "../errors";
import { NOT_A_FORM, currentActor, logRefusal, requireId, requireNegotiation, runFormAction, stateForError, submissionIdOf, versionOf } from "./run";

const ARRAY_FIELDS = ["partyIds"] as const;
const LABELS = {
  partyIds: "Parties",
  issueId: "Issue",
  sourceId: "Source",
  statedOn: "Date stated",
  stance: "Stance",
  firmness: "Firmness",
  summary: "Summary",
  quote: "Quote",
  notes: "Notes",
  changeOverride: "Change type",
};

/** After a save the user sees the matrix as of the day the position was stated, cell marked. */
function matrixAt(slug: string, state: Record<string, unknown>) {
  const partyIds = state.partyIds as number[];
  return `/negotiations/${slug}?asOf=${String(state.statedOn)}&saved=${String(state.id)}#cell-${String(state.issueId)}-${partyIds[0]}`;
}

/** The negotiation's live parties and issues, read once however many rows ask for them. */
function negotiationLists(negotiationId: number) {
  let lists: Promise<[Awaited<ReturnType<typeof listParties>>, Awaited<ReturnType<typeof listIssues>>]> | null = null;
  return () => (lists ??= Promise.all([listParties(negotiationId), listIssues(negotiationId)]));
}
type Lists = ReturnType<typeof negotiationLists>;

/** Names saved entries for the person who saved them (lib/batch-entries.ts entryLabel). */
async function entryLabeller(lists: Lists) {
  const [parties, issues] = await lists();
  const partyNames = new Map(parties.map((p) => [p.id, p.name]));
  const issueNames = new Map(issues.map((i) => [i.id, i.name]));
  return (state: Record<string, unknown>) =>
    entryLabel(
      { partyIds: state.partyIds as number[], issueId: state.issueId as number, stance: String(state.stance), statedOn: String(state.statedOn) },
      partyNames,
      issueNames,
    );
}

/**
 * The single-entry form. Its "Save and add another" button (`then=another`) saves the same way
 * and then answers with a fresh form that keeps the source, the date and the parties, and says
 * what was saved; the other button goes to the matrix.
 */
export async function createEntryAction(slug: string, _prev: FormState, formData: FormData): Promise<FormState> {
  let saved: { negotiationId: number; state: Record<string, unknown> } | undefined;
  const outcome = await runFormAction(
    formData,
    entrySchema,
    async (input, actor, submissionId) => {
      const negotiation = await requireNegotiation(slug);
      const { state } = await createEntry(negotiation.id, input, actor, submissionId);
      saved = { negotiationId: negotiation.id, state };
      return matrixAt(slug, state);
    },
    { arrayFields: ARRAY_FIELDS },
  );
  if (!outcome.ok) return outcome.state;
  revalidatePath(`/negotiations/${slug}`, "layout");
  if (saved && formData.get("then") === "another") {
    const label = (await entryLabeller(negotiationLists(saved.negotiationId)))(saved.state);
    const values = formDataToValues(formData, ARRAY_FIELDS);
    return {
      status: `Saved: ${label}. Add the next position from the same source.`,
      values: { sourceId: valueOf(values, "sourceId"), statedOn: valueOf(values, "statedOn"), partyIds: valuesOf(values, "partyIds"), submissionId: randomUUID() },
      saved: [{ id: Number(saved.state.id), label, href: outcome.redirectTo }],
    };
  }
  redirect(outcome.redirectTo);
}

/**
 * A row's submission token, derived from the batch form's token and the row's key: the same
 * form sent twice saves each row once (createRecord), while every row has a token of its own.
 */
function rowToken(batchToken: string | null, key: string): string | null {
  if (!batchToken) return null;
  const hex = createHash("sha256").update(`${batchToken}:${key}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** What an earlier answer listed as saved, as the browser sends it back: kept only in its own shape. */
function savedBefore(prev: unknown, slug: string): NonNullable<FormState["saved"]> {
  const list = (prev as FormState | null)?.saved;
  if (!Array.isArray(list)) return [];
  return list
    .filter(
      (s): s is { id: number; label: string; href: string } =>
        typeof s === "object" && s !== null &&
        Number.isSafeInteger(s.id) && typeof s.label === "string" && s.label.length <= 1000 &&
        typeof s.href === "string" && s.href.startsWith(`/negotiations/${slug}?`),
    )
    .slice(-200)
    .map(({ id, label, href }) => ({ id, label, href }));
}

/**
 * A suggestion row's origin as the browser sent it back, kept only when it could be one this
 * negotiation's readers made for this source: live parties and issue of the negotiation, a quote
 * found in the source's text. Otherwise it is ignored and the entry counts as typed by hand
 * (docs/decisions/035-suggestion-provenance.md).
 */
function plausibleOrigin(raw: unknown, known: { parties: ReadonlySet<number>; issues: ReadonlySet<number>; text: string | null }): SuggestionOrigin | null {
  const origin = parseOrigin(raw);
  if (!origin || !origin.partyIds.every((id) => known.parties.has(id)) || !known.issues.has(origin.issueId)) return null;
  if (!origin.quote.trim() || !locateQuote(known.text, origin.quote)) return null;
  return origin;
}

/**
 * Batch entry: several positions from one source (docs/decisions/018). Each non-empty row is
 * checked with the single form's schema and saved through the same mutation, on its own: valid
 * rows are saved at once, rows with errors come back with what was typed and their messages,
 * empty rows are left out. A row's token makes a second send of the same form save nothing twice.
 */
export async function createEntriesAction(slug: string, sourceId: number, prev: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToValues(formData, batchArrayFields(formData));
  let actor: string;
  try {
    actor = await currentActor();
  } catch (error) {
    return stateForError(error, values);
  }
  if (!(formData instanceof FormData)) {
    await logRefusal(actor, "not-a-form", NOT_A_FORM);
    return { formError: NOT_A_FORM, values };
  }
  const before = savedBefore(prev, typeof slug === "string" ? slug : "");
  let negotiationId: number;
  let sourceText: string | null;
  try {
    negotiationId = (await requireNegotiation(slug)).id;
    const source = await getSource(negotiationId, requireId(sourceId));
    if (!source) throw new NotFoundError("Source");
    sourceText = source.text;
  } catch (error) {
    return stateForError(error, values);
  }
  const listed = rowKeysOf(values);
  if ("error" in listed) {
    await logRefusal(actor, "invalid", listed.error);
    return { formError: listed.error, values, saved: before };
  }
  // The batch's own field first: with a wrong date no row could be saved.
  const batch = entrySchema.pick({ statedOn: true }).safeParse(values);
  if (!batch.success) {
    const fieldErrors = fieldErrorsOf(batch.error);
    await logRefusal(actor, "invalid", undefined, Object.keys(fieldErrors));
    return { fieldErrors, values, saved: before };
  }

  const batchToken = submissionIdOf(values);
  const saved: Array<{ key: string; state: Record<string, unknown> }> = [];
  const fieldErrors: Record<string, string[]> = {};
  const failing: string[] = [];
  // Suggestion rows (issue 12): only accepted ones are saved; the others stay in the form.
  const reviews = new Map(listed.keys.map((key) => [key, rowReview(values, key)]));
  const pending = listed.keys.filter((key) => reviews.get(key) === "pending");
  const rejected = listed.keys.filter((key) => reviews.get(key) === "rejected");
  const lists = negotiationLists(negotiationId);
  let known: { parties: Set<number>; issues: Set<number> } | null = null;
  for (const key of listed.keys) {
    const review = reviews.get(key);
    if (review === "pending" || review === "rejected") continue;
    const row = rowValues(values, key);
    if (isEmptyRow(row)) continue;
    const parsed = entrySchema.safeParse({ ...row, sourceId: String(sourceId), statedOn: values.statedOn });
    try {
      if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
      if (review === "accepted" && !known) {
        // A suggestion's origin must name the negotiation's live parties and issue.
        const [parties, issues] = await lists();
        known = { parties: new Set(parties.map((p) => p.id)), issues: new Set(issues.map((i) => i.id)) };
      }
      const origin = review === "accepted" && known ? plausibleOrigin(values[suggestionField(key, "suggestion")], { ...known, text: sourceText }) : null;
      const provenance = origin ? provenanceOf(origin, parsed.data) : BY_HAND;
      const { state } = await createEntry(negotiationId, parsed.data, actor, rowToken(batchToken, key), provenance);
      saved.push({ key, state });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const { _form, ...errors } = error.fieldErrors;
      for (const [name, messages] of Object.entries(rowErrors(key, errors))) fieldErrors[name] = [...(fieldErrors[name] ?? []), ...messages];
      if (_form) fieldErrors._form = _form;
      failing.push(key);
    }
  }
  if (saved.length + failing.length + pending.length === 0) {
    const formError = "Every row is empty: fill in at least one row (parties, issue, stance and summary).";
    await logRefusal(actor, "invalid", formError);
    return { formError, values, saved: before };
  }
  if (failing.length) await logRefusal(actor, "invalid", undefined, Object.keys(fieldErrors));
  if (saved.length) revalidatePath(`/negotiations/${slug}`, "layout");
  const label = saved.length ? await entryLabeller(lists) : null;
  const all = [...before, ...saved.map(({ state }) => ({ id: Number(state.id), label: label!(state), href: matrixAt(slug, state) }))];
  const status = batchStatus(saved.length, failing.length, pending.length);
  // Rows with a token that was used leave the form; the rest keep what was typed under a new
  // batch token, so a row added later never takes a saved row's token.
  if (failing.length === 0 && pending.length === 0 && rejected.length === 0) {
    return { status, saved: all, values: { statedOn: valueOf(values, "statedOn"), submissionId: randomUUID(), rows: newRowKeys([], FIRST_ROWS) } };
  }
  const { sourceId: sourceErrors, _form, statedOn: dateErrors, ...rowFieldErrors } = fieldErrors;
  // Errors about the batch's source or date are the same for every row: said once.
  const formError = [...new Set([...(sourceErrors ?? []), ...(_form ?? [])])].join(" ") || undefined;
  return {
    status,
    formError,
    fieldErrors: { ...rowFieldErrors, ...(dateErrors ? { statedOn: [...new Set(dateErrors)] } : {}) },
    saved: all,
    values: { ...withoutRows(values, saved.map((s) => s.key)), submissionId: saved.length ? randomUUID() : (batchToken ?? randomUUID()) },
  };
}

export async function updateEntryAction(slug: string, id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runFormAction(
    formData,
    entryEditSchema,
    async ({ version, ...input }, actor) => {
      const negotiation = await requireNegotiation(slug);
      const { state } = await updateEntry(negotiation.id, requireId(id), version, input, actor);
      return matrixAt(slug, state);
    },
    { arrayFields: ARRAY_FIELDS, labels: LABELS },
  );
  if (!outcome.ok) return outcome.state;
  revalidatePath(`/negotiations/${slug}`, "layout");
  redirect(outcome.redirectTo);
}

export async function deleteEntryAction(slug: string, id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await currentActor();
    const negotiation = await requireNegotiation(slug);
    await trashEntry(negotiation.id, requireId(id), versionOf(formData), actor);
  } catch (error) {
    return stateForError(error, {});
  }
  revalidatePath(`/negotiations/${slug}`, "layout");
  // The matrix says what was deleted and offers Undo right there (issue 8).
  redirect(`/negotiations/${slug}?deleted=${id}`);
}

/** Undo of a delete, from the message the matrix shows after it: the trash's restore, back to the matrix. */
export async function undoDeleteEntryAction(slug: string, id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  let statedOn: string;
  try {
    const actor = await requireRole(NEEDED.restore);
    const negotiation = await requireNegotiation(slug);
    await restoreInNegotiation("entry", negotiation.id, requireId(id), versionOf(formData), actor);
    statedOn = (await restoredDay(negotiation.id, id)) ?? "";
  } catch (error) {
    return stateForError(error, {});
  }
  revalidatePath(`/negotiations/${slug}`, "layout");
  redirect(`/negotiations/${slug}?${statedOn ? `asOf=${statedOn}&` : ""}restored=${id}`);
}
