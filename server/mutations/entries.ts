import "server-only";
import type { EntryInput } from "@/lib/schemas";
import { BY_HAND, type Provenance } from "@/lib/suggest/provenance";
import { checkQuote, relocateQuote, storedSpan, type QuoteSpan } from "@/lib/quote";
import type { Prisma } from "../generated/prisma/client";
import { getDb } from "../db";
import { ValidationError } from "../errors";
import { liveEntryWhere } from "../live";
import { changeRecord, createRecord } from "./records";

type Tx = Prisma.TransactionClient;

/**
 * The checks only the database can make: the parties, issue and source belong to this
 * negotiation and are not in the trash; the date defaults to the source's; a quote must occur
 * in the source's text (a link-only source's quote is kept and shown as unverified). Also where
 * the quote sits in the text (lib/quote.ts): an edit keeps the occurrence it pointed at before.
 */
async function resolveEntry(tx: Tx, negotiationId: number, input: EntryInput, previous: QuoteSpan | null = null) {
  const errors: Record<string, string[]> = {};
  // Sequential on purpose: an interactive transaction runs on one connection.
  const parties = await tx.party.findMany({ where: { id: { in: input.partyIds }, negotiationId, deletedAt: null }, select: { id: true } });
  const issue = await tx.issue.findFirst({ where: { id: input.issueId, negotiationId, deletedAt: null }, select: { id: true } });
  const source = await tx.source.findFirst({ where: { id: input.sourceId, negotiationId, deletedAt: null }, select: { publishedOn: true, text: true } });
  if (parties.length !== input.partyIds.length) errors.partyIds = ["Choose parties of this negotiation."];
  if (!issue) errors.issueId = ["Choose an issue of this negotiation."];
  if (!source) errors.sourceId = ["Choose a source of this negotiation."];
  const statedOn = input.statedOn ?? source?.publishedOn ?? null;
  if (source && !statedOn) errors.statedOn = ["This source has no publication date: enter the date the position was stated."];
  if (source && checkQuote(input.quote, source.text).status === "missing") {
    errors.quote = [
      "This quote does not occur in the source's text. Paste it exactly as written (differences in spacing and quote marks are ignored), or leave it empty.",
    ];
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const { partyIds, ...fields } = input;
  const span = relocateQuote(source?.text, input.quote, previous);
  return { partyIds, data: { ...fields, statedOn: statedOn!, quoteStart: span?.start ?? null, quoteEnd: span?.end ?? null } };
}

async function setParties(tx: Tx, entryId: number, partyIds: number[]) {
  await tx.positionEntryParty.deleteMany({ where: { entryId } });
  await tx.positionEntryParty.createMany({ data: partyIds.map((partyId) => ({ entryId, partyId })) });
}

/**
 * `provenance`: which reader suggested the entry and whether the analyst edited it (issue 12;
 * docs/decisions/035); typed by hand by default. Kept on the entry and in its revisions.
 */
export async function createEntry(negotiationId: number, input: EntryInput, actor: string, submissionId: string | null = null, provenance: Provenance = BY_HAND) {
  const db = await getDb();
  return db.$transaction((tx) => createEntryIn(tx, negotiationId, input, actor, submissionId, provenance));
}

/** createEntry inside the caller's transaction (an import writes many entries in one). */
export async function createEntryIn(tx: Tx, negotiationId: number, input: EntryInput, actor: string, submissionId: string | null = null, provenance: Provenance = BY_HAND) {
  const { partyIds, data } = await resolveEntry(tx, negotiationId, input);
  return createRecord(tx, "entry", { ...data, ...provenance, negotiationId }, {
    actor,
    negotiationId,
    submissionId,
    afterCreate: (id) => setParties(tx, id, partyIds),
  });
}

export async function updateEntry(negotiationId: number, id: number, version: number, input: EntryInput, actor: string) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const stored = await tx.positionEntry.findFirst({ where: { id, negotiationId }, select: { quoteStart: true, quoteEnd: true } });
    const { partyIds, data } = await resolveEntry(tx, negotiationId, input, storedSpan(stored));
    // Only a live entry is edited (server/live.ts): one whose party is in the trash would lose
    // that party, since the form offers live parties only.
    return changeRecord(tx, "entry", {
      id,
      version,
      scope: { negotiationId, ...liveEntryWhere },
      data,
      action: "update",
      actor,
      negotiationId,
      afterChange: () => setParties(tx, id, partyIds),
    });
  });
}

export async function trashEntry(negotiationId: number, id: number, version: number, actor: string) {
  const db = await getDb();
  return db.$transaction((tx) =>
    changeRecord(tx, "entry", { id, version, scope: { negotiationId, ...liveEntryWhere }, data: { deletedAt: new Date() }, action: "delete", actor, negotiationId }),
  );
}
