// The cue phrases of the rule-based reader (issue 12): English words and phrases by which news
// reports say who takes which stance, and how firmly. They are general (no negotiation's own
// names or issues: those come from the lexicon the analyst keeps on parties and issues). Each
// cue is matched in a sentence's lower-case text; docs/decisions/033-suggested-positions.md.
import type { Firmness, Stance } from "../vocabulary";

export type StanceCue = { stance: Stance; re: RegExp; strength: number };

// A word ending: "reject", "rejects", "rejected", "rejecting".
const V = "(?:s|es|ed|d|ing)?";

function cue(stance: Stance, pattern: string, strength = 0.9): StanceCue {
  return { stance, re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, "gu"), strength };
}

/** Longer, more specific phrases first: overlapping cues keep the first one listed. */
export const STANCE_CUES: StanceCue[] = [
  // rejects
  cue("rejects", `reject${V}|rejection of|refus(?:e|es|ed|ing)|turn(?:s|ed)? down|rul(?:e|es|ed|ing) out|dismiss${V}|spurn${V}|denounc(?:e|es|ed|ing)|condemn${V}|oppos(?:e|es|ed|ing)|opposition to|balk(?:s|ed)? at|(?:is|was|are|were|as|deemed|called|branded) (?:\\w+ )?(?:unacceptable|inadequate|insufficient|a non-starter|a nonstarter)|unacceptable|no to`),
  // withdraws (drops a demand or offer of its own)
  cue("withdraws", `(?:withdr[ae]w|withdrawn|withdrawing|withdraws|dropp?(?:ed|s|ing)?|abandon${V}|walk(?:s|ed)? back|back(?:s|ed)? away from|pull(?:s|ed)? back from) (?:its|their|his|her|the) (?:\\w+ ){0,2}(?:demand|demands|offer|proposal|condition|conditions|insistence|request|objection|objections)`),
  // concedes
  cue("concedes", `conced${V}|concession(?:s)?|softens?|softened|eas(?:e|es|ed) (?:its|their) (?:stance|position|demands?)|relent${V}|back(?:s|ed)? down|gave ground|give ground|compromis(?:e|es|ed) on|climb(?:s|ed)? down`, 0.8),
  // conditions
  cue("conditions", `on (?:the )?condition(?:s)? that|only if|provided that|providing that|as long as|so long as|conditional on|conditioned on|contingent on|condition(?:s|ed)? (?:its|their|any) \\w+ on|unless|in return for`, 0.75),
  // proposes
  cue("proposes", `propos(?:e|es|ed|ing)|proposal|put(?:s|ting)? forward|present${V} (?:a|an|the|its|their) (?:new |revised |updated )?(?:plan|proposal|draft|framework|offer|text)|tabl(?:e|es|ed) (?:a|an|the)|offer${V}|submit(?:s|ted|ting)?|suggest${V}|floated|draft(?:ed)? (?:a|an) (?:plan|text|framework)`, 0.8),
  // accepts
  cue("accepts", `accept${V}|acceptance of|agree(?:s|d|ing)? to|agreed on|approv(?:e|es|ed|ing)|sign(?:s|ed)? off on|signed|endors(?:e|es|ed|ing)|consent(?:s|ed)? to|(?:said|says) yes|green[- ]light(?:s|ed)?|ratif(?:y|ies|ied)`),
  // supports
  cue("supports", `support${V}|back(?:s|ed|ing)? (?!down|away)|welcom(?:e|es|ed|ing)|stand(?:s)? by|stood by|reaffirm(?:s|ed)? (?:its|their|his|her) commitment|(?:is|are|was|were|remains?|remained) committed to|commitment to|in favou?r of|champion${V}|hail(?:s|ed)?`, 0.8),
  // demands
  cue("demands", `demand${V}|insist(?:s|ed|ing)? (?:on|that|upon)|insist(?:s|ed)?|call(?:s|ed|ing)? for|call(?:s|ed)? on|urg(?:e|es|ed|ing)|press(?:es|ed|ing)? for|push(?:es|ed|ing)? for|seek(?:s|ing)?|sought|want(?:s|ed)?|requir(?:e|es|ed|ing)|must|wants|stipulat${V}|will only|cannot accept anything (?:less|short) (?:than|of)|held out for|holds? out for`, 0.85),
];

