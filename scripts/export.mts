// npm run export -- --negotiation <slug> [--format json|csv] [--as-of YYYY-MM-DD] [--out <file>]
//   json (default): the whole negotiation (the exchange format, docs/decisions/013)
//   csv: all entries with their sources (the import's columns)
//   --as-of: the matrix as of that day instead, in the chosen format
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { exportEntriesCsv, exportMatrixCsv, exportNegotiationJson, jsonText, matrixRows } from "@/server/exchange/export";
import { viewDayParam } from "@/lib/search-params";
import { todayUTC } from "@/lib/day";
import { runOnNegotiation } from "./negotiation-script.mts";

const USAGE = "usage: npm run export -- --negotiation <slug> [--format json|csv] [--as-of YYYY-MM-DD] [--out <file>]";
const { values } = parseArgs({
  options: { negotiation: { type: "string" }, format: { type: "string", default: "json" }, "as-of": { type: "string" }, out: { type: "string" } },
});
function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}
if (!values.negotiation) fail("Name the negotiation with --negotiation <slug>.");
if (values.format !== "json" && values.format !== "csv") fail(`--format must be json or csv, not “${values.format}”.`);
let asOf: string | null = null;
if (values["as-of"] !== undefined) {
  const { day } = viewDayParam(values["as-of"], todayUTC());
  if (!day) fail(`--as-of must be a real day YYYY-MM-DD, not “${values["as-of"]}”.`);
  asOf = day;
}
await runOnNegotiation(values.negotiation, async (negotiation) => {
  const text = asOf
    ? values.format === "csv"
      ? await exportMatrixCsv(negotiation.id, asOf)
      : jsonText(await matrixRows(negotiation.id, asOf))
    : values.format === "csv"
      ? await exportEntriesCsv(negotiation.id)
      : await exportNegotiationJson(negotiation);
  if (values.out) {
    writeFileSync(values.out, text);
    console.error(`Wrote ${values.out}.`);
  } else process.stdout.write(text);
});
