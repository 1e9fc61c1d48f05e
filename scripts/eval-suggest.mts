// npm run eval:suggest [-- --verbose] [--json]
// Measures the rule-based suggestion engine on the development set (tests/fixtures/articles/):
// recall, precision, stance accuracy and time, for the part the rules were tuned on (dev + seed)
// and the part kept aside (held-out), and per article. The lexicon is the demo negotiation's
// (prisma/demo/gaza-2024.ts): its parties with their aliases, its issues with their keywords, its sides.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { demoLexicon } from "./demo-lexicon.mts";
import { suggestPositions } from "../lib/suggest/rules";
import { TARGETS, addUp, rates, scoreArticle, wordCount, type ArticleScore, type Label } from "../lib/suggest/evaluate";

const { values } = parseArgs({ options: { verbose: { type: "boolean", default: false }, json: { type: "boolean", default: false }, "min-confidence": { type: "string", default: "0" } } });
const ROOT = join(import.meta.dirname, "..", "tests", "fixtures", "articles");
const PARTS = [
  { part: "tuned on (dev + seed)", dirs: ["dev", "seed"] },
  { part: "held out", dirs: ["held-out"] },
] as const;

const lexicon = demoLexicon;

type Row = ArticleScore & { name: string; words: number; ms: number };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// The first call loads wink's model; time the engine after that, as a running server would.
suggestPositions("Warm-up: Hamas said it accepts the proposal.", lexicon);

const report: Array<{ part: string; rows: Row[] }> = [];
for (const { part, dirs } of PARTS) {
  const rows: Row[] = [];
  for (const dir of dirs) {
    let files: string[] = [];
    try {
      files = readdirSync(join(ROOT, dir)).filter((f) => f.endsWith(".txt")).sort();
    } catch {
      continue;
    }
    for (const file of files) {
      const text = readFileSync(join(ROOT, dir, file), "utf8");
      const labels = (JSON.parse(readFileSync(join(ROOT, dir, file.replace(/\.txt$/, ".json")), "utf8")) as { positions: Label[] }).positions;
      const times: number[] = [];
      let suggestions = suggestPositions(text, lexicon);
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        suggestions = suggestPositions(text, lexicon);
        times.push(performance.now() - t0);
      }
      const shown = suggestions.filter((s) => s.confidence >= Number(values["min-confidence"]));
      rows.push({ name: `${dir}/${file}`, words: wordCount(text), ms: median(times), ...scoreArticle(labels, shown, lexicon) });
    }
  }
  report.push({ part, rows });
}

const pct = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(1)}%`);
const partyName = new Map(lexicon.parties.map((p) => [p.id, p.name]));
const issueName = new Map(lexicon.issues.map((i) => [i.id, i.name]));

if (values.json) {
  // Counts only: what was missed or extra is for --verbose, and never for the held-out part.
  const counts = ({ name, words, ms, labels, found, stanceRight, suggestions, correct }: Row) => ({ name, words, ms, labels, found, stanceRight, suggestions, correct });
  console.log(JSON.stringify(report.map(({ part, rows }) => ({ part, ...addUp(rows), ...rates(addUp(rows)), perArticle: rows.map(counts) })), null, 2));
} else {
  for (const { part, rows } of report) {
    const t = addUp(rows);
    const r = rates(t);
    console.log(`\n== ${part}: ${t.articles} articles, ${t.words} words, ${t.labels} noted positions, ${t.suggestions} suggestions`);
    console.log(`recall    ${pct(r.recall)} (${t.found}/${t.labels})   target on the held-out part ≥ ${TARGETS.recall * 100}%`);
    console.log(`precision ${pct(r.precision)} (${t.correct}/${t.suggestions})   target ≥ ${TARGETS.precision * 100}%`);
    console.log(`stance    ${pct(r.stance)} (${t.stanceRight}/${t.found} found)   target ≥ ${TARGETS.stance * 100}%`);
    console.log(`time      ${r.msPer1000Words?.toFixed(2)} ms per 1,000 words (median of 5 runs per article; ${t.ms.toFixed(1)} ms in all)   target < ${TARGETS.msPer1000Words} ms`);
    console.log("article                                             words  noted found stance sugg. correct  ms");
    for (const row of rows) {
      console.log(
        `${row.name.padEnd(52)}${String(row.words).padStart(5)}${String(row.labels).padStart(7)}${String(row.found).padStart(6)}${String(row.stanceRight).padStart(7)}${String(row.suggestions).padStart(6)}${String(row.correct).padStart(8)}${row.ms.toFixed(1).padStart(6)}`,
      );
      // Details only for the part the rules are tuned on: the held-out part's sentences stay unread.
      if (values.verbose && !row.name.startsWith("held-out/")) {
        for (const m of row.missed) console.log(`    missed: ${m.parties.join("+")} / ${m.issue} / ${m.stance}`);
        for (const w of row.wrongStance) console.log(`    stance: ${w.label.parties.join("+")} / ${w.label.issue}: noted ${w.label.stance}, suggested ${w.suggested}`);
        for (const e of row.extra) console.log(`    extra:  ${e.partyIds.map((id) => partyName.get(id)).join("+")} / ${issueName.get(e.issueId)} / ${e.stance}  “${e.quote.slice(0, 90)}”`);
      }
    }
  }
}
