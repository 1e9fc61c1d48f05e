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
/** Sentences back that "the group" or "he" may reach for the party it stands for. */
const COREFERENCE_REACH = 3;

type Mention = { partyIds: number[]; start: number; end: number; first: number; last: number; possessive: boolean };
type Group = { partyIds: number[]; first: number; last: number; start: number; possessive: boolean; role: "speaker" | "object" | "modifier" | "passive" | "according" };
type Cue = { stance: Stance; start: number; end: number; strength: number; phrase: string; note: string; holderIsSayer: boolean };
type Speaker = { partyIds: number[]; how: "subject" | "passive" | "attribution" | "coreference"; weight: number };

// ---------------------------------------------------------------- names

type NamePattern = { re: RegExp; partyIds: number[]; length: number };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+").replace(/['’]/g, "['’]");

function namePatterns(lexicon: Lexicon): NamePattern[] {
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
  return found.sort((a, b) => a.start - b.start);
}

/** Mentions joined by "and" or commas ("Egypt, Qatar and the US") are one group, one role. */
function groupsIn(sentence: Sentence, mentions: Mention[]): Group[] {
  const groups: Group[] = [];
  for (const m of mentions) {
    const prev = groups[groups.length - 1];
    if (prev) {
      const between = sentence.words.slice(prev.last + 1, m.first).map((w) => w.lower);
      if (between.length > 0 && between.length <= 3 && between.every((w) => w === "and" || w === "," || w === "&" || w === "the" || w === "both")) {
        prev.partyIds = [...new Set([...prev.partyIds, ...m.partyIds])];
        prev.last = m.last;
        prev.possessive = m.possessive;
        continue;
      }
    }
    groups.push({ partyIds: [...m.partyIds], first: m.first, last: m.last, start: m.start, possessive: m.possessive, role: "speaker" });
  }
  for (const g of groups) g.role = roleOf(sentence, g);
  return groups;
}

const DETERMINERS = new Set(["the", "a", "an", "both", "its", "their", "senior", "top", "some", "several", "two", "three"]);

function roleOf(sentence: Sentence, g: Group): Group["role"] {
  const w = sentence.words;
  let i = g.first - 1;
  while (i >= 0 && DETERMINERS.has(w[i]!.lower)) i--;
  const before = w[i]?.lower;
  if (before === "to" && w[i - 1]?.lower === "according") return "according";
  if (before === "by") {
    const verb = w.slice(Math.max(0, i - 4), i).some((x) => x.pos === "VERB" && /(?:ed|en|wn)$/.test(x.lower));
    return verb ? "passive" : "object";
  }
  if (before && OBJECT_PREPOSITIONS.has(before)) {
    // "a member of Hamas", "a spokesman for the mediators": the party speaks through its people.
    let j = i - 1;
    while (j >= 0 && (DETERMINERS.has(w[j]!.lower) || w[j]!.pos === "ADJ")) j--;
    if ((before === "of" || before === "for" || before === "from") && w[j] && SPEAKER_NOUNS.has(w[j]!.lower)) return "speaker";
    return "object";
  }
  const next = w[g.last + 1];
  if (next && next.isWord && !SPEAKER_NOUNS.has(next.lower) && (next.pos === "NOUN" || (g.possessive && (next.pos === "ADJ" || next.pos === "PROPN")))) {
    // "Israeli forces", "Israel's withdrawal": the name says whose, not who speaks.
    return "modifier";
  }
  return "speaker";
}

// ---------------------------------------------------------------- cues

const norm = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'");

function cuesIn(sentence: Sentence): Cue[] {
  const lower = norm(sentence.text);
  const found: Cue[] = [];
  for (const c of STANCE_CUES) {
    c.re.lastIndex = 0;
    for (let m = c.re.exec(lower); m; m = c.re.exec(lower)) {
      const start = sentence.start + m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ stance: c.stance, start, end, strength: c.strength, phrase: m[0], note: "", holderIsSayer: /^(?:must|wants?|wanted)$/.test(m[0]) });
    }
  }
  found.sort((a, b) => a.start - b.start);
  // A noun that names a stance ("the proposal", "concessions") is not one when a verb says what
  // was done with it ("rejected the proposal").
  const nounCue = (c: Cue) => /^(?:proposal|concessions?|commitment to|opposition to|acceptance of|rejection of|offer(?:s|ed)?)$/.test(c.phrase);
  const verbs = found.filter((c) => !nounCue(c));
  const cues = verbs.length > 0 ? found.filter((c) => !nounCue(c) || (c.phrase.startsWith("offer") && !found.some((v) => v !== c && v.end <= c.start))) : found;

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
  const conditions = out.filter((c) => c.stance === "conditions");
  if (conditions.length > 0) {
    const others = out.filter((c) => c.stance !== "conditions");
    const turned = others.map((c) =>
      ["accepts", "supports", "concedes"].includes(c.stance) || (c.stance === "rejects" && c.note.startsWith("negated"))
        ? { ...c, stance: "conditions" as Stance, note: `${c.note ? `${c.note}; ` : ""}on a condition: “${conditions[0]!.phrase}”` }
        : c,
    );
    return turned.some((c) => c.stance === "conditions") ? turned : [...turned, ...conditions].sort((a, b) => a.start - b.start);
  }
  if (/(?<![\p{L}])until(?![\p{L}])/u.test(lower)) {
    return out.map((c) => (c.stance === "rejects" && c.note.startsWith("negated") ? { ...c, stance: "conditions" as Stance, note: `${c.note}; “until”` } : c));
  }
  return out;
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