/** Words before a cue within this many words turn it round: "will not accept" → rejects. */
export const NEGATION_WINDOW = 3;
export const NEGATORS = new Set(["not", "n't", "never", "no", "nor", "neither", "without", "cannot", "can't", "won't", "wouldn't", "didn't", "doesn't", "don't", "refused", "refuses", "declined", "declines"]);
/** "denied agreeing", "denies accepting": not an acceptance; the reader says so. */
export const DENIALS = new Set(["denied", "denies", "deny", "denying", "rejected", "rejects", "dismissed"]);

/** What a negated cue means, or null when the negation leaves no stance to suggest. */
export function negated(stance: Stance): Stance | null {
  switch (stance) {
    case "accepts":
    case "supports":
    case "concedes":
    case "proposes":
      return "rejects";
    case "rejects":
      return null; // "did not reject" is not an acceptance either
    default:
      return null;
  }
}

export type FirmnessCue = { firmness: Firmness; re: RegExp };

export const FIRMNESS_CUES: FirmnessCue[] = [
  { firmness: "red_line", re: /red[- ]lines?|non-?negotiable|not negotiable|under no circumstances|will never|would never|at any cost|not up for (?:discussion|negotiation)|no compromise/u },
  { firmness: "flexible", re: /open to|flexib(?:le|ility)|willing(?:ness)? to (?:consider|discuss|negotiate|show)|ready to (?:consider|discuss|negotiate)|could accept|may accept|might accept|room for|softened|signal(?:led|ed|s)? (?:some )?flexibility/u },
  { firmness: "firm", re: /\binsist(?:s|ed|ing)?\b|adamant|firmly|refus(?:e|es|ed) to budge|vow(?:s|ed)?|will not back down|steadfast|unwavering|categorically|flatly/u },
];

/** Verbs that tell who is speaking ("Hamas said", "said a Hamas official"). */
export const SAY_VERBS = new Set([
  "said", "says", "say", "told", "tells", "stated", "states", "announced", "announces", "added", "adds", "noted", "notes", "stressed", "stresses",
  "argued", "argues", "warned", "warns", "confirmed", "confirms", "declared", "declares", "insisted", "insists", "maintained", "maintains",
  "reiterated", "reiterates", "affirmed", "affirms", "reaffirmed", "reaffirms", "explained", "wrote", "posted", "claimed", "claims", "asserted",
  "emphasised", "emphasized", "underlined", "underscored", "highlighted", "signalled", "signaled", "indicated", "replied", "responded",
]);

/** Nouns for a party's people and bodies: "Hamas officials", "a member of Hamas", "Israel's cabinet". */
export const SPEAKER_NOUNS = new Set([
  "official", "officials", "leader", "leaders", "leadership", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "delegation", "delegations",
  "negotiator", "negotiators", "government", "cabinet", "minister", "ministers", "ministry", "prime", "president", "presidency", "source", "sources",
  "envoy", "envoys", "team", "teams", "side", "authorities", "statement", "bureau", "chief", "head", "representative", "representatives", "diplomat",
  "diplomats", "member", "members", "office", "administration", "council", "politburo", "movement", "group", "aide", "aides", "figure", "figures",
  "commander", "commanders", "army", "military", "spokesmen", "foreign", "security", "intelligence", "mediators", "officer", "officers", "secretary",
  "adviser", "advisers", "advisor", "advisors", "counterparts", "counterpart", "side's", "wing", "political",
]);

/** Words standing for the last party named ("the group said", "the movement rejected"). */
export const COREFERENCES = /^(?:the (?:group|movement|militant group|militants|islamist group|islamist movement|organisation|organization|faction|delegation|government|cabinet|country|side|kingdom|emirate|administration)|it|they|he|she|its leaders|its officials|officials|the officials|a spokesman|a spokeswoman|a spokesperson|a senior official|a source|sources)$/u;

/** Words after which a party named is what the stance is about, not who holds it. */
export const OBJECT_PREPOSITIONS = new Set([
  "on", "of", "from", "with", "to", "against", "for", "between", "into", "toward", "towards", "over", "about", "at", "in", "upon", "under", "than",
  "across", "within", "inside", "around", "onto", "through", "via", "like", "including", "by",
]);
