// Development aid: prints each suggestion for one article file (dev set only).
import { readFileSync } from "node:fs";
import { suggestPositions } from "../lib/suggest/rules";
import { demoLexicon as lexicon } from "./demo-lexicon.mts";
const file = process.argv[2]!;
if (file.includes("held-out")) throw new Error("The held-out part is not read while tuning.");
const pn = new Map(lexicon.parties.map((p) => [p.id, p.name]));
const iname = new Map(lexicon.issues.map((p) => [p.id, p.name]));
for (const s of suggestPositions(readFileSync(file, "utf8"), lexicon)) console.log(`${s.partyIds.map((i) => pn.get(i)).join("+")} | ${iname.get(s.issueId)} | ${s.stance} ${s.firmness ?? ""} ${s.confidence}\n   ${s.reason}\n   “${s.quote.slice(0, 140)}”`);
