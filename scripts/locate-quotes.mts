// npm run db:locate-quotes: stores the quote positions of entries saved without them
// (server/mutations/sources.ts locateUnplacedQuotes, docs/decisions/024). scripts/setup.mjs runs
// it after migrating; the bench runs it on its copy of the bench database.
import { locateUnplacedQuotes } from "@/server/mutations/sources";
import { plural } from "@/lib/format";

const started = Date.now();
const { sources, entries, placed } = await locateUnplacedQuotes();
if (entries > 0) {
  console.log(
    `Parley: looked for ${plural(entries, "unplaced quote")} in ${plural(sources, "source")}, placed ${placed.toLocaleString("en")}, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}
