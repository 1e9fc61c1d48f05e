// npm run suggest -- --negotiation <slug> --file <article.txt> [--json] [--engine rules|model]
//   Prints the positions the reader suggests for an article's text, with the negotiation's
//   parties (and their aliases), issues (and their keywords) and sides from the database.
//   --json: an array of {parties: [names], issue: name, stance, firmness, quote, start, end, confidence}
//   --engine model: the model an administrator configured (PARLEY_SUGGEST_MODEL_URL and
//   PARLEY_SUGGEST_MODEL), the rules when it is not configured or does not answer (said on stderr).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { getLexicon, suggestText } from "@/server/suggestions";
import { suggestionsForPeople } from "@/lib/suggest/output";
import { runOnNegotiation } from "./negotiation-script.mts";

const USAGE = "usage: npm run suggest -- --negotiation <slug> --file <article.txt> [--json] [--engine rules|model]";
let parsed;
try {
  parsed = parseArgs({
    options: { negotiation: { type: "string" }, file: { type: "string" }, json: { type: "boolean", default: false }, engine: { type: "string", default: "rules" } },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values } = parsed;
function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}
if (!values.negotiation) fail("Name the negotiation with --negotiation <slug>.");
if (!values.file) fail("Name the article's text file with --file <article.txt>.");
if (values.engine !== "rules" && values.engine !== "model") fail(`--engine must be rules or model, not “${values.engine}”.`);
let text: string;
try {
  text = readFileSync(values.file, "utf8");
} catch (error) {
  fail(`Cannot read ${values.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
}

const engine = values.engine;
await runOnNegotiation(values.negotiation, async (negotiation) => {
  const lexicon = await getLexicon(negotiation.id);
  const result = await suggestText(text, lexicon, engine);
  if (result.notice) console.error(result.notice);
  const rows = suggestionsForPeople(result.suggestions, lexicon);
  console.error(`${rows.length} ${rows.length === 1 ? "suggestion" : "suggestions"} by ${result.engine} for ${negotiation.title}.`);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  if (rows.length === 0) console.log(`No positions found in ${values.file}.`);
  rows.forEach((row, i) => {
    console.log(`${i + 1}. ${row.parties.join(" and ")} · ${row.issue} · ${row.stance}${row.firmness ? ` (${row.firmness})` : ""} · confidence ${row.confidence.toFixed(2)}`);
    console.log(`   [${row.start}–${row.end}] “${row.quote}”`);
  });
});
