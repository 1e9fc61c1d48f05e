import "server-only";
import { revalidatePath } from "next/cache";
import { problemText } from "@/lib/exchange/csv";
import { encodeEvent, progressStep, readImportFile, type ImportEvent, type ImportFileKind, type ImportSummary } from "@/lib/exchange/import-events";
import { ForbiddenError, NotFoundError } from "../errors";
import { logRequestError } from "../log";
import { currentActor, logRefusal, NOT_A_FORM } from "../actions/run";
import type { ImportResult } from "./import";

// The browser's imports (docs/decisions/020-import-progress.md): a route handler, not a server
// action, because an action answers once and a large import should show its progress. The
// checks are the actions' own, in the same order: who sends it and from where (currentActor:
// same origin, editor or admin; proxy.ts has already refused a body over 1 MiB), the target,
// the file. Then the import runs as before, one all-or-nothing transaction, while the response
// streams one JSON line per step (lib/exchange/import-events.ts) and ends with the result.

export interface ImportRoute {
  kind: ImportFileKind;
  /** Checks the target exists before the file is read; throws NotFoundError (a 404) when not. */
  target?: () => Promise<unknown>;
  /** Other fields of the form, checked before anything is written: their messages by field name. */
  fields?: (form: FormData) => Record<string, string[]>;
  run: (
    text: string,
    form: FormData,
    actor: string,
    progress: { onProgress: (done: number, total: number) => void; progressEvery: (total: number) => number },
  ) => Promise<ImportResult>;
}

const HEADERS = {
  "content-type": "application/x-ndjson; charset=utf-8",
  // no-transform: Next's response compression would hold the small lines back until the end.
  "cache-control": "private, no-store, no-transform",
  "x-content-type-options": "nosniff",
};

function answer(status: number, event: ImportEvent): Response {
  return new Response(encodeEvent(event), { status, headers: HEADERS });
}

export function summaryOf(result: ImportResult, seconds: number): ImportSummary {
  return {
    ok: result.ok,
    dryRun: result.dryRun,
    problems: result.problems.map(problemText),
    extraColumns: result.extraColumns,
    created: { ...result.created },
    slug: result.slug,
    seconds: Math.round(seconds * 10) / 10,
  };
}

export async function importResponse(request: Request, route: ImportRoute): Promise<Response> {
  let actor: string;
  try {
    actor = await currentActor(); // logs its own refusals
    await route.target?.();
  } catch (error) {
    if (error instanceof ForbiddenError) return answer(403, { type: "refused", formError: error.message });
    if (error instanceof NotFoundError) return answer(404, { type: "refused", formError: "No negotiation has this address (it may have been deleted). Nothing was saved." });
    throw error;
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    await logRefusal(actor, "not-a-form", NOT_A_FORM);
    return answer(400, { type: "refused", formError: NOT_A_FORM });
  }
  const file = await readImportFile(form.get("file"), route.kind);
  const fieldErrors = { ...("error" in file ? { file: [file.error] } : {}), ...route.fields?.(form) };
  if (Object.keys(fieldErrors).length > 0 || !("text" in file)) {
    await logRefusal(actor, "invalid", undefined, Object.keys(fieldErrors));
    return answer(400, { type: "refused", fieldErrors });
  }

  const encoder = new TextEncoder();
  const started = performance.now();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (event: ImportEvent) => {
        // A reader who leaves the page closes the stream; the import still finishes (or rolls back).
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(encodeEvent(event)));
        } catch {
          open = false;
        }
      };
      const work = async () => {
        try {
          const result = await route.run(file.text, form, actor, {
            onProgress: (done, total) => send({ type: "progress", done, total }),
            progressEvery: progressStep,
          });
          if (!result.ok) await logRefusal(actor, "invalid", `${result.problems.length} problems in the imported file`, ["file"]);
          if (result.ok && !result.dryRun) {
            try {
              revalidatePath(`/negotiations/${result.slug}`, "layout");
              revalidatePath("/");
            } catch {
              // pages that show negotiations are rendered per request anyway
            }
          }
          send({ type: "result", result: summaryOf(result, (performance.now() - started) / 1000) });
        } catch (error) {
          logRequestError(error, { path: new URL(request.url).pathname, method: request.method }, { routeType: "route" });
          send({ type: "refused", formError: "The import stopped on an unexpected error; nothing was saved. Try again, or use npm run import." });
        } finally {
          if (open) controller.close();
        }
      };
      void work();
    },
  });
  return new Response(stream, { status: 200, headers: HEADERS });
}
