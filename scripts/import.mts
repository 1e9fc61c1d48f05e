// npm run import -- --negotiation <slug> [--title "…"] [--dry-run] [--create-missing] <file>
//   <file>.csv: entries (the export's columns) into the negotiation, created when no negotiation
//   has that short name; <file>.json: a whole negotiation made by the export, into a new one.
// All or nothing: any problem (each named by line and column) and nothing is saved.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { getDb } from "@/server/db";
import { importEntriesCsv, importNegotiationJson, isNegotiationFile, type ImportResult } from "@/server/exchange/import";
import { problemText } from "@/lib/exchange/csv";
import { createdLines } from "@/lib/exchange/import-events";
import { plural } from "@/lib/format";
import { runAsTrustedScript } from "@/server/trusted-script";

const USAGE = 'usage: npm run import -- --negotiation <slug> [--title "…"] [--dry-run] [--create-missing] <file>';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { negotiation: { type: "string" }, title: { type: "string" }, "dry-run": { type: "boolean" }, "create-missing": { type: "boolean" } },
});
const file = positionals[0];
if (!file || positionals.length > 1) {
  console.error(`Name one file to import.\n${USAGE}`);
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, "utf8");
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as Error).message}`);
  process.exit(2);
}
const negotiationFile = isNegotiationFile(file, text);
if (!negotiationFile && !values.negotiation) {
  console.error(`Name the negotiation with --negotiation <slug>.\n${USAGE}`);
  process.exit(2);
}

const ACTOR = "cli";
const started = Date.now();
let result: ImportResult;
try {
  const common = { title: values.title, dryRun: values["dry-run"], actor: ACTOR };
  // Run by whoever holds the database: the read check lets the script through (server/trusted-script.ts).
  result = await runAsTrustedScript(() =>
    negotiationFile
      ? importNegotiationJson(text, { ...common, slug: values.negotiation })
      : importEntriesCsv(text, {
          ...common,
          slug: values.negotiation!,
          createMissing: values["create-missing"],
          onProgress: (done, total) => console.error(`… ${done} of ${total} rows`),
        }),
  );
} finally {
  await (await getDb()).$disconnect();
}
if (result.extraColumns.length) console.error(`Ignored column${result.extraColumns.length === 1 ? "" : "s"}: ${result.extraColumns.join(", ")}.`);
for (const problem of result.problems) console.error(problemText(problem));
const c = result.created;
// One line per kind of record, as the import page lists them (lib/exchange/import-events.ts).
const what = [c.negotiation ? `the negotiation “${c.negotiation}”` : null, ...createdLines(c)].filter(Boolean).join("; ");
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (!result.ok) {
  console.error(`${plural(result.problems.length, "problem")}: nothing was saved.`);
  process.exitCode = 1;
} else if (result.dryRun) console.log(`Dry run, no problems: the import would create ${what}. Nothing was saved.`);
else console.log(`Imported into “${result.slug}” in ${seconds} s: created ${what}.`);
