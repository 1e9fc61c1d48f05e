import type { Firmness, PartyRole, Stance } from "@/lib/vocabulary";

/** The demo negotiation as plain data; prisma/seed.ts loads it through the normal write path. */
export interface DemoNegotiation {
  slug: string;
  title: string;
  description: string;
  parties: Array<{
    key: string; // referenced by entries below
    name: string;
    shortName: string;
    aliases: string[];
    role: PartyRole;
    colour: string; // #rrggbb, readable as text on white (contrast >= 4.5:1)
    order: number;
  }>;
  /** Groups of allied parties (docs/decisions/027-sides.md); a party names its side by key. */
  sides?: Array<{ key: string; name: string; colour: string; order: number; parties: string[] }>;
  issues: Array<{ key: string; name: string; description: string; order: number; /** Words reports use for it (Issue.keywords). */ keywords?: string[] }>;
  sources: Array<{
    key: string;
    title: string;
    outlet: string;
    url: string;
    publishedOn: string | null; // YYYY-MM-DD
    language: string;
    text: string | null; // null = link-only; only the seed article carries text
    entries: Array<{
      parties: string[]; // party keys; several = a joint statement
      issue: string; // issue key
      statedOn?: string; // defaults to the source's date
      stance: Stance;
      firmness?: Firmness;
      summary: string; // the analyst's words (ours), never the article's
      quote?: string; // verbatim, only for sources with text
      notes?: string;
    }>;
  }>;
  /** Dated events of the talks (docs/decisions/028), each told by one of the sources above (by key). */
  milestones?: Array<{ day: string; title: string; source?: string; note?: string }>;
}
