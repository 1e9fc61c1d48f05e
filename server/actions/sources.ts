"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/form";
import { LIMITS, sourceSchema, sourceEditSchema } from "@/lib/schemas";
import { createInNegotiation } from "../mutations/scoped";
import { trashSource, updateSource } from "../mutations/sources";
import { formDataToValues } from "@/lib/form";
import { fillFromPage } from "@/lib/page-source";
import { env } from "../env";
import { FetchRefusal, fetchPage } from "../fetch-page";
import { log } from "../log";
import { currentActor, logRefusal, requireId, requireNegotiation, runFormAction, stateForError, versionOf } from "./run";

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

/**
 * "Fetch from URL" on the new-source form: fetches the page in the URL field on the server
 * (server/fetch-page.ts, behind the guard of docs/decisions/015) and gives the form back with
 * title, outlet, date, language and text filled in for the analyst to check. Saves nothing; the
 * role is checked as for any write, since it makes the server reach out to the web.
 */
export async function fetchSourceAction(slug: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToValues(formData);
  let actor: string;
  try {
    actor = await currentActor();
    await requireNegotiation(slug);
  } catch (error) {
    return stateForError(error, values);
  }
  const url = typeof values.url === "string" ? values.url.trim() : "";
  try {
    const page = await fetchPage(url, { allow: env().fetchAllow });
    const filled = fillFromPage({ ...values, url: page.url }, page.source);
    log().info({ event: "source.fetched", who: actor, host: new URL(page.url).host }, "page fetched into a source form");
    return { values: filled.values, status: fetchedStatus(url, page.url, filled, page.source.text.length) };
  } catch (error) {
    if (!(error instanceof FetchRefusal)) throw error;
    await logRefusal(actor, "invalid", error.message, ["url"]);
    return { fieldErrors: { url: [error.message] }, values };
  }
}

function fetchedStatus(asked: string, final: string, filled: { filled: string[]; kept: string[] }, textLength: number): string {
  const parts = [`Fetched ${final}.`];
  if (final !== asked) parts.push("The address was redirected; the field now holds the final one.");
  parts.push(filled.filled.length ? `Filled ${list(filled.filled)} from the page.` : "The page gave nothing to fill in.");
  if (filled.kept.length) parts.push(`Kept what you had typed in ${list(filled.kept)}.`);
  if (textLength === 0) parts.push("No article text was found: paste the text yourself, or save it as a link-only source.");
  if (textLength > LIMITS.sourceText) {
    parts.push(`The article's text is longer than a source's text may be (${LIMITS.sourceText.toLocaleString("en")} characters): keep the passages you quote from.`);
  }
  parts.push("Check every field, then press Add source; nothing is saved until then.");
  return parts.join(" ");
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
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
