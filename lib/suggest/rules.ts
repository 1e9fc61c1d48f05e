// The rule-based reader (issue 12; docs/decisions/033-suggested-positions.md). For each sentence
// of a text it finds stance cues ("called for", "rejected", "agreed to", "only if"), who holds
// each stance (the subject before the cue, "X said", "according to X", "was rejected by X", or
// "the group" standing for the last party named), and the issue the words after the cue are
// about (the issue's name, keywords and description, weighted by how rare each word is among
// the negotiation's issues). Every quote is the sentence itself, cut from the text by offsets.
import { COREFERENCES, DENIALS, FIRMNESS_CUES, NEGATION_WINDOW, NEGATORS, OBJECT_PREPOSITIONS, SAY_VERBS, SPEAKER_NOUNS, STANCE_CUES, negated } from "./cues";
import { sentencesOf, stemsOf, type Sentence } from "./text";
import type { Lexicon, Suggestion } from "./types";
import type { Firmness, Stance } from "../vocabulary";
import { STANCE_LABELS } from "../vocabulary";

/** Below this an issue is not named: the sentence is not about any of the negotiation's issues. */
export const MIN_ISSUE_SCORE = 1.2;
/** A second issue in the same passage needs a phrase of its own (its name or a keyword). */
const EXTRA_ISSUE_SCORE = 3;
/** Words after a cue that name what the stance is about; the rest of the clause counts less. */
const NEAR_WORDS = 10;
/** The first words after a cue are most often its object ("agreed to a ceasefire"): they count most. */
const OBJECT_WORDS = 5;
const DATELINE = /^\s*[\p{Lu}][\p{Lu}\p{M} .'\/-]*,[^\n()]{0,30}\([^\n()]{1,40}\)\s*[-–—]\s*/u;

/** Sentences after a proposal (or its last term) whose "would" tells more of its terms. */
const PLAN_REACH = 3;
/** How a report tells a plan's terms. */
const PLAN_TERMS = /\b(?:would|will|is to|are to|provides? for|sets? out|envisag(?:es|ed)|includ(?:es|ed))\b/i;
/** Sentences back that "the group" or "he" may reach for the party it stands for. */
const COREFERENCE_REACH = 3;

type Mention = { partyIds: number[]; start: number; end: number; first: number; last: number; possessive: boolean };
type Group = { partyIds: number[]; first: number; last: number; start: number; possessive: boolean; role: "speaker" | "object" | "modifier" | "passive" | "according" };
type Cue = { stance: Stance; start: number; end: number; strength: number; phrase: string; note: string; holderIsSayer: boolean };
type Speaker = { partyIds: number[]; how: "subject" | "passive" | "attribution" | "coreference"; weight: number };

// ---------------------------------------------------------------- names

type NamePattern = { re: RegExp; partyIds: number[]; length: number };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+").replace(/['’]/g, "['’]");

const patternCache = new WeakMap<Lexicon, NamePattern[]>();

function namePatterns(lexicon: Lexicon): NamePattern[] {
  const cached = patternCache.get(lexicon);
  if (cached) return cached;
  const built = buildNamePatterns(lexicon);
  patternCache.set(lexicon, built);
  return built;
}

function buildNamePatterns(lexicon: Lexicon): NamePattern[] {
  const seen = new Set<string>();
  const out: NamePattern[] = [];
  const add = (name: string, partyIds: number[]) => {
    const trimmed = name.trim();
    if (trimmed.length < 2 || partyIds.length === 0) return;
    const key = `${trimmed.toLowerCase()}:${partyIds.join(",")}`;
    if (seen.has(key)) return;
    seen.add(key);
    // Short names and acronyms ("US", "PIJ") only in their own case: "us" is a pronoun.
    const exactCase = trimmed.length <= 3 || trimmed === trimmed.toUpperCase();
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(trimmed)}(?:['’]s?)?(?![\\p{L}\\p{N}])`, exactCase ? "gu" : "giu");
    out.push({ re, partyIds, length: trimmed.length });
  };
  for (const p of lexicon.parties) for (const name of [p.name, p.shortName, ...p.aliases]) add(name, [p.id]);
  for (const s of lexicon.sides ?? []) if (s.partyIds.length > 0) add(s.name, s.partyIds);
  return out.sort((a, b) => b.length - a.length);
}

function mentionsIn(sentence: Sentence, patterns: NamePattern[]): Mention[] {
  const found: Mention[] = [];
  const taken: Array<[number, number]> = [];
  for (const pattern of patterns) {
    pattern.re.lastIndex = 0;
    for (let m = pattern.re.exec(sentence.text); m; m = pattern.re.exec(sentence.text)) {
      const start = sentence.start + m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      const first = sentence.words.findIndex((w) => w.end > start);
      let last = first;
      while (last + 1 < sentence.words.length && sentence.words[last + 1]!.start < end) last++;
      if (first < 0) continue;
      // "Hamas'" and "Israel's": wink may leave the apostrophe as a word of its own.
      let possessive = /['’]s?$/.test(m[0]);
      const next = sentence.words[last + 1];
      if (next && (next.lower === "'s" || next.lower === "'") && next.start === end) {
        possessive = true;
        last += 1;
      }
      found.push({ partyIds: pattern.partyIds, start, end, first, last, possessive });
    }
  }
  found.sort((a, b) => a.start - b.start);
  // "Egyptian mediators": a side's name right after a party's qualifies that party, not the side.
  return found.filter((m, i) => {
    const prev = found[i - 1];
    return !(prev && m.partyIds.length > 1 && prev.partyIds.length === 1 && m.partyIds.includes(prev.partyIds[0]!) && /^\s+$/.test(sentence.text.slice(prev.end - sentence.start, m.start - sentence.start)));
  });
}

/** Mentions joined by "and" or commas ("Egypt, Qatar and the US") are one group, one role. */
function groupsIn(sentence: Sentence, mentions: Mention[]): Group[] {
  const groups: Group[] = [];
  const joiner = (a: Mention | Group, b: Mention) => sentence.words.slice(a.last + 1, b.first).map((w) => w.lower);
  const joins = (between: string[]) => between.length > 0 && between.length <= 3 && between.every((w) => w === "and" || w === "," || w === "&" || w === "the" || w === "both");
  mentions.forEach((m, k) => {
    const prev = groups[groups.length - 1];
    if (prev) {
      const between = joiner(prev, m);
      // A comma joins only a list that goes on with "and" ("Egypt, Qatar and the US"), not the
      // end of an opening phrase ("With Islamic Jihad, Hamas said").
      const listGoesOn = (i: number): boolean => {
        const next = mentions[i + 1];
        if (!next) return false;
        const b = joiner(mentions[i]!, next);
        return joins(b) && (b.includes("and") || b.includes("&") || (b.includes(",") && listGoesOn(i + 1)));
      };
      if (joins(between) && (between.includes("and") || between.includes("&") || listGoesOn(k))) {
        prev.partyIds = [...new Set([...prev.partyIds, ...m.partyIds])];
        prev.last = m.last;
        prev.possessive = m.possessive;
        return;
      }
    }
    groups.push({ partyIds: [...m.partyIds], first: m.first, last: m.last, start: m.start, possessive: m.possessive, role: "speaker" });
  });
  for (const g of groups) g.role = roleOf(sentence, g);
  return groups;
}

const STANCE_NOUNS = /^(?:demands?|concessions?|proposals?|offers?|conditions?|rejection|refusal|acceptance|position|stance|plan|response|reply|insistence|objections?|red lines?|terms)$/;
const DETERMINERS = new Set(["the", "a", "an", "both", "its", "their", "senior", "top", "some", "several", "two", "three"]);

function roleOf(sentence: Sentence, g: Group): Group["role"] {
  const w = sentence.words;
  let i = g.first - 1;
  while (i >= 0 && DETERMINERS.has(w[i]!.lower)) i--;
  const before = w[i]?.lower;
  if (before === "to" && w[i - 1]?.lower === "according") return "according";
  if (before === "by") {
    const verb = w.slice(Math.max(0, i - 3), i).some((x) => x.pos === "VERB");
    return verb ? "passive" : "object";
  }
  // "Hamas accused Israel of…", "urged Hamas to…": the party is the verb's object.
  if (w[i] && w[i]!.pos === "VERB" && !SAY_VERBS.has(before!)) return "object";
  if (before && OBJECT_PREPOSITIONS.has(before)) {
    // "a member of Hamas", "a spokesman for the mediators": the party speaks through its people.
    let j = i - 1;
    while (j >= 0 && (DETERMINERS.has(w[j]!.lower) || w[j]!.pos === "ADJ")) j--;
    if ((before === "of" || before === "for" || before === "from") && w[j] && SPEAKER_NOUNS.has(w[j]!.lower)) return "speaker";
    return "object";
  }
  const next = w[g.last + 1];
  // "Israeli concessions", "Hamas's demands", "Israel's offer": whose stance it is.
  if (next && STANCE_NOUNS.test(next.lower)) return "speaker";
  if (next && next.isWord && !SPEAKER_NOUNS.has(next.lower) && (next.pos === "NOUN" || (g.possessive && (next.pos === "ADJ" || next.pos === "PROPN")))) {
    // "Israeli forces", "Israel's withdrawal": the name says whose, not who speaks.
    return "modifier";
  }
  return "speaker";
}

// ---------------------------------------------------------------- cues

const norm = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'");

/** The stance cues of a sentence, and where absorbed condition phrases ("only if") start. */
function cuesIn(sentence: Sentence): { cues: Cue[]; boundaries: number[] } {
  const all = stanceCuesIn(sentence);
  const boundaries = all.boundaries;
  return { cues: all.cues, boundaries };
}

function stanceCuesIn(sentence: Sentence): { cues: Cue[]; boundaries: number[] } {
  const lower = norm(sentence.text);
  const found: Cue[] = [];
  for (const c of STANCE_CUES) {
    c.re.lastIndex = 0;
    for (let m = c.re.exec(lower); m; m = c.re.exec(lower)) {
      const start = sentence.start + m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ stance: c.stance, start, end, strength: c.strength, phrase: m[0], note: "", holderIsSayer: /^(?:must|wants?|wanted|should|ought to|needs? to|needed to|ha(?:s|ve|d) to)$/.test(m[0]) });
    }
  }
  found.sort((a, b) => a.start - b.start);
  // A noun that names a stance ("the proposal", "concessions") is not one when a verb says what
  // was done with it ("rejected the proposal").
  // A noun counts only as someone's: "Israel's proposal", "Israeli concessions", "its commitment to".
  const nounCue = (c: Cue) => /^(?:proposal|concessions?|commitment to|opposition to|acceptance of|rejection of|offers?)$/.test(c.phrase);
  const owned = (c: Cue) => {
    const before = sentence.words.filter((w) => w.end <= c.start && w.pos !== "ADJ");
    const prev = before[before.length - 1];
    return Boolean(prev && (/^(?:its|their|his|her|our|'s|')$/.test(prev.lower) || prev.pos === "PROPN" || /['’]s?$/.test(prev.text)));
  };
  const verbs = found.filter((c) => !nounCue(c));
  // "will not" before a cue of its own ("will not accept") is that cue's negation, not a refusal of its own.
  const refusal = (c: Cue) => c.stance === "rejects" && c.strength < 0.7;
  const nextWords = (c: Cue) => sentence.words.filter((w) => w.start >= c.end).slice(0, 3);
  const cues = found.filter(
    (c) => (!nounCue(c) || (verbs.length === 0 && owned(c))) && !(refusal(c) && found.some((o) => o !== c && nextWords(c).some((w) => w.start === o.start))),
  );

  // Negation: "will not accept" rejects; "denied agreeing" is no acceptance; "did not reject" says nothing.
  const out: Cue[] = [];
  for (const c of cues) {
    const before = sentence.words.filter((w) => w.end <= c.start).slice(-NEGATION_WINDOW).map((w) => w.lower);
    if (c.stance === "conditions") {
      out.push(c);
      continue;
    }
    if (before.some((w) => DENIALS.has(w)) && (c.stance === "accepts" || c.stance === "supports")) {
      out.push({ ...c, stance: "rejects", strength: c.strength * 0.6, note: `“${before.find((w) => DENIALS.has(w))} ${c.phrase}” is no acceptance` });
      continue;
    }
    if (before.some((w) => NEGATORS.has(w))) {
      const turned = negated(c.stance);
      if (turned) out.push({ ...c, stance: turned, note: `negated: “${before.join(" ")} ${c.phrase}”` });
      continue;
    }
    out.push(c);
  }

  // Conditions: an acceptance tied to a condition ("would accept only if", "agreed, provided
  // that") is an acceptance with conditions; "will not … until/unless" is a condition too.
  // Weak condition words ("if", "once") only turn an acceptance round; alone they say nothing.
  const weak = (c: Cue) => c.stance === "conditions" && c.strength < 0.5;
  const turnable = out.some((c) => ["accepts", "supports", "concedes"].includes(c.stance) || (c.stance === "rejects" && c.note.startsWith("negated")));
  if (!turnable) out.splice(0, out.length, ...out.filter((c) => !weak(c)));
  const fronted = (c: Cue) => c.start <= (sentence.words[1]?.start ?? 0);
  const conditions = out.filter(
    (c) => c.stance === "conditions" && (c.strength >= 0.5 || out.some((o) => (o.start < c.start || fronted(c)) && ["accepts", "supports", "concedes"].includes(o.stance))),
  );
  out.splice(0, out.length, ...out.filter((c) => !weak(c) || conditions.includes(c)));
  if (conditions.length > 0) {
    const others = out.filter((c) => c.stance !== "conditions");
    const turned = others.map((c) =>
      ["accepts", "supports", "concedes"].includes(c.stance) || (c.stance === "rejects" && c.note.startsWith("negated"))
        ? { ...c, stance: "conditions" as Stance, note: `${c.note ? `${c.note}; ` : ""}on a condition: “${conditions[0]!.phrase}”` }
        : c,
    );
    // The condition's own words ("only if Hamas lays down its arms") are the condition, not a stance.
    const first = Math.min(...conditions.map((c) => c.start));
    return turned.some((c) => c.stance === "conditions")
      ? {
          // A condition put first ("If Hamas disarms, Israel would accept…") comes before its stance.
          cues: turned.filter((c) => c.start < first || (c.stance === "conditions" && conditions.some(fronted))),
          boundaries: conditions.map((c) => c.start),
        }
      : { cues: [...turned, ...conditions].sort((a, b) => a.start - b.start), boundaries: [] };
  }
  const until = /(?<![\p{L}])until(?![\p{L}])/u.exec(lower);
  if (until) {
    const cuesOut = out.map((c) => (c.stance === "rejects" && c.note.startsWith("negated") ? { ...c, stance: "conditions" as Stance, note: `${c.note}; “until”` } : c));
    return { cues: cuesOut, boundaries: [sentence.start + until.index] };
  }
  return { cues: out, boundaries: [] };
}

function firmnessIn(text: string): Firmness | null {
  const lower = norm(text);
  for (const f of FIRMNESS_CUES) if (f.re.test(lower)) return f.firmness;
  return null;
}

// ---------------------------------------------------------------- issues

type IssueIndex = {
  issues: Array<{ id: number; phrases: string[][]; words: Map<string, number> }>;
  ignore: Set<string>;
};

/** Words a phrase may leave out or add ("end of the war" is "end war"). */
const PHRASE_STOP = new Set("a an and the of to in on for from with by at or as its their".split(" "));
/** Words that alone say nothing about an issue. */
const STOP = new Set(
  "a an and the of to in on for from with by at or as is are be was were its their it that this whether what who how when which rather than other each any all more less into out off over under up down once not no last week month year day today time new also said say would could may might will monday tuesday wednesday thursday friday saturday sunday".split(" ").flatMap((w) => [w, ...stemsOf(w)]),
);

const indexCache = new WeakMap<Lexicon, IssueIndex>();

function issueIndex(lexicon: Lexicon): IssueIndex {
  const cached = indexCache.get(lexicon);
  if (cached) return cached;
  const ignore = new Set<string>();
  for (const p of lexicon.parties) for (const name of [p.name, p.shortName, ...p.aliases]) for (const s of stemsOf(name)) ignore.add(s);
  for (const side of lexicon.sides ?? []) for (const s of stemsOf(side.name)) ignore.add(s);
  const content = (stems: string[]) => stems.filter((s) => !STOP.has(s) && s.length > 1);
  const raw = lexicon.issues.map((issue) => {
    const phrases = [issue.name, ...issue.keywords].map((p) => stemsOf(p).filter((s) => !PHRASE_STOP.has(s))).filter((p) => p.length > 0 && !(p.length === 1 && STOP.has(p[0]!)));
    const nameWords = new Set(content(phrases.flat()));
    const descWords = new Set(content(stemsOf(issue.description)).filter((s) => !nameWords.has(s)));
    return { id: issue.id, phrases, nameWords, descWords };
  });
  const df = new Map<string, number>();
  for (const r of raw) for (const s of new Set([...r.nameWords, ...r.descWords])) df.set(s, (df.get(s) ?? 0) + 1);
  const n = Math.max(raw.length, 1);
  const idf = (s: string) => Math.log(1 + n / (df.get(s) ?? 1)) / Math.log(1 + n);
  const index: IssueIndex = {
    ignore,
    issues: raw.map((r) => {
      const words = new Map<string, number>();
      for (const s of r.descWords) if (!ignore.has(s)) words.set(s, 0.5 * idf(s));
      for (const s of r.nameWords) if (!ignore.has(s)) words.set(s, 1.2 * idf(s));
      return { id: r.id, phrases: r.phrases, words };
    }),
  };
  indexCache.set(lexicon, index);
  return index;
}

type IssueScore = { id: number; score: number; phraseScore: number; matched: string[] };

/**
 * Words the whole text keeps using ("deal", "ceasefire" in a report on a ceasefire deal) tell
 * little about any one sentence: a word in more than a quarter of the sentences never names a
 * second issue on its own.
 */
function commonWords(sentences: Sentence[]): Set<string> {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const stem of new Set(s.words.map((w) => w.stem))) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  const limit = Math.max(2, sentences.length / 4);
  return new Set([...counts].filter(([, n]) => n > limit).map(([stem]) => stem));
}

function scoreIssues(index: IssueIndex, parts: Array<{ stems: string[]; weight: number }>, common: ReadonlySet<string> = new Set()): IssueScore[] {
  // One run of words, each with its weight, so a phrase may cross from one part into the next.
  const run = parts.flatMap((part) => part.stems.filter((s) => !PHRASE_STOP.has(s)).map((stem) => ({ stem, weight: part.weight })));
  const at = new Map<string, number[]>();
  run.forEach(({ stem }, i) => at.set(stem, [...(at.get(stem) ?? []), i]));
  return index.issues
    .map((issue) => {
      let score = 0;
      let phraseScore = 0;
      const matched: string[] = [];
      for (const phrase of issue.phrases) {
        if (phrase.length < 2 && index.ignore.has(phrase[0]!)) continue;
        for (const i of at.get(phrase[0]!) ?? []) {
          if (i + phrase.length <= run.length && phrase.every((s, k) => run[i + k]!.stem === s)) {
            const weight = Math.max(...phrase.map((_, k) => run[i + k]!.weight));
            score += (2 + phrase.length) * weight;
            // A phrase of its own in the words after the cue: enough to name a second issue.
            const worn = phrase.length === 1 && common.has(phrase[0]!);
            if (weight >= 0.6 && !worn) phraseScore = Math.max(phraseScore, 2 + phrase.length);
            matched.push(phrase.join(" "));
            break;
          }
        }
      }
      const best = new Map<string, number>();
      for (const { stem, weight } of run) if (!STOP.has(stem)) best.set(stem, Math.max(best.get(stem) ?? 0, weight));
      for (const [stem, weight] of best) {
        const w = issue.words.get(stem);
        if (w) {
          score += w * weight;
          matched.push(stem);
        }
      }
      return { id: issue.id, score, phraseScore, matched: [...new Set(matched)] };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.id - b.id);
}

// ---------------------------------------------------------------- speakers

function attributionIn(sentence: Sentence, groups: Group[]): Group | null {
  const according = groups.find((g) => g.role === "according");
  if (according) return according;
  const w = sentence.words;
  for (let k = 0; k < w.length; k++) {
    if (!SAY_VERBS.has(w[k]!.lower)) continue;
    // "Hamas officials said", "Izzat al-Rishq, a member of Hamas' political bureau, said"
    const before = groups.filter((g) => g.last < k && g.role !== "object" && g.role !== "passive");
    const near = before[before.length - 1];
    if (near) {
      const between = w.slice(near.last + 1, k);
      if (between.length <= 6 && between.every((x) => !x.isWord || SPEAKER_NOUNS.has(x.lower) || x.pos === "PROPN" || x.pos === "ADJ" || DETERMINERS.has(x.lower) || x.pos === "NOUN")) {
        return near;
      }
    }
    // "…,” said a Hamas official", "…, said Qatar's foreign ministry": inverted, after a comma or
    // a quote; "Hamas said Israel refused" is Israel's stance, reported by Hamas (above).
    const inverted = k > 0 && /^[,“”"'’‘]$/.test(w[k - 1]!.text);
    // …and the name ends the clause: "wing, said Israel had delayed…" reports Israel's doing.
    const after = inverted ? groups.find((g) => g.first > k && g.first - k <= 5 && !["VERB", "AUX"].includes(w[g.last + 1]?.pos ?? "")) : undefined;
    if (after && w.slice(k + 1, after.first).every((x) => !x.isWord || DETERMINERS.has(x.lower) || x.pos === "ADJ" || x.pos === "PROPN" || SPEAKER_NOUNS.has(x.lower))) {
      return after;
    }
  }
  return null;
}

function startsWithCoreference(sentence: Sentence, beforeCue: number): boolean {
  const words = sentence.words.filter((w) => w.end <= beforeCue && w.isWord).map((w) => w.lower);
  for (let i = 0; i < words.length; i++) {
    for (let len = 3; len >= 1; len--) {
      if (i + len <= words.length && COREFERENCES.test(words.slice(i, i + len).join(" "))) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------- the reader

/** Suggestions for a text, in reading order; every quote is text.slice(start, end). */
export function suggestPositions(text: string, lexicon: Lexicon): Suggestion[] {
  if (!text.trim() || lexicon.parties.length === 0 || lexicon.issues.length === 0) return [];
  const patterns = namePatterns(lexicon);
  const index = issueIndex(lexicon);
  const partyName = new Map(lexicon.parties.map((p) => [p.id, p.name]));
  const suggestions: Suggestion[] = [];
  const recent: Array<{ sentence: number; partyIds: number[] }> = [];
  const topics: Array<{ sentence: number; issue: IssueScore }> = [];
  let plan: { sentence: number; partyIds: number[] } | null = null;
  const lastSpeaker = (si: number) => recent.filter((r) => si - r.sentence <= COREFERENCE_REACH).pop();
  const sentences = sentencesOf(text);
  const common = commonWords(sentences);
  // A wire report's dateline ("GAZA/JERUSALEM, Feb 11 (Reuters) -") names places, not speakers.
  const dateline = DATELINE.exec(text)?.[0].length ?? 0;

  sentences.forEach((sentence, si) => {
    const groups = groupsIn(sentence, mentionsIn(sentence, patterns).filter((m) => m.start >= dateline));
    // "In a joint statement with Islamic Jihad, Hamas …": the partner speaks too.
    const joint = /\bjoint(?:ly)?\b|\btogether with\b/i.test(sentence.text);
    const partners = joint
      ? groups.filter((g) => g.role === "object" && sentence.words[g.first - 1]?.lower === "with" && /^(?:statement|together|jointly|declaration|communique|communiqué)$/.test(sentence.words[g.first - 2]?.lower ?? ""))
      : [];
    const attribution = attributionIn(sentence, groups);
    // "…, he said", "the group said": the sentence speaks for the party named last.
    const pronounSaid = sentence.words.some((w, k) => {
      if (!SAY_VERBS.has(w.lower)) return false;
      // "Another senior official, Izzat el-Reshiq, said…"
      if (startsWithCoreference(sentence, w.start) && groups.every((g) => g.start > w.start)) return true;
      const words = sentence.words.map((x) => x.lower);
      return [1, 2, 3].some((n) => (k - n >= 0 && COREFERENCES.test(words.slice(k - n, k).join(" "))) || COREFERENCES.test(words.slice(k + 1, k + 1 + n).join(" ")));
    });
    // The issue the sentence is about as a whole: what a following "it" or "the plan" may mean.
    const wholeTopic = scoreIssues(index, [{ stems: sentence.words.map((w) => w.stem), weight: 1 }], common)[0];
    const { cues, boundaries } = cuesIn(sentence);
    const spoken: number[][] = [];

    cues.forEach((cue, ci) => {
      let speaker: Speaker | null = null;
      const nextStart = cues[ci + 1]?.start ?? Infinity;
      const passive = groups.find((g) => g.role === "passive" && g.start > cue.start && g.start < nextStart && g.first - sentence.words.findIndex((w) => w.start >= cue.end) <= 5);
      const subject = [...groups].reverse().find((g) => g.start < cue.start && g.role === "speaker");
      if (passive) speaker = { partyIds: passive.partyIds, how: "passive", weight: 0.9 };
      else if (cue.holderIsSayer && attribution) speaker = { partyIds: attribution.partyIds, how: "attribution", weight: 0.8 };
      else if (subject) speaker = { partyIds: subject.partyIds, how: "subject", weight: subject === attribution ? 0.95 : 0.85 };
      else if (attribution) speaker = { partyIds: attribution.partyIds, how: "attribution", weight: 0.8 };
      else if (pronounSaid && lastSpeaker(si)) speaker = { partyIds: lastSpeaker(si)!.partyIds, how: "coreference", weight: 0.65 };
      else {
        const last = recent.filter((r) => si - r.sentence <= COREFERENCE_REACH).pop();
        const noNames = groups.every((g) => g.role !== "speaker");
        if (last && (startsWithCoreference(sentence, cue.start) || (noNames && si - last.sentence === 1 && sentences[last.sentence]!.paragraph === sentence.paragraph))) {
          speaker = { partyIds: last.partyIds, how: "coreference", weight: startsWithCoreference(sentence, cue.start) ? 0.65 : 0.45 };
        }
      }
      if (!speaker) return;
      // "Hamas dropped its demand that Israel first commit to a ceasefire": what a demand asks of
      // another party is the demand's content, not that party's stance.
      if (speaker.how === "subject" && subject) {
        const governing = cues.slice(0, ci).find((e) => e.stance !== "accepts" && e.stance !== "supports" && /\bthat\b/i.test(text.slice(e.end, subject.start)));
        if (governing) return;
      }
      // A joint statement with no "with": everyone named as its authors before the cue.
      const authors = joint && partners.length === 0 && speaker.how === "subject" ? groups.filter((g) => g.role === "speaker" && g.start < cue.start).flatMap((g) => g.partyIds) : [];
      const partyIds = [...new Set([...speaker.partyIds, ...authors, ...(speaker.how === "subject" || speaker.how === "attribution" ? partners.flatMap((p) => p.partyIds) : [])])];
      spoken.push(partyIds);

      // The issue: the words from the cue to the next cue count fully, the words before it less.
      const segEnd = Math.min(cues[ci + 1]?.start ?? sentence.end, ...boundaries.filter((b) => b > cue.end));
      const afterWords = sentence.words.filter((w) => w.start >= cue.start && w.end <= segEnd).map((w) => w.stem);
      const object = afterWords.slice(0, OBJECT_WORDS);
      const after = afterWords.slice(OBJECT_WORDS, NEAR_WORDS);
      const further = afterWords.slice(NEAR_WORDS);
      const before = sentence.words.filter((w) => w.end <= cue.start).map((w) => w.stem);
      const rest = sentence.words.filter((w) => w.start >= segEnd).map((w) => w.stem);
      const scores = scoreIssues(index, [
        { stems: before, weight: 0.35 },
        { stems: object, weight: 1.5 },
        { stems: after, weight: 1 },
        { stems: further, weight: 0.6 },
        { stems: rest, weight: 0.25 },
      ], common);
      let top = scores[0];
      let carried = false;
      // "These concessions were deemed inadequate": nothing after the cue names an issue, so
      // the sentence goes on with the issue of the sentence before (in the same paragraph).
      const previous = topics.filter((t) => si - t.sentence === 1 && sentences[t.sentence]!.paragraph === sentence.paragraph).pop();
      const afterOnly = () => scoreIssues(index, [{ stems: afterWords, weight: 1 }], common)[0];
      if (!top || top.score < MIN_ISSUE_SCORE || (previous && /^(?:th(?:is|ese|at|ose)|such)$/i.test(sentence.words[0]!.lower) && (afterOnly()?.score ?? 0) < MIN_ISSUE_SCORE)) {
        const before = previous;
        if (!before) return;
        top = { ...before.issue, matched: [`the sentence before: ${asWritten(before.issue.matched.slice(0, 2), sentences, before.sentence)}`] };
        carried = true;
      }
      // Several issues only from a list after the cue ("include an end to the war, the lifting of
      // the blockade, and…"); one clause names one issue.
      const segment = text.slice(cue.end, segEnd);
      // A list: items parted by commas, or two noun phrases joined by "and" ("a permanent
      // ceasefire and the complete withdrawal"), not two clauses ("… and to avoid …").
      const list = (segment.match(/[,;:]/g)?.length ?? 0) >= 2 || /\band (?:the|a|an|all|full|complete|its|their|an end)\b/i.test(segment);
      const chosen = carried || !list ? [top] : [top, ...scores.slice(1).filter((s) => s.phraseScore >= EXTRA_ISSUE_SCORE)];
      const firmness = firmnessIn(sentence.text);
      for (const issue of chosen) {
        const margin = Math.max(0, Math.min(1, (issue.score - (scores.find((s) => s !== issue)?.score ?? 0) + 1) / 3));
        const issueSure = Math.min(1, 0.45 + issue.score / 8) * (0.75 + 0.25 * margin);
        const confidence = Math.round(Math.min(0.99, speaker.weight * cue.strength * issueSure * (carried ? 0.7 : 1)) * 100) / 100;
        const who = partyIds.map((id) => partyName.get(id) ?? `#${id}`).join(" and ");
        suggestions.push({
          partyIds,
          issueId: issue.id,
          runnersUp: scores.filter((s) => s !== issue && !chosen.includes(s)).slice(0, 3).map((s) => s.id),
          stance: cue.stance,
          firmness,
          quote: text.slice(sentence.start, sentence.end),
          start: sentence.start,
          end: sentence.end,
          confidence,
          reason: `“${text.slice(cue.start, cue.end)}” → ${STANCE_LABELS[cue.stance]}${cue.note ? ` (${cue.note})` : ""}; ${who} (${SPEAKER_HOW[speaker.how]}); issue words: ${asWritten(issue.matched, sentences, si)}`,
          engine: "rules",
        });
      }
    });

    // A plan's terms ("In the first phase, Israeli forces would withdraw…") are the proposal of
    // whoever put the plan forward (or of the one quoted): one suggestion per issue they name.
    const proposed = suggestions.filter((s) => s.stance === "proposes" && s.start === sentence.start);
    if (proposed.length > 0) plan = { sentence: si, partyIds: proposed[0]!.partyIds };
    else if (cues.length === 0 && plan && si - plan.sentence <= PLAN_REACH && PLAN_TERMS.test(sentence.text)) {
      const partyIds = attribution?.partyIds ?? plan.partyIds;
      const scores = scoreIssues(index, [{ stems: sentence.words.map((w) => w.stem), weight: 1 }], common).filter((s) => s.phraseScore >= EXTRA_ISSUE_SCORE);
      const who = partyIds.map((id) => partyName.get(id) ?? `#${id}`).join(" and ");
      for (const issue of scores) {
        suggestions.push({
          partyIds,
          issueId: issue.id,
          runnersUp: [],
          stance: "proposes",
          firmness: null,
          quote: text.slice(sentence.start, sentence.end),
          start: sentence.start,
          end: sentence.end,
          confidence: Math.round(Math.min(0.6, 0.3 + issue.score / 20) * 100) / 100,
          reason: `a term of the plan ${who} put forward (“would”); issue words: ${asWritten(issue.matched, sentences, si)}`,
          engine: "rules",
        });
      }
      if (scores.length > 0) plan = { sentence: si, partyIds: plan.partyIds };
    }

    // Who the next "the group" or "he" stands for: the last party that spoke, else the last named.
    // The party quoted comes first: "Hamas said Israel refused. The group…" means Hamas.
    // "Abu Obeida, spokesman for the group, said Israel…": the one quoted is still the group.
    const named = attribution?.partyIds ?? (pronounSaid ? lastSpeaker(si)?.partyIds : undefined) ?? spoken[spoken.length - 1] ?? groups.find((g) => g.role === "speaker")?.partyIds;
    if (named) recent.push({ sentence: si, partyIds: named });
    if (wholeTopic && wholeTopic.score >= MIN_ISSUE_SCORE) topics.push({ sentence: si, issue: wholeTopic });
  });

  return dedupe(suggestions);
}

/** The issue words a suggestion went by, as the sentence writes them ("Philadelphia axis", not "philadelphia axi"). */
function asWritten(matched: readonly string[], sentences: readonly Sentence[], si: number): string {
  const words = sentences[si]?.words ?? [];
  const written = (stem: string) => words.find((w) => w.stem === stem)?.text ?? stem;
  // Whole phrases first; a single word already inside a shown phrase is not repeated.
  const shown: string[] = [];
  for (const m of [...matched].sort((a, b) => b.split(" ").length - a.split(" ").length)) {
    if (m.startsWith("the sentence before")) shown.push(m);
    else if (!shown.some((s) => s.toLowerCase().split(" ").includes(written(m).toLowerCase()))) shown.push(m.split(" ").map(written).join(" "));
    if (shown.length === 3) break;
  }
  return shown.map((s) => (s.startsWith("the sentence before") ? s : `“${s}”`)).join(", ");
}

const SPEAKER_HOW: Record<Speaker["how"], string> = {
  subject: "named before it",
  passive: "“by” after it",
  attribution: "the one quoted",
  coreference: "named just before",
};

/** One suggestion per parties, issue and stance: the surest, in reading order. */
function dedupe(suggestions: Suggestion[]): Suggestion[] {
  const best = new Map<string, Suggestion>();
  for (const s of suggestions) {
    const key = `${[...s.partyIds].sort((a, b) => a - b).join(",")}|${s.issueId}|${s.stance}`;
    const had = best.get(key);
    if (!had || s.confidence > had.confidence) best.set(key, s);
  }
  return [...best.values()].sort((a, b) => a.start - b.start || b.confidence - a.confidence || a.issueId - b.issueId);
}
