// Loads the demo negotiation on first start, through the same write path as the forms (so it
// gets revisions like any other data). Safe to run again: an existing demo is left alone.
// Run with `npm run db:seed` (tsx with the react-server condition, so server modules load).
import { getDb } from "@/server/db";
import { createNegotiation } from "@/server/mutations/negotiations";
import { createInNegotiation } from "@/server/mutations/scoped";
import { createEntry } from "@/server/mutations/entries";
import { createMilestone } from "@/server/mutations/milestones";
import { entrySchema, issueSchema, milestoneSchema, partySchema, sideSchema, sourceSchema } from "@/lib/schemas";
import { gaza2024 } from "./demo/gaza-2024";
import type { DemoNegotiation } from "./demo/types";

const ACTOR = "seed";

export async function loadDemo(demo: DemoNegotiation): Promise<"loaded" | "present"> {
  const db = await getDb();
  if (await db.negotiation.findUnique({ where: { slug: demo.slug }, select: { id: true } })) return "present";

  // Every record passes the same schemas as the forms: the demo cannot hold what a user couldn't.
  const { id: negotiationId } = await createNegotiation({ title: demo.title, slug: demo.slug, description: demo.description }, ACTOR);
  const sideOf = new Map<string, number>();
  for (const s of demo.sides ?? []) {
    const input = sideSchema.parse({ name: s.name, colour: s.colour });
    const { id } = await createInNegotiation("side", negotiationId, { ...input, order: s.order }, ACTOR);
    for (const party of s.parties) sideOf.set(party, id);
  }
  const partyIds = new Map<string, number>();
  for (const p of demo.parties) {
    const side = sideOf.get(p.key);
    const input = partySchema.parse({ ...p, aliases: p.aliases.join("\n"), order: String(p.order), ...(side ? { sideId: String(side) } : {}) });
    partyIds.set(p.key, (await createInNegotiation("party", negotiationId, input, ACTOR)).id);
  }
  const issueIds = new Map<string, number>();
  for (const i of demo.issues) {
    const input = issueSchema.parse({ ...i, keywords: (i.keywords ?? []).join("\n"), order: String(i.order) });
    issueIds.set(i.key, (await createInNegotiation("issue", negotiationId, input, ACTOR)).id);
  }
  const sourceIds = new Map<string, number>();
  for (const s of demo.sources) {
    const input = sourceSchema.parse({ ...s, publishedOn: s.publishedOn ?? "", text: s.text ?? "" });
    const { id: sourceId } = await createInNegotiation("source", negotiationId, input, ACTOR);
    sourceIds.set(s.key, sourceId);
    for (const e of s.entries) {
      const input = entrySchema.parse({
        partyIds: e.parties.map((k) => String(partyIds.get(k))),
        issueId: String(issueIds.get(e.issue)),
        sourceId: String(sourceId),
        statedOn: e.statedOn ?? "",
        stance: e.stance,
        firmness: e.firmness ?? "",
        summary: e.summary,
        quote: e.quote ?? "",
        notes: e.notes ?? "",
      });
      await createEntry(negotiationId, input, ACTOR);
    }
  }
  for (const m of demo.milestones ?? []) {
    const input = milestoneSchema.parse({ day: m.day, title: m.title, sourceId: m.source ? String(sourceIds.get(m.source)) : "", note: m.note ?? "" });
    await createMilestone(negotiationId, input, ACTOR);
  }
  return "loaded";
}

async function main() {
  const started = Date.now();
  const result = await loadDemo(gaza2024);
  const db = await getDb();
  const entries = await db.positionEntry.count();
  console.log(
    result === "loaded"
      ? `Demo negotiation "${gaza2024.title}" loaded (${entries} position entries) in ${Date.now() - started} ms.`
      : `Demo negotiation already present; nothing loaded.`,
  );
  await db.$disconnect();
}

if (process.argv[1] && /seed\.ts$/.test(process.argv[1])) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
