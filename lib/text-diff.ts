// Word-level diff of two texts (a summary or quote before and after), for showing what a
// rewording changed. Pure; the diff algorithm is jsdiff's.
//
// Tokens: words in any script (Intl.Segmenter word boundaries, so Arabic or Hebrew words
// stay whole and emoji sequences are not split), runs of spaces, each line break, each
// punctuation mark. jsdiff's `diffArrays` compares the token lists. We tokenise ourselves
// instead of calling `diffWordsWithSpace`, whose tokenizer only knows Latin letters and
// splits other scripts into single characters, and instead of `diffWords`, which ignores
// whitespace changes and so cannot give back the original texts exactly.
//
// Guarantee: joining the "same" and "removed" parts gives `before`; joining the "same" and
// "added" parts gives `after`. Adjacent parts never share a kind, except that a replaced
// stretch is shown as one "removed" part followed by one "added" part.

import { diffArrays } from "diff";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

const FALLBACK_TOKENS = /\r?\n|[\p{L}\p{M}\p{N}_]+|[^\S\r\n]+|[\s\S]/gu;

let segmenter: Intl.Segmenter | null | undefined;

function getSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    // A fixed locale so server and browser cut the same tokens.
    segmenter = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter("en", { granularity: "word" }) : null;
  }
  return segmenter;
}

/** Splits text into contiguous tokens whose concatenation is exactly `text`. */
export function tokenize(text: string): string[] {
  if (text === "") return [];
  const seg = getSegmenter();
  if (seg === null) return text.match(FALLBACK_TOKENS) ?? [];
  return Array.from(seg.segment(text), (s) => s.segment);
}

const WHITESPACE_ONLY = /^\s+$/u;

/** Adds a part, merging it into the previous part when they are of the same kind. */
function push(out: DiffPart[], kind: DiffPart["kind"], text: string): void {
  if (text === "") return;
  const last = out[out.length - 1];
  if (last !== undefined && last.kind === kind) last.text += text;
  else out.push({ kind, text });
}

export function wordDiff(before: string, after: string): DiffPart[] {
  const raw: DiffPart[] = diffArrays(tokenize(before), tokenize(after)).map((c) => ({
    kind: c.added ? "added" : c.removed ? "removed" : "same",
    text: c.value.join(""),
  }));

  // Readability: "rejects any" → "concedes a" comes out of jsdiff as
  // -rejects +concedes ␠ -any +a. A whitespace-only "same" part between two changes is
  // folded into the surrounding change on both sides, giving -"rejects any" +"concedes a".
  // This keeps the reproduce-before/after guarantee because the whitespace is added to
  // both the removed and the added text. Only done when the stretch has both removals and
  // additions, so a pure deletion never shows an inserted space.
  const out: DiffPart[] = [];
  let i = 0;
  while (i < raw.length) {
    const part = raw[i]!;
    if (part.kind === "same") {
      push(out, "same", part.text);
      i += 1;
      continue;
    }
    // A stretch of changes, possibly with whitespace-only "same" parts between them.
    let end = i;
    while (end + 1 < raw.length) {
      const next = raw[end + 1]!;
      if (next.kind !== "same") {
        end += 1;
        continue;
      }
      const afterNext = raw[end + 2];
      if (WHITESPACE_ONLY.test(next.text) && afterNext !== undefined && afterNext.kind !== "same") {
        end += 2;
        continue;
      }
      break;
    }
    const stretch = raw.slice(i, end + 1);
    const hasRemoved = stretch.some((p) => p.kind === "removed");
    const hasAdded = stretch.some((p) => p.kind === "added");
    if (hasRemoved && hasAdded) {
      let removed = "";
      let added = "";
      for (const p of stretch) {
        if (p.kind !== "added") removed += p.text;
        if (p.kind !== "removed") added += p.text;
      }
      push(out, "removed", removed);
      push(out, "added", added);
    } else {
      for (const p of stretch) push(out, p.kind, p.text);
    }
    i = end + 1;
  }
  return out;
}
