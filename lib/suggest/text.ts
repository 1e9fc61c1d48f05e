// Reading a text into sentences and words with their places (issue 12): wink-nlp splits and
// tokenises with the English model that ships inside its npm package (nothing is downloaded at
// run time). Every sentence and word keeps its UTF-16 offsets in the original text, so a quote
// cut from them is always the text's own characters.
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

const nlp = winkNLP(model, ["sbd", "negation", "pos"]);
const its = nlp.its;

export type Word = {
  /** As written. */
  text: string;
  /** Lower case, curly apostrophes made straight. */
  lower: string;
  /** Porter stem of the lower-case word, for matching issue words. */
  stem: string;
  start: number;
  end: number;
  pos: string;
  isWord: boolean;
};

export type Sentence = { start: number; end: number; text: string; words: Word[]; paragraph: number };

/** The stem of every word of a phrase (issue names, keywords), in order. */
export function stemsOf(phrase: string): string[] {
  if (!phrase.trim()) return [];
  const doc = nlp.readDoc(phrase.replace(/[’‘]/g, "'"));
  const types = doc.tokens().out(its.type) as string[];
  return (doc.tokens().out(its.stem as never) as string[]).filter((_, i) => types[i] === "word" || types[i] === "number");
}

/**
 * The sentences of a text in order. Line breaks always end a sentence (headlines and datelines
 * carry no full stop); within a paragraph wink-nlp finds the boundaries.
 */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  const lineRe = /[^\n]+/g;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    const line = m[0];
    if (!line.trim()) continue;
    paragraph += 1;
    const base = m.index;
    // wink's tokens keep their text, so a cursor walking the line finds each one's place.
    const doc = nlp.readDoc(line);
    const tokens = doc.tokens();
    const values = tokens.out() as string[];
    const stems = tokens.out(its.stem as never) as string[];
    const pos = tokens.out(its.pos) as string[];
    const types = tokens.out(its.type) as string[];
    const places: Array<{ start: number; end: number } | null> = [];
    let cursor = 0;
    for (const value of values) {
      const at = line.indexOf(value, cursor);
      if (at < 0) {
        places.push(null);
        continue;
      }
      places.push({ start: at, end: at + value.length });
      cursor = at + value.length;
    }
    for (const [first, last] of doc.sentences().out(its.span) as unknown as Array<[number, number]>) {
      const words: Word[] = [];
      for (let i = first; i <= last; i++) {
        const place = places[i];
        if (!place || types[i] === "tabCRLF" || !values[i]!.trim()) continue;
        const lower = values[i]!.toLowerCase().replace(/[’‘]/g, "'");
        words.push({
          text: values[i]!,
          lower,
          stem: stems[i]!.replace(/[’‘]/g, "'"),
          start: base + place.start,
          end: base + place.end,
          pos: pos[i]!,
          isWord: types[i] === "word" || types[i] === "number",
        });
      }
      if (words.length === 0) continue;
      const start = words[0]!.start;
      const end = words[words.length - 1]!.end;
      out.push({ start, end, text: text.slice(start, end), words, paragraph });
    }
  }
  return out;
}
