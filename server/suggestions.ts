import "server-only";
// Suggested positions for a source's text (issue 12; docs/decisions/033 and 035): the negotiation's
// lexicon (its live parties with their other names, its live issues with the words reports use)
// and the readers run over the source's text. The rules path is the workbench's; the model path
// (suggestWithModel, modelConfigured) is added beside it in its own block.
import { lines, type Lexicon, type Suggestion, type SuggestionEngine } from "@/lib/suggest/types";
import { suggestPositions } from "@/lib/suggest/rules";
import { isRecordId } from "@/lib/form";
import { NEEDED } from "@/lib/roles";
import { requireReader, requireReaderWithRole } from "./session";
import { listIssues, listParties } from "./queries/parties-and-issues";
import { listSides } from "./queries/sides";
import { getSource } from "./queries/sources";

export type SuggestResult = { ok: true; engine: SuggestionEngine; suggestions: Suggestion[]; notice?: string } | { ok: false; message: string };

/**
 * The negotiation's own lists as the readers see them: live parties with their other names, live
 * issues with the words reports use (one per line, split), and live sides with their parties.
 */
export async function getLexicon(negotiationId: number): Promise<Lexicon> {
  await requireReader();
  const [parties, issues, sides] = await Promise.all([listParties(negotiationId), listIssues(negotiationId), listSides(negotiationId)]);
  return {
    parties: parties.map((p) => ({ id: p.id, name: p.name, shortName: p.shortName, aliases: lines(p.aliases) })),
    issues: issues.map((i) => ({ id: i.id, name: i.name, description: i.description, keywords: lines(i.keywords) })),
    sides: sides.map((s) => ({ name: s.name, partyIds: parties.filter((p) => p.sideId === s.id).map((p) => p.id) })),
  };
}

const NO_SOURCE = "This source is not in this negotiation, or is in the trash.";
const NO_TEXT = "This source has no text to read: add the article's text to the source first.";

/**
 * Suggestions for one source's text, for an editor (the batch page; nothing is saved here). An
 * unknown or trashed source, or one without text, is `ok: false` with a message.
 */
export async function suggestForSource(negotiationId: number, sourceId: number, engine: "rules" | "model"): Promise<SuggestResult> {
  await requireReaderWithRole(NEEDED.write);
  if (!isRecordId(negotiationId) || !isRecordId(sourceId)) return { ok: false, message: NO_SOURCE };
  const source = await getSource(negotiationId, sourceId);
  if (!source) return { ok: false, message: NO_SOURCE };
  if (!source.text || !source.text.trim()) return { ok: false, message: NO_TEXT };
  const lexicon = await getLexicon(negotiationId);
  // The model path (issue 12 item 3) goes here: engine === "model" → suggestWithModel(...), falling back to the rules with a notice.
  void engine;
  return { ok: true, engine: "rules", suggestions: suggestPositions(source.text, lexicon) };
}
