"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/form";
import { milestoneEditSchema, milestoneSchema } from "@/lib/schemas";
import { createMilestone, updateMilestone } from "../mutations/milestones";
import { trashInNegotiation } from "../mutations/scoped";
import { currentActor, requireId, requireNegotiation, runFormAction, stateForError, versionOf } from "./run";

const LABELS = { day: "Date", title: "Title", sourceId: "Source", note: "Note" };

export async function createMilestoneAction(slug: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runFormAction(formData, milestoneSchema, async (input, actor, submissionId) => {
    const negotiation = await requireNegotiation(slug);
    const { id } = await createMilestone(negotiation.id, input, actor, submissionId);
    return `/negotiations/${slug}/milestones?saved=${id}`;
  });
  if (!outcome.ok) return outcome.state;
  revalidatePath(`/negotiations/${slug}`, "layout");
  redirect(outcome.redirectTo);
}

export async function updateMilestoneAction(slug: string, id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runFormAction(
    formData,
    milestoneEditSchema,
    async ({ version, ...input }, actor) => {
      const negotiation = await requireNegotiation(slug);
      await updateMilestone(negotiation.id, requireId(id), version, input, actor);
      return `/negotiations/${slug}/milestones?saved=${id}`;
    },
    { labels: LABELS },
  );
  if (!outcome.ok) return outcome.state;
  revalidatePath(`/negotiations/${slug}`, "layout");
  redirect(outcome.redirectTo);
}

/** Moves a milestone to the trash (restorable from the trash page, like every record). */
export async function deleteMilestoneAction(slug: string, id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await currentActor();
    const negotiation = await requireNegotiation(slug);
    await trashInNegotiation("milestone", negotiation.id, requireId(id), versionOf(formData), actor);
  } catch (error) {
    return stateForError(error, {});
  }
  revalidatePath(`/negotiations/${slug}`, "layout");
  redirect(`/negotiations/${slug}/milestones`);
}
