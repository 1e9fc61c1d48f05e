// How far apart the parties are on one issue, from each party's current stance.
// Pure rules, no I/O. Why these rules: docs/decisions/005-gap-rule.md.

import { SCALE_AGREE, STANCE_POSITION } from "@/lib/change";
import { STANCES, type Firmness, type PartyRole, type Stance } from "@/lib/vocabulary";

export const GAP_STATUSES = ["opposed", "open", "compatible"] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];

export const GAP_LABELS: Record<GapStatus, string> = {
  opposed: "Opposed",
  open: "Open",
  compatible: "Compatible",
};

export interface GapPosition {
  partyId: number;
  stance: Stance;
  firmness: Firmness | null;
  /** Defaults to "party". Only principal parties decide the status and the score. */
  role?: PartyRole;
  /**
   * Who is speaking: parties whose positions come from one joint statement share a voice and
   * count as one side (Hamas and Islamic Jihad demanding together do not oppose each other).
   * Defaults to the party itself.
   */
  voice?: string | number;
}

export interface GapResult {
  status: GapStatus;
  /** Higher = harder to close. Every opposed issue scores above every open one, every open one above every compatible one. */
  score: number;
  /** A short sentence explaining the status. */
  reason: string;
}

/** Score bands, so that sorting by score alone also sorts by status. */
const BAND: Record<GapStatus, number> = { opposed: 200, open: 100, compatible: 0 };
/** Cap on the within-band part of the score, so bands never overlap. */
const BAND_MAX = 99;

/** How much a stance's firmness multiplies its weight. Not stated counts as firm. */
export const FIRMNESS_WEIGHT: Record<Firmness | "unstated", number> = {
  red_line: 3,
  firm: 2,
  unstated: 2,
  flexible: 1,
};

type Live = { partyId: number; voice: string; stance: Exclude<Stance, "withdraws">; firmness: Firmness | null; position: number };

const NOUN: Record<Exclude<Stance, "withdraws">, string> = {
  demands: "A demand",
  rejects: "A rejection",
  conditions: "Conditional acceptance",
  proposes: "A proposal",
  concedes: "A concession",
  supports: "Support",
  accepts: "Acceptance",
};

function pressure(live: Live[]): number {
  let sum = 0;
  for (const p of live) sum += (SCALE_AGREE - p.position) * FIRMNESS_WEIGHT[p.firmness ?? "unstated"];
  return Math.min(sum, BAND_MAX);
}

function redLineNote(live: Live[]): string {
  const n = live.filter((p) => p.firmness === "red_line").length;
  if (n === 0) return "";
  return n === 1 ? ", with a red line" : `, with ${n} red lines`;
}

function result(status: GapStatus, live: Live[], reason: string): GapResult {
  return { status, score: BAND[status] + pressure(live), reason };
}

/**
 * Decides the gap on one issue. Pass each party's current position (omit parties without
 * one, or pass null). Rules:
 *  - Only role "party" counts; mediators and observers never make an issue opposed or
 *    compatible. A `withdraws` stance is no live position.
 *  - Fewer than two voices with a live position → open (a joint statement is one voice).
 *  - opposed: some party rejects while another party holds any live position, or two
 *    parties both demand.
 *  - compatible: every party supports, accepts or concedes, except that at most one may
 *    propose (one proposes, the others go along).
 *  - otherwise open (demands or conditions not yet met, competing proposals).
 */
export function gapForIssue(positions: Array<GapPosition | null>): GapResult {
  const present = positions.filter((p): p is GapPosition => p !== null);
  const principals = present.filter((p) => (p.role ?? "party") === "party");

  const live: Live[] = [];
  for (const p of principals) {
    const position = STANCE_POSITION[p.stance];
    if (p.stance === "withdraws" || position === null) continue;
    live.push({ partyId: p.partyId, voice: p.voice === undefined ? `party:${p.partyId}` : `voice:${p.voice}`, stance: p.stance, firmness: p.firmness, position });
  }
  const parties = new Set(live.map((p) => p.voice));

  if (parties.size < 2) {
    if (present.length === 0) return result("open", live, "No party has stated a position");
    if (principals.length === 0) return result("open", live, "Only mediators or observers have stated a position");
    if (live.length === 0) return result("open", live, "Every party has withdrawn its position");
    if (principals.some((p) => p.stance === "withdraws")) {
      return result("open", live, "Only one party still holds a position" + redLineNote(live));
    }
    return result("open", live, "Only one party has stated a position" + redLineNote(live));
  }

  // Opposed: a rejection facing another party, or demands on two sides.
  const rejecters = live.filter((p) => p.stance === "rejects");
  const demanders = live.filter((p) => p.stance === "demands");
  const othersOf = (p: Live) => live.filter((q) => q.voice !== p.voice);
  const note = redLineNote(live);

  if (rejecters.some((r) => othersOf(r).some((q) => q.stance === "demands"))) {
    return result("opposed", live, "Demands meet a rejection" + note);
  }
  if (rejecters.some((r) => othersOf(r).some((q) => q.stance === "rejects"))) {
    return result("opposed", live, "Rejections on both sides" + note);
  }
  for (const r of rejecters) {
    // The other party's most yielding stance names the clash ("Acceptance meets a rejection").
    // Ties (supports/accepts) are broken by vocabulary order so the reason never depends on input order.
    const other = othersOf(r).sort((a, b) => b.position - a.position || STANCES.indexOf(b.stance) - STANCES.indexOf(a.stance))[0];
    if (other !== undefined) return result("opposed", live, `${NOUN[other.stance]} meets a rejection` + note);
  }
  if (new Set(demanders.map((p) => p.voice)).size >= 2) {
    return result("opposed", live, "Demands on both sides" + note);
  }

  // Compatible: everyone at the yielding end, except at most one proposer.
  const proposers = live.filter((p) => p.stance === "proposes");
  const yielding = live.filter((p) => p.position > STANCE_POSITION.proposes);
  if (proposers.length + yielding.length === live.length && proposers.length <= 1) {
    if (proposers.length === 1) return result("compatible", live, "One party proposes and the others go along");
    if (live.every((p) => p.position === SCALE_AGREE)) return result("compatible", live, "All parties agree");
    return result("compatible", live, "All parties agree or concede");
  }

  if (demanders.length > 0) return result("open", live, "A demand is on the table, not yet met" + note);
  if (live.some((p) => p.stance === "conditions")) return result("open", live, "Conditions are still to be met" + note);
  // What is left: two or more proposals and nobody rejecting, demanding or conditioning.
  return result("open", live, "Competing proposals" + note);
}

/**
 * Sort comparator: most opposed (hardest to close) first. Ties keep their order with a
 * stable sort; pass a tie-breaker (e.g. issue order) in the caller if needed.
 */
export function compareGaps(a: Pick<GapResult, "score">, b: Pick<GapResult, "score">): number {
  return b.score - a.score;
}
