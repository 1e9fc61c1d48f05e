"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/form";
import { negotiationSchema, negotiationEditSchema } from "@/lib/schemas";
import { createNegotiation, deleteNegotiation, updateNegotiation } from "../mutations/negotiations";
import { currentActor, requireId, runFormAction, stateForError, versionOf } from "./run";

const LABELS = { title: "Title", slug: "Short name", description: "Description" };

export async function createNegotiationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runFormAction(formData, negotiationSchema, async (input, actor, submissionId) => {
    const { slug } = await createNegotiation(input, actor, submissionId);
    return `/negotiations/${slug}`;
  });
  if (!outcome.ok) return outcome.state;
  revalidatePath("/");
  redirect(outcome.redirectTo);
}

export async function updateNegotiationAction(id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runFormAction(
    formData,
    negotiationEditSchema,
    async ({ version, ...input }, actor) => {
      const { slug } = await updateNegotiation(requireId(id), version, input, actor);
      return `/negotiations/${slug}`;
    },
    { labels: LABELS },
  );
  if (!outcome.ok) return outcome.state;
  revalidatePath("/", "layout");
  redirect(outcome.redirectTo);
}

export async function deleteNegotiationAction(id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await currentActor();
    await deleteNegotiation(requireId(id), versionOf(formData), actor);
  } catch (error) {
    return stateForError(error, {});
  }
  revalidatePath("/", "layout");
  redirect("/");
}
