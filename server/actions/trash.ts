"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/form";
import { NEEDED } from "@/lib/roles";
import { getDb } from "../db";
import { NotFoundError } from "../errors";
import { restoreNegotiation } from "../mutations/negotiations";
import { restoreInNegotiation } from "../mutations/scoped";
import { isEntityType } from "../queries/revisions";
import { requireRole } from "../session";
import { requireId, stateForError, versionOf } from "./run";

/** Takes a record out of the trash, exactly as it was deleted. Editors and admins. */
export async function restoreAction(entityType: string, id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireRole(NEEDED.restore);
    if (!isEntityType(entityType)) throw new NotFoundError("Record");
    const recordId = requireId(id);
    const version = versionOf(formData);
    if (entityType === "negotiation") {
      await restoreNegotiation(recordId, version, actor);
    } else {
      const db = await getDb();
      const model = { party: db.party, side: db.side, issue: db.issue, source: db.source, entry: db.positionEntry, milestone: db.milestone }[entityType] as unknown as {
        findUnique(args: object): Promise<{ negotiationId: number } | null>;
      };
      const record = await model.findUnique({ where: { id: recordId }, select: { negotiationId: true } });
      if (!record) throw new NotFoundError("Record");
      await restoreInNegotiation(entityType, record.negotiationId, recordId, version, actor);
    }
  } catch (error) {
    return stateForError(error, {});
  }
  revalidatePath("/", "layout");
  redirect(`/trash?restored=${entityType}-${id}`);
}