const STOP = new Set(
  "a an and the of to in on for from with by at or as is are be was were its their it that this whether what who how when which rather than other each any all more less into out off over under up down once not no".split(" "),
);

const indexCache = new WeakMap<Lexicon, IssueIndex>();

function issueIndex(lexicon: Lexicon): IssueIndex {
  const cached = indexCache.get(lexicon);
  if (cached) return cached;
  const ignore = new Set<string>();
  for (const p of lexicon.parties) for (const name of [p.name, p.shortName, ...p.aliases]) for (const s of stemsOf(name)) ignore.add(s);
  const content = (stems: string[]) => stems.filter((s) => !STOP.has(s) && s.length > 1);
  const raw = lexicon.issues.map((issue) => {
    const phrases = [issue.name, ...issue.keywords].map((p) => content(stemsOf(p))).filter((p) => p.length > 0);
    const nameWords = new Set(phrases.flat());
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

function scoreIssues(index: IssueIndex, parts: Array<{ stems: string[]; weight: number }>): IssueScore[] {
  return index.issues
    .map((issue) => {
      let score = 0;
      let phraseScore = 0;
      const matched: string[] = [];
      for (const part of parts) {
        const stems = part.stems.filter((s) => !STOP.has(s));
        for (const phrase of issue.phrases) {
          if (phrase.length < 2 && index.ignore.has(phrase[0]!)) continue;
          for (let i = 0; i + phrase.length <= stems.length; i++) {
            if (phrase.every((s, k) => stems[i + k] === s)) {
              const add = (2 + phrase.length) * part.weight;
              score += add;
              phraseScore = Math.max(phraseScore, add);
              matched.push(phrase.join(" "));
              break;
            }
          }
        }
        for (const s of new Set(stems)) {
          const w = issue.words.get(s);
          if (w) {
            score += w * part.weight;
            matched.push(s);
          }
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
    // "…, said a Hamas official", "…, Egypt said" handled above; "said Qatar's foreign ministry"
    const after = groups.find((g) => g.first > k && g.first - k <= 5);
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
  const sentences = sentencesOf(text);

  sentences.forEach((sentence, si) => {
    const groups = groupsIn(sentence, mentionsIn(sentence, patterns));
    // "In a joint statement with Islamic Jihad, Hamas …": the partner speaks too.
    const joint = /\bjoint(?:ly)?\b|\btogether with\b/i.test(sentence.text);
    const partners = joint ? groups.filter((g) => g.role === "object" && sentence.words[g.first - 1]?.lower === "with") : [];
    const attribution = attributionIn(sentence, groups);
    const cues = cuesIn(sentence);
    const spoken: number[][] = [];

    cues.forEach((cue, ci) => {
      let speaker: Speaker | null = null;
      const passive = groups.find((g) => g.role === "passive" && g.start > cue.start && g.first - sentence.words.findIndex((w) => w.start >= cue.end) <= 4);
      const subject = [...groups].reverse().find((g) => g.start < cue.start && g.role === "speaker");
      if (passive) speaker = { partyIds: passive.partyIds, how: "passive", weight: 0.9 };
      else if (cue.holderIsSayer && attribution) speaker = { partyIds: attribution.partyIds, how: "attribution", weight: 0.8 };
      else if (subject) speaker = { partyIds: subject.partyIds, how: "subject", weight: subject === attribution ? 0.95 : 0.85 };
      else if (attribution) speaker = { partyIds: attribution.partyIds, how: "attribution", weight: 0.8 };
      else {
        const last = recent.filter((r) => si - r.sentence <= COREFERENCE_REACH).pop();
        const noNames = groups.every((g) => g.role !== "speaker");
        if (last && (startsWithCoreference(sentence, cue.start) || (noNames && si - last.sentence === 1 && sentences[last.sentence]!.paragraph === sentence.paragraph))) {
          speaker = { partyIds: last.partyIds, how: "coreference", weight: startsWithCoreference(sentence, cue.start) ? 0.65 : 0.45 };
        }
      }
      if (!speaker) return;
      const partyIds = [...new Set([...speaker.partyIds, ...(speaker.how === "subject" || speaker.how === "attribution" ? partners.flatMap((p) => p.partyIds) : [])])];
      spoken.push(partyIds);

      // The issue: the words from the cue to the next cue count fully, the words before it less.
      const nextCue = cues[ci + 1];
      const segEnd = nextCue ? nextCue.start : sentence.end;
      const after = sentence.words.filter((w) => w.start >= cue.start && w.end <= segEnd).map((w) => w.stem);
      const before = sentence.words.filter((w) => w.end <= cue.start).map((w) => w.stem);
      const rest = sentence.words.filter((w) => w.start >= segEnd).map((w) => w.stem);
      const scores = scoreIssues(index, [
        { stems: after, weight: 1 },
        { stems: before, weight: 0.35 },
        { stems: rest, weight: 0.25 },
      ]);
      const top = scores[0];
      if (!top || top.score < MIN_ISSUE_SCORE) return;
      const chosen = [top, ...scores.slice(1).filter((s) => s.phraseScore >= EXTRA_ISSUE_SCORE && s.score >= top.score * 0.5)];
      const firmness = firmnessIn(sentence.text);
      for (const issue of chosen) {
        const margin = Math.min(1, (issue.score - (scores.find((s) => s !== issue)?.score ?? 0) + 1) / 3);
        const issueSure = Math.min(1, 0.45 + issue.score / 8) * (0.75 + 0.25 * margin);
        const confidence = Math.round(Math.min(0.99, speaker.weight * cue.strength * issueSure) * 100) / 100;
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
          reason: `“${text.slice(cue.start, cue.end)}” → ${STANCE_LABELS[cue.stance]}${cue.note ? ` (${cue.note})` : ""}; ${who} (${SPEAKER_HOW[speaker.how]}); issue words: ${issue.matched.slice(0, 3).join(", ")}`,
          engine: "rules",
        });
      }
    });

    // Who the next "the group" or "he" stands for: the last party that spoke, else the last named.
    const named = spoken[spoken.length - 1] ?? attribution?.partyIds ?? [...groups].reverse().find((g) => g.role === "speaker")?.partyIds;
    if (named) recent.push({ sentence: si, partyIds: named });
  });

  return dedupe(suggestions);
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
