// How far apart the parties are on one issue, from each party's current stance.
// Pure rules, no I/O. Why these rules: docs/decisions/005-gap-rule.md.

import { SCALE_AGREE, STANCE_POSITION } from "@/lib/change";
import { PARTY_ROLES, STANCES, type Firmness, type PartyRole, type Stance } from "@/lib/vocabulary";

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
  /**
   * The side the party belongs to (docs/decisions/027-sides.md). Parties of one side are allies:
   * they count as one voice, never oppose each other, and a side whose members hold different
   * stances is reported as divided. No side: the party is a side of its own.
   */
  side?: { id: number; name: string } | null;
}

/** A mediator's or observer's live position: never decides the status, but is listed beside the gap. */
export interface GapBystander {
  partyId: number;
  role: PartyRole;
  stance: Stance;
}

export interface GapResult {
  status: GapStatus;
  /** Higher = harder to close. Every opposed issue scores above every open one, every open one above every compatible one. */
  score: number;
  /** A short sentence explaining the status. */
  reason: string;
  /** Names of sides whose principal members hold different stances, sorted. */
  divided: string[];
  /** Mediators' and observers' positions (withdrawals included), sorted by party id. */
  bystanders: GapBystander[];
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

/** Stances that mean the same thing for a side: supporting and accepting are one agreement. */
function stanceClass(stance: Exclude<Stance, "withdraws">): string {
  return STANCE_POSITION[stance] === SCALE_AGREE ? "agree" : stance;
}

/**
 * Groups positions into voices: parties of one side, and parties of one joint statement, are one
 * voice (transitively: a joint statement with a party of a side joins that side's voice).
 * Returns each position's voice key, independent of input order.
 */
function voices(positions: GapPosition[]): string[] {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(k, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // The smaller key becomes the root so that the result never depends on input order.
    if (ra < rb) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  for (const p of positions) {
    const own = `party:${p.partyId}`;
    find(own);
    if (p.side) union(own, `side:${p.side.id}`);
    if (p.voice !== undefined) union(own, `voice:${p.voice}`);
  }
  return positions.map((p) => find(`party:${p.partyId}`));
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
  const bystanders = present
    .filter((p) => (p.role ?? "party") !== "party")
    .map((p) => ({ partyId: p.partyId, role: p.role!, stance: p.stance }))
    .sort(
      (a, b) =>
        a.partyId - b.partyId || PARTY_ROLES.indexOf(a.role) - PARTY_ROLES.indexOf(b.role) || STANCES.indexOf(a.stance) - STANCES.indexOf(b.stance),
    );

  const voiceOf = voices(principals);
  const live: Live[] = [];
  principals.forEach((p, i) => {
    const position = STANCE_POSITION[p.stance];
    if (p.stance === "withdraws" || position === null) return;
    live.push({ partyId: p.partyId, voice: voiceOf[i]!, stance: p.stance, firmness: p.firmness, position });
  });
  const parties = new Set(live.map((p) => p.voice));

  // A side is divided when its members' live stances differ (supports and accepts are one agreement).
  const sideStances = new Map<number, { name: string; stances: Set<string> }>();
  for (const p of principals) {
    if (!p.side || p.stance === "withdraws") continue;
    const side = sideStances.get(p.side.id) ?? { name: p.side.name, stances: new Set<string>() };
    side.stances.add(stanceClass(p.stance));
    sideStances.set(p.side.id, side);
  }
  const divided = [...sideStances.values()].filter((s) => s.stances.size > 1).map((s) => s.name).sort();
  const dividedNote = divided.length === 0 ? "" : `; ${divided.join(", ")} ${divided.length === 1 ? "divided" : "each divided"}`;
  const result = (status: GapStatus, reason: string): GapResult => ({
    status,
    score: BAND[status] + pressure(live),
    reason: reason + dividedNote,
    divided,
    bystanders,
  });
  const who = principals.some((p) => p.side) ? "side" : "party";

  if (parties.size < 2) {
    if (present.length === 0) return result("open", "No party has stated a position");
    if (principals.length === 0) return result("open", "Only mediators or observers have stated a position");
    if (live.length === 0) return result("open", "Every party has withdrawn its position");
    if (principals.some((p) => p.stance === "withdraws")) {
      return result("open", `Only one ${who} still holds a position` + redLineNote(live));
    }
    return result("open", `Only one ${who} has stated a position` + redLineNote(live));
  }

  // Opposed: a rejection facing another party, or demands on two sides.
  const rejecters = live.filter((p) => p.stance === "rejects");
  const demanders = live.filter((p) => p.stance === "demands");
  const othersOf = (p: Live) => live.filter((q) => q.voice !== p.voice);
  const note = redLineNote(live);

  if (rejecters.some((r) => othersOf(r).some((q) => q.stance === "demands"))) {
    return result("opposed", "Demands meet a rejection" + note);
  }
  if (rejecters.some((r) => othersOf(r).some((q) => q.stance === "rejects"))) {
    return result("opposed", "Rejections on both sides" + note);
  }
  for (const r of rejecters) {
    // The other party's most yielding stance names the clash ("Acceptance meets a rejection").
    // Ties (supports/accepts) are broken by vocabulary order so the reason never depends on input order.
    const other = othersOf(r).sort((a, b) => b.position - a.position || STANCES.indexOf(b.stance) - STANCES.indexOf(a.stance))[0];
    if (other !== undefined) return result("opposed", `${NOUN[other.stance]} meets a rejection` + note);
  }
  if (new Set(demanders.map((p) => p.voice)).size >= 2) {
    return result("opposed", "Demands on both sides" + note);
  }

  // Compatible: everyone at the yielding end, except at most one proposer.
  const proposers = live.filter((p) => p.stance === "proposes");
  const yielding = live.filter((p) => p.position > STANCE_POSITION.proposes);
  // Proposers are counted by voice: a side (or a joint statement) proposing is one proposal.
  const proposingVoices = new Set(proposers.map((p) => p.voice)).size;
  if (proposers.length + yielding.length === live.length && proposingVoices <= 1) {
    if (proposingVoices === 1) return result("compatible", "One party proposes and the others go along");
    if (live.every((p) => p.position === SCALE_AGREE)) return result("compatible", "All parties agree");
    return result("compatible", "All parties agree or concede");
  }

  if (demanders.length > 0) return result("open", "A demand is on the table, not yet met" + note);
  if (live.some((p) => p.stance === "conditions")) return result("open", "Conditions are still to be met" + note);
  // What is left: two or more proposals and nobody rejecting, demanding or conditioning.
  return result("open", "Competing proposals" + note);
}

/**
 * Sort comparator: most opposed (hardest to close) first. Ties keep their order with a
 * stable sort; pass a tie-breaker (e.g. issue order) in the caller if needed.
 */
export function compareGaps(a: Pick<GapResult, "score">, b: Pick<GapResult, "score">): number {
  return b.score - a.score;
}
