import "server-only";
import type { z } from "zod";
import { formDataToValues, isRecordId, parseVersion, type FormState, type FormValues } from "@/lib/form";
import { fieldErrorsOf } from "@/lib/schemas";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { getNegotiation } from "../queries/negotiations";
import { requireRole } from "../session";
import { NEEDED } from "@/lib/roles";
import { headers } from "next/headers";
import { logRefusedWrite, requestTarget, type RefusalReason } from "../log";

// The one path every form action takes: FormData -> values -> schema -> write. Anything the
// user can fix comes back as a FormState with their values; nothing is saved in that case
// (writes run in a transaction that the thrown error rolls back).

export type Actor = string;

export type ActionOutcome = { ok: true; redirectTo: string } | { ok: false; state: FormState };

export async function runFormAction<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  write: (input: z.output<S>, actor: Actor, submissionId: string | null) => Promise<string>,
  options: { arrayFields?: readonly string[]; labels?: Record<string, string> } = {},
): Promise<ActionOutcome> {
  const values = formDataToValues(formData, options.arrayFields);
  let actor: Actor;
  try {
    // Who may write is decided before anything about the input is looked at.
    actor = await currentActor();
  } catch (error) {
    return { ok: false, state: stateForError(error, values) };
  }
  if (!(formData instanceof FormData)) {
    // Only a client that bypasses the page sends anything else (a string, nested JSON).
    await logRefusal(actor, "not-a-form", NOT_A_FORM);
    return { ok: false, state: { formError: NOT_A_FORM, values } };
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    await logRefusal(actor, "invalid", undefined, Object.keys(fieldErrors));
    return { ok: false, state: { fieldErrors, values } };
  }
  try {
    return { ok: true, redirectTo: await write(parsed.data, actor, submissionIdOf(values)) };
  } catch (error) {
    const state = stateForError(error, values, options.labels);
    await logRefusal(actor, reasonOf(error), state.formError, state.fieldErrors ? Object.keys(state.fieldErrors) : undefined);
    return { ok: false, state };
  }
}

export const NOT_A_FORM = "This request did not send a form, so nothing was saved. Reload the page and try again.";

function reasonOf(error: unknown): RefusalReason {
  if (error instanceof ConflictError) return "conflict";
  if (error instanceof NotFoundError) return "not-found";
  if (error instanceof ForbiddenError) return "role";
  return "invalid";
}

/**
 * The log line of a write refused after the sender was identified (refusals for who is
 * sending are logged by requireRole). Field names only, never values.
 */
export async function logRefusal(who: Actor, why: RefusalReason, message?: string, fields?: string[]): Promise<void> {
  const what = requestTarget(await headers());
  logRefusedWrite({ who, what, why, ...(message ? { message } : {}), ...(fields?.length ? { fields } : {}) });
}

export function stateForError(error: unknown, values: FormValues, labels: Record<string, string> = {}): FormState {
  if (error instanceof ValidationError) {
    const { _form, ...fieldErrors } = error.fieldErrors;
    return { fieldErrors, formError: _form?.join(" "), values };
  }
  if (error instanceof ConflictError) {
    return {
      formError:
        "Someone else saved this record while you were editing it. Your text is still below; compare it with the current version, then save again to replace it.",
      values: { ...values, version: String(error.current.version) },
      conflict: { version: error.current.version, changes: differences(values, error.current, labels) },
    };
  }
  if (error instanceof NotFoundError) {
    return { formError: "This record no longer exists (it may have been deleted). Nothing was saved.", values };
  }
  if (error instanceof ForbiddenError) return { formError: error.message, values };
  throw error;
}

/** The fields where the submitted form and the record as it is now differ. */
function differences(values: FormValues, current: Record<string, unknown>, labels: Record<string, string>) {
  const changes: Array<{ field: string; label: string; yours: string; current: string }> = [];
  for (const [field, label] of Object.entries(labels)) {
    const yours = String(values[field] ?? "").trim();
    const raw = current[field];
    const now = raw === null || raw === undefined ? "" : Array.isArray(raw) ? raw.join(", ") : String(raw);
    if (Array.isArray(values[field]) ? (values[field] as string[]).join(", ") !== now : yours !== now) {
      changes.push({ field, label, yours: Array.isArray(values[field]) ? (values[field] as string[]).join(", ") : yours, current: now });
    }
  }
  return changes;
}

/** Who is writing: a same-origin editor or admin, or a ForbiddenError. */
export async function currentActor(): Promise<Actor> {
  return requireRole(NEEDED.write);
}

// A slug or id bound into a form's action (`action.bind(null, slug, id)`) travels to the browser
// and back like any field, so the sender controls its type: an array, an object (a Prisma filter
// such as { contains: "" }) or undefined (no filter at all) must never reach a query.

/** The negotiation a scoped action writes into, or a NotFoundError. */
export async function requireNegotiation(slug: unknown) {
  const negotiation = typeof slug === "string" ? await getNegotiation(slug) : null;
  if (!negotiation) throw new NotFoundError("Negotiation");
  return negotiation;
}

/** A record id bound into an action: a positive 32-bit integer, or a NotFoundError. */
export function requireId(id: unknown): number {
  if (isRecordId(id)) return id;
  throw new NotFoundError("Record");
}

/** A version sent by a delete form: anything but a positive integer is refused as stale. */
export function versionOf(formData: FormData): number {
  const raw = formData instanceof FormData ? formData.get("version") : null;
  return parseVersion(raw);
}

/** The random token a create form carries (see createRecord); anything else is ignored. */
export function submissionIdOf(values: FormValues): string | null {
  const raw = values.submissionId;
  return typeof raw === "string" && /^[0-9a-f-]{36}$/.test(raw) ? raw : null;
}
