"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/form";
import { issueEditSchema, issueSchema, partyEditSchema, partySchema, sideEditSchema, sideSchema } from "@/lib/schemas";
import { parseId } from "@/lib/form";
import { isDirection, movedMessage } from "@/lib/taxonomy";
import { ConflictError, ValidationError } from "../errors";
import { createInNegotiation, trashInNegotiation, updateInNegotiation } from "../mutations/scoped";
import { mergeInto, moveInOrder } from "../mutations/taxonomy";
import { nextSideOrder, requireLiveSide } from "../mutations/sides";
import { currentActor, requireId, requireNegotiation, runFormAction, stateForError, versionOf } from "./run";

// Parties (the matrix's columns), sides (groups of allied parties) and issues (the matrix's rows)
// share one life cycle: create, edit, move up or down, move to the trash. Each lands back on its management page, where the change is visible.

const FORMS = {
  party: {
    schema: partySchema,
    editSchema: partyEditSchema,
    list: "parties",
    labels: { name: "Name", shortName: "Short name", aliases: "Other names", role: "Role", colour: "Colour", order: "Order", sideId: "Side" },
  },
  side: {
    schema: sideSchema,
    editSchema: sideEditSchema,
    list: "sides",
    labels: { name: "Name", colour: "Colour" },
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
      const { version, ...input } = parsed as typeof parsed & { version?: number; sideId?: number | null };
      if (kind === "party" && typeof input.sideId === "number") await requireLiveSide(negotiation.id, input.sideId);
      if (kind === "side" && target === null) Object.assign(input, { order: await nextSideOrder(negotiation.id) });
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

/** One place up or down in the matrix order; answers with the new position (no redirect, focus stays). */
async function move(kind: Kind, slug: string, id: number, formData: FormData): Promise<FormState> {
  let status: string;
  try {
    const actor = await currentActor();
    const negotiation = await requireNegotiation(slug);
    const direction = formData instanceof FormData ? formData.get("direction") : null;
    if (!isDirection(direction)) throw new ValidationError({ _form: ["Choose to move it up or down."] });
    const moved = await moveInOrder(kind, negotiation.id, requireId(id), versionOf(formData), direction, actor);
    status = movedMessage(moved.name, moved.position, moved.total);
  } catch (error) {
    if (!(error instanceof ConflictError)) return stateForError(error, {});
    // The list changed since it was shown: show it as it is now, unchanged by this click.
    revalidatePath(`/negotiations/${slug}`, "layout");
    return { formError: "Someone else changed this list meanwhile; it now shows their change. Nothing was moved; try again." };
  }
  revalidatePath(`/negotiations/${slug}`, "layout");
  return { status };
}

/** Merges into the target chosen on the confirmation page; see server/mutations/taxonomy.ts. */
async function merge(kind: "party" | "issue", slug: string, id: number, formData: FormData): Promise<FormState> {
  const raw = formData instanceof FormData ? formData.get("targetId") : null;
  const targetId = typeof raw === "string" ? parseId(raw) : null;
  try {
    const actor = await currentActor();
    const negotiation = await requireNegotiation(slug);
    if (!targetId) throw new ValidationError({ _form: [`Choose the ${kind} to merge into.`] });
    await mergeInto(kind, negotiation.id, requireId(id), versionOf(formData), targetId, actor);
  } catch (error) {
    if (error instanceof ConflictError) {
      return { formError: `This ${kind} was changed after this page was shown. Nothing was merged; go back and check the merge again.` };
    }
    return stateForError(error, {});
  }
  revalidatePath(`/negotiations/${slug}`, "layout");
  redirect(`/negotiations/${slug}/${FORMS[kind].list}?merged=${targetId}`);
}

export async function movePartyAction(slug: string, id: number, _prev: FormState, formData: FormData) {
  return move("party", slug, id, formData);
}
export async function moveIssueAction(slug: string, id: number, _prev: FormState, formData: FormData) {
  return move("issue", slug, id, formData);
}
export async function mergePartyAction(slug: string, id: number, _prev: FormState, formData: FormData) {
  return merge("party", slug, id, formData);
}
export async function mergeIssueAction(slug: string, id: number, _prev: FormState, formData: FormData) {
  return merge("issue", slug, id, formData);
}

export async function createSideAction(slug: string, _prev: FormState, formData: FormData) {
  return save("side", slug, null, formData);
}
export async function updateSideAction(slug: string, id: number, _prev: FormState, formData: FormData) {
  return save("side", slug, { id }, formData);
}
export async function deleteSideAction(slug: string, id: number, _prev: FormState, formData: FormData) {
  return trash("side", slug, id, formData);
}
export async function moveSideAction(slug: string, id: number, _prev: FormState, formData: FormData) {
  return move("side", slug, id, formData);
}
