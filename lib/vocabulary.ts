// The fixed vocabularies of Parley. Why these words and not others:
// docs/decisions/002-stance-vocabulary.md.

/**
 * What a party says about an issue. The order here is for forms and legends; the scale the
 * change and gap rules use (hard -> agreeing) is STANCE_POSITION in lib/change.ts.
 */
export const STANCES = [
  "demands",
  "rejects",
  "conditions",
  "proposes",
  "supports",
  "accepts",
  "concedes",
  "withdraws",
] as const;
export type Stance = (typeof STANCES)[number];

export const STANCE_LABELS: Record<Stance, string> = {
  demands: "Demands",
  rejects: "Rejects",
  conditions: "Accepts with conditions",
  proposes: "Proposes",
  supports: "Supports",
  accepts: "Accepts",
  concedes: "Concedes",
  withdraws: "Withdraws",
};

export const STANCE_HINTS: Record<Stance, string> = {
  demands: "Insists that something must happen or be granted.",
  rejects: "Refuses a proposal, demand or condition.",
  conditions: "Would accept only if a stated condition is met.",
  proposes: "Puts forward a plan or wording for others to take up.",
  supports: "Backs a position or proposal made by someone else.",
  accepts: "Agrees to a proposal or demand as it stands.",
  concedes: "Gives ground it previously held.",
  withdraws: "Drops a demand or point it made before.",
};

export const FIRMNESS = ["red_line", "firm", "flexible"] as const;
export type Firmness = (typeof FIRMNESS)[number];
export const FIRMNESS_LABELS: Record<Firmness, string> = {
  red_line: "Red line",
  firm: "Firm",
  flexible: "Flexible",
};

export const PARTY_ROLES = ["party", "mediator", "observer"] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const PARTY_ROLE_LABELS: Record<PartyRole, string> = {
  party: "Party",
  mediator: "Mediator",
  observer: "Observer",
};

export function isStance(value: string): value is Stance {
  return (STANCES as readonly string[]).includes(value);
}
export function isFirmness(value: string): value is Firmness {
  return (FIRMNESS as readonly string[]).includes(value);
}
