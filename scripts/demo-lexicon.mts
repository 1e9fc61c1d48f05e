// The demo negotiation's lexicon (prisma/demo/gaza-2024.ts: parties with their aliases, issues
// with their keywords, sides), ids given in order: what eval:suggest and the tuning aid read with.
import { gaza2024 } from "../prisma/demo/gaza-2024";
import { lexiconOf } from "../lib/suggest/evaluate";

const partyName = (key: string) => gaza2024.parties.find((p) => p.key === key)!.name;

export const demoLexicon = lexiconOf({
  parties: gaza2024.parties,
  issues: gaza2024.issues,
  sides: (gaza2024.sides ?? []).map((s) => ({ name: s.name, parties: s.parties.map(partyName) })),
});
