"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/form";
import { entrySchema, entryEditSchema } from "@/lib/schemas";
import { createEntry, trashEntry, updateEntry } from "../mutations/entries";
import { restoreInNegotiation } from "../mutations/scoped";
import { NEEDED } from "@/lib/roles";
import { requireRole } from "../session";
import { restoredDay } from "../queries/overview";
import { currentActor, requireId, requireNegotiation, runFormAction, stateForError, versionOf } from "./run";

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

export async function createEntryAction(slug: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runFormAction(
    formData,
    entrySchema,
    async (input, actor, submissionId) => {
      const negotiation = await requireNegotiation(slug);
      const { state } = await createEntry(negotiation.id, input, actor, submissionId);
      return matrixAt(slug, state);
    },
    { arrayFields: ARRAY_FIELDS },
  );
  if (!outcome.ok) return outcome.state;
  revalidatePath(`/negotiations/${slug}`, "layout");
  redirect(outcome.redirectTo);
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
