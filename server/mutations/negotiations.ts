import "server-only";
import type { NegotiationInput } from "@/lib/schemas";
import { RESERVED_SLUGS, slugify } from "@/lib/slug";
import type { Prisma } from "../generated/prisma/client";
import { getDb } from "../db";
import { ValidationError } from "../errors";
import { changeRecord, createRecord } from "./records";

type Tx = Prisma.TransactionClient;

/** A slug no other negotiation (live or in the trash) uses: the title's, then -2, -3... */
async function freeSlug(tx: Tx, wanted: string, exceptId?: number): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? wanted : `${wanted.slice(0, 56)}-${n}`;
    if (RESERVED_SLUGS.includes(candidate)) continue;
    const taken = await tx.negotiation.findUnique({ where: { slug: candidate }, select: { id: true } });
    if (!taken || taken.id === exceptId) return candidate;
  }
  throw new ValidationError({ slug: ["Choose another short name: this one is taken."] });
}

export async function createNegotiation(input: NegotiationInput, actor: string, submissionId: string | null = null) {
  const db = await getDb();
  return db.$transaction((tx) => createNegotiationIn(tx, input, actor, submissionId));
}

/** createNegotiation inside the caller's transaction (an import creates it with its records). */
export async function createNegotiationIn(tx: Tx, input: NegotiationInput, actor: string, submissionId: string | null = null) {
  const seen = submissionId ? await tx.submissionToken.findUnique({ where: { token: submissionId } }) : null;
  const slug = seen ? "" : input.slug ? await requireFreeSlug(tx, input.slug) : await freeSlug(tx, slugify(input.title));
  const { id, state } = await createRecord(tx, "negotiation", { title: input.title, description: input.description, slug }, { actor, negotiationId: null, submissionId });
  return { id, slug: state.slug as string };
}

export async function restoreNegotiation(id: number, version: number, actor: string) {
  const db = await getDb();
  return db.$transaction((tx) =>
    changeRecord(tx, "negotiation", { id, version, data: { deletedAt: null }, action: "restore", actor, negotiationId: id }),
  );
}

async function requireFreeSlug(tx: Tx, slug: string, exceptId?: number) {
  const taken = await tx.negotiation.findUnique({ where: { slug }, select: { id: true } });
  if (taken && taken.id !== exceptId) {
    throw new ValidationError({ slug: ["Another negotiation already uses this short name; choose another."] });
  }
  return slug;
}

export async function updateNegotiation(id: number, version: number, input: NegotiationInput, actor: string) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const slug = input.slug ? await requireFreeSlug(tx, input.slug, id) : undefined;
    const data = { title: input.title, description: input.description, ...(slug ? { slug } : {}) };
    const result = await changeRecord(tx, "negotiation", { id, version, data, action: "update", actor, negotiationId: id });
    return { id, slug: result.state.slug as string };
  });
}

export async function deleteNegotiation(id: number, version: number, actor: string) {
  const db = await getDb();
  return db.$transaction((tx) =>
    changeRecord(tx, "negotiation", { id, version, data: { deletedAt: new Date() }, action: "delete", actor, negotiationId: id }),
  );
}
