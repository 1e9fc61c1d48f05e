import { Fragment } from "react";
import { partyTint } from "@/lib/colour";
import { textRuns, type WorkbenchEntry } from "@/lib/workbench";

type Party = { name: string; colour: string };

/**
 * The article's text with every located quote highlighted in its party's colour: a light tint
 * behind dark text and a line in the party's colour under it (readable on every palette
 * colour); a joint statement striped with each party's tint, a dashed line, and "joint" in its
 * name. Each highlight links to its entry in the list beside the text; where quotes overlap,
 * the run links to the innermost and carries a second line.
 */
export function SourceText({
  text,
  entries,
  parties,
  numbers,
}: {
  text: string;
  entries: ReadonlyArray<WorkbenchEntry & { partyIds: number[] }>;
  parties: Map<number, Party>;
  /** Each entry's number in the list beside the text (reading order). */
  numbers: Map<number, number>;
}) {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return (
    <>
      {textRuns(text, entries).map((run) => {
        const anchors = run.startsQuoteOf.map((id) => <span key={`a${id}`} id={`quote-${id}`} className="quote-anchor" />);
        const entry = run.entryIds.length ? byId.get(run.entryIds[0]!) : undefined;
        if (!entry) return <Fragment key={run.start}>{[...anchors, run.text]}</Fragment>;
        const own = entry.partyIds.map((id) => parties.get(id)).filter((p): p is Party => Boolean(p));
        const joint = own.length > 1;
        const colours = own.map((p) => p.colour);
        const tints = colours.map((c) => partyTint(c));
        const style = joint
          ? {
              background: `repeating-linear-gradient(135deg, ${tints.map((t, i) => `${t} ${i * 0.45}em ${(i + 1) * 0.45}em`).join(", ")})`,
              borderBottomColor: colours[0],
            }
          : { background: tints[0] ?? "#f3f4f6", borderBottomColor: colours[0] ?? "#4b5563" };
        const who = `${own.map((p) => p.name).join(" and ")}${joint ? ", joint statement" : ""}`;
        const also = run.entryIds.length > 1 ? `; also quoted by entry ${run.entryIds.slice(1).map((id) => numbers.get(id)).join(", ")}` : "";
        return (
          <Fragment key={run.start}>
            {anchors}
            <a
              href={`#entry-${entry.id}`}
              className="quote-link"
              aria-label={`${run.text.trim()} (${who}, entry ${numbers.get(entry.id)}${also})`}
            >
              <mark className={`quote-mark${joint ? " joint" : ""}${run.entryIds.length > 1 ? " overlap" : ""}`} style={style}>
                {run.text}
              </mark>
            </a>
          </Fragment>
        );
      })}
    </>
  );
}
