"use server";

import { revalidatePath } from "next/cache";
import { problemText } from "@/lib/exchange/csv";
import { FILE_TOO_LARGE, MAX_IMPORT_FILE_BYTES } from "@/lib/exchange/limits";
import { importEntriesCsv } from "../exchange/import";
import { currentActor, logRefusal, requireNegotiation, stateForError } from "./run";

/** What the import page shows after a check or an import. */
export interface ImportState {
  formError?: string;
  fieldErrors?: { file?: string[] };
  result?: {
    ok: boolean;
    dryRun: boolean;
    problems: string[];
    extraColumns: string[];
    created: { parties: string[]; issues: string[]; sources: number; entries: number };
  };
}

/**
 * Imports entries from an uploaded CSV into this negotiation (server/exchange/import.ts): all or
 * nothing, a dry run when asked. The role is checked here, before the file is read.
 */
export async function importEntriesAction(slug: string, _prev: ImportState, formData: FormData): Promise<ImportState> {
  let actor: string;
  let negotiation: { id: number; slug: string };
  try {
    actor = await currentActor();
    negotiation = await requireNegotiation(slug);
  } catch (error) {
    return { formError: stateForError(error, {}).formError };
  }
  const file = formData instanceof FormData ? formData.get("file") : null;
  if (!(file instanceof File) || file.size === 0) {
    await logRefusal(actor, "invalid", undefined, ["file"]);
    return { fieldErrors: { file: ["Choose a CSV file with a header row and at least one entry."] } };
  }
  if (file.size > MAX_IMPORT_FILE_BYTES) return { fieldErrors: { file: [FILE_TOO_LARGE] } };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { fieldErrors: { file: ["The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8” and choose it again."] } };
  }
  const dryRun = formData.get("dryRun") === "on";
  const result = await importEntriesCsv(text, {
    slug: negotiation.slug,
    dryRun,
    createMissing: formData.get("createMissing") === "on",
    actor,
  });
  if (!result.ok) await logRefusal(actor, "invalid", `${result.problems.length} problems in the imported file`, ["file"]);
  if (result.ok && !dryRun) revalidatePath(`/negotiations/${slug}`, "layout");
  return {
    result: {
      ok: result.ok,
      dryRun,
      problems: result.problems.map(problemText),
      extraColumns: result.extraColumns,
      created: { parties: result.created.parties, issues: result.created.issues, sources: result.created.sources, entries: result.created.entries },
    },
  };
}
