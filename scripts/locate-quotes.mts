// npm run db:locate-quotes: stores the quote positions of entries saved without them
// (server/mutations/sources.ts locateUnplacedQuotes, docs/decisions/024). scripts/setup.mjs runs
// it after migrating; the bench runs it on its copy of the bench database.
import { locateUnplacedQuotes } from "@/server/mutations/sources";

const started = Date.now();
const { sources, entries, placed } = await locateUnplacedQuotes();
if (entries > 0) {
  console.log(
    `Parley: looked for ${entries.toLocaleString("en")} unplaced quotes in ${sources.toLocaleString("en")} sources, placed ${placed.toLocaleString("en")}, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}
