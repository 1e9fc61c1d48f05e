"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/form";
import { issueEditSchema, issueSchema, partyEditSchema, partySchema } from "@/lib/schemas";
import { createInNegotiation, trashInNegotiation, updateInNegotiation } from "../mutations/scoped";
import { currentActor, requireId, requireNegotiation, runFormAction, stateForError, versionOf } from "./run";

// Parties (the matrix's columns) and issues (its rows) share one life cycle: create, edit,
// move to the trash. Each lands back on its management page, where the change is visible.

const FORMS = {
  party: {
    schema: partySchema,
    editSchema: partyEditSchema,
    list: "parties",
    labels: { name: "Name", shortName: "Short name", aliases: "Other names", role: "Role", colour: "Colour", order: "Order" },
  },
  issue: {
    schema: issueSchema,
    editSchema: issueEditSchema,
    list: "issues",
    labels: { name: "Name", description: "Description", order: "Order" },
  },
} as const;
type Kind = keyof typeof FORMS;

/** Creates (`target` null) or edits `target.id`; the id is checked like any input sent back. */
async function save(kind: Kind, slug: string, target: { id: unknown } | null, formData: FormData): Promise<FormState> {
  const form = FORMS[kind];
  const schema = target === null ? form.schema : form.editSchema;
  const outcome = await runFormAction(
    formData,
    schema,
    async (parsed, actor, submissionId) => {
      const negotiation = await requireNegotiation(slug);
      const { version, ...input } = parsed as typeof parsed & { version?: number };
      if (target === null) await createInNegotiation(kind, negotiation.id, input, actor, submissionId);
      else await updateInNegotiation(kind, negotiation.id, requireId(target.id), version ?? 0, input, actor);
      return `/negotiations/${slug}/${form.list}`;
    },
    { labels: form.labels },
  );
  if (!outcome.ok) return outcome.state;
  revalidatePath(`/negotiations/${slug}`, "layout");
  redirect(outcome.redirectTo);
}

async function trash(kind: Kind, slug: string, id: number, formData: FormData): Promise<FormState> {
  try {
    const actor = await currentActor();
    const negotiation = await requireNegotiation(slug);
    await trashInNegotiation(kind, negotiation.id, requireId(id), versionOf(formData), actor);
  } catch (error) {
    return stateForError(error, {});
  }
  revalidatePath(`/negotiations/${slug}`, "layout");
  redirect(`/negotiations/${slug}/${FORMS[kind].list}`);
}

export async function createPartyAction(slug: string, _prev: FormState, formData: FormData) {
  return save("party", slug, null, formData);
}
export async function updatePartyAction(slug: string, id: number, _prev: FormState, formData: FormData) {
  return save("party", slug, { id }, formData);
}
export async function deletePartyAction(slug: string, id: number, _prev: FormState, formData: FormData) {
  return trash("party", slug, id, formData);
}
export async function createIssueAction(slug: string, _prev: FormState, formData: FormData) {
  return save("issue", slug, null, formData);
}
export async function updateIssueAction(slug: string, id: number, _prev: FormState, formData: FormData) {
  return save("issue", slug, { id }, formData);
}
export async function deleteIssueAction(slug: string, id: number, _prev: FormState, formData: FormData) {
  return trash("issue", slug, id, formData);
}
