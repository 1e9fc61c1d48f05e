"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/form";
import { sourceSchema, sourceEditSchema } from "@/lib/schemas";
import { createInNegotiation } from "../mutations/scoped";
import { trashSource, updateSource } from "../mutations/sources";
import { currentActor, requireId, requireNegotiation, runFormAction, stateForError, versionOf } from "./run";

const LABELS = { title: "Title", outlet: "Outlet", url: "Address (URL)", publishedOn: "Published", language: "Language", text: "Text" };

export async function createSourceAction(slug: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runFormAction(formData, sourceSchema, async (input, actor, submissionId) => {
    const negotiation = await requireNegotiation(slug);
    const { id } = await createInNegotiation("source", negotiation.id, input, actor, submissionId);
    return `/negotiations/${slug}/sources/${id}`;
  });
  if (!outcome.ok) return outcome.state;
  revalidatePath(`/negotiations/${slug}`, "layout");
  redirect(outcome.redirectTo);
}

export async function updateSourceAction(slug: string, id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runFormAction(
    formData,
    sourceEditSchema,
    async ({ version, ...input }, actor) => {
      const negotiation = await requireNegotiation(slug);
      await updateSource(negotiation.id, requireId(id), version, input, actor);
      return `/negotiations/${slug}/sources/${id}`;
    },
    { labels: LABELS },
  );
  if (!outcome.ok) return outcome.state;
  revalidatePath(`/negotiations/${slug}`, "layout");
  redirect(outcome.redirectTo);
}

export async function deleteSourceAction(slug: string, id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await currentActor();
    const negotiation = await requireNegotiation(slug);
    await trashSource(negotiation.id, requireId(id), versionOf(formData), actor);
  } catch (error) {
    return stateForError(error, {});
  }
  revalidatePath(`/negotiations/${slug}`, "layout");
  redirect(`/negotiations/${slug}/sources`);
}
