import "server-only";
import { listIssues, listParties } from "@/server/queries/parties-and-issues";
import { listSources } from "@/server/queries/sources";
import { sourceOptionLabel } from "@/lib/source-label";

/** The parties and issues an entry form (single or batch) offers: this negotiation's live ones. */
export async function partyAndIssueOptions(negotiationId: number) {
  const [parties, issues] = await Promise.all([listParties(negotiationId), listIssues(negotiationId)]);
  return {
    parties: parties.map((p) => ({ value: String(p.id), label: p.name })),
    issues: issues.map((i) => ({ value: String(i.id), label: i.name })),
  };
}

/** The choices an entry form offers: this negotiation's live parties, issues and sources. */
export async function entryFormOptions(negotiationId: number) {
  const [options, sources] = await Promise.all([partyAndIssueOptions(negotiationId), listSources(negotiationId)]);
  return {
    ...options,
    sources: sources.map((s) => ({
      value: String(s.id),
      label: `${sourceOptionLabel(s)}${s.hasText ? "" : " (link only)"}`,
    })),
  };
}
