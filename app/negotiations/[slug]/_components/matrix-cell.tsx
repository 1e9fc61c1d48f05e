import Link from "next/link";
import { formatDay, plural } from "@/lib/format";
import type { MatrixCell as Cell } from "@/lib/matrix";
import type { EntryView } from "@/server/queries/entries";
import { FirmnessTag, QuoteStatus, StanceBadge } from "@/components/stance";
import { ChangeBadge } from "@/components/change-badge";
import type { ChangeInfo } from "@/lib/history";
import { sourceLabel } from "@/lib/source-label";

/** One cell: the position in force on the as-of day, with its date, source and neighbours. */
export function MatrixCellView({
  cell,
  slug,
  partyNames,
  historyHref,
  addHref,
  change,
}: {
  cell: Cell<EntryView>;
  slug: string;
  partyNames: Map<number, string>;
  historyHref: string;
  /** Where to add an entry to this cell; null for readers who cannot. */
  addHref: string | null;
  /** The move to mark, when the position changed within the chosen window. */
  change: ChangeInfo | null;
}) {
  const entry = cell.current;
  if (!entry) {
    return (
      <div className="cell">
        <span className="cell-empty">No position recorded</span>
        {cell.later > 0 ? (
          <span className="cell-marks">
            <Link href={historyHref}>{plural(cell.later, "later entry", "later entries")} ▸</Link>
          </span>
        ) : addHref ? (
          <Link href={addHref} className="small" aria-label="Add a position entry to this cell">
            + Add
          </Link>
        ) : null}
      </div>
    );
  }
  const others = entry.partyIds.filter((id) => id !== cell.partyId && partyNames.has(id)).map((id) => partyNames.get(id));
  return (
    <div className="cell">
      <div className="cell-top">
        <StanceBadge stance={entry.stance} />
        <FirmnessTag firmness={entry.firmness} />
        {change ? <ChangeBadge change={change.change} overridden={change.overridden} /> : null}
      </div>
      <p className="cell-summary" dir="auto">
        {entry.summary}
      </p>
      {others.length > 0 ? <span className="cell-joint">Joint with {others.join(", ")}</span> : null}
      {entry.quoteStatus === "missing" ? <QuoteStatus check="missing" /> : null}
      <span className="cell-meta">
        <span>{formatDay(entry.statedOn)}</span>
        <Link href={`/negotiations/${slug}/sources/${entry.source.id}`} title={sourceLabel(entry.source)}>
          {entry.source.outlet || "source"}
        </Link>
      </span>
      {cell.earlier + cell.later > 0 ? (
        <span className="cell-marks">
          {cell.earlier > 0 ? <Link href={historyHref}>◂ {plural(cell.earlier, "earlier", "earlier")}</Link> : null}
          {cell.later > 0 ? <Link href={historyHref}>{plural(cell.later, "later", "later")} ▸</Link> : null}
        </span>
      ) : null}
    </div>
  );
}
