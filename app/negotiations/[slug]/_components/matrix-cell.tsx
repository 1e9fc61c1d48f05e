import Link from "next/link";
import { formatDay, plural } from "@/lib/format";
import type { DetailedCell } from "@/lib/detailed-cell";
import { FirmnessTag, QuoteStatus, StanceBadge } from "@/components/stance";
import { ChangeBadge } from "@/components/change-badge";

/** One cell of the detailed matrix: the position in force on the as-of day, with its date, source and neighbours. */
export function MatrixCellView({
  cell,
  slug,
  historyHref,
  addHref,
}: {
  cell: DetailedCell;
  slug: string;
  historyHref: string;
  /** Where to add an entry to this cell; null for readers who cannot. */
  addHref: string | null;
}) {
  const entry = cell.entry;
  if (!entry) {
    return (
      <div className="cell">
        <span className="cell-empty">No position recorded</span>
        {cell.later > 0 ? (
          <span className="cell-marks">
            <Link href={historyHref} prefetch={false}>
              {plural(cell.later, "later entry", "later entries")} ▸
            </Link>
          </span>
        ) : addHref ? (
          <Link href={addHref} className="small" aria-label="Add a position entry to this cell" prefetch={false}>
            + Add
          </Link>
        ) : null}
      </div>
    );
  }
  return (
    <div className="cell">
      <div className="cell-top">
        <StanceBadge stance={entry.stance} />
        <FirmnessTag firmness={entry.firmness} />
        {cell.change ? <ChangeBadge change={cell.change.change} overridden={cell.change.overridden} /> : null}
      </div>
      <p className="cell-summary" dir="auto">
        {entry.summary}
      </p>
      {entry.jointWith.length > 0 ? <span className="cell-joint">Joint with {entry.jointWith.join(", ")}</span> : null}
      {entry.quoteMissing ? <QuoteStatus check="missing" /> : null}
      <span className="cell-meta">
        <span>{formatDay(entry.statedOn)}</span>
        <Link href={`/negotiations/${slug}/sources/${entry.source.id}`} title={entry.source.label} prefetch={false}>
          {entry.source.outlet || "source"}
        </Link>
      </span>
      {cell.earlier + cell.later > 0 ? (
        <span className="cell-marks">
          {cell.earlier > 0 ? (
            <Link href={historyHref} prefetch={false}>
              ◂ {plural(cell.earlier, "earlier", "earlier")}
            </Link>
          ) : null}
          {cell.later > 0 ? (
            <Link href={historyHref} prefetch={false}>
              {plural(cell.later, "later", "later")} ▸
            </Link>
          ) : null}
        </span>
      ) : null}
    </div>
  );
}
