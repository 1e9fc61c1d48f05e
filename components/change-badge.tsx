import { CHANGE_DIRECTION, CHANGE_HINTS, CHANGE_LABELS, type ChangeType } from "@/lib/change";
import type { DiffPart } from "@/lib/text-diff";

/** How an entry moved from the party's previous one: mark + label, "override" when an analyst set it. */
export function ChangeBadge({ change, overridden }: { change: ChangeType; overridden?: boolean }) {
  return (
    <span className={`change change-${change}`} title={CHANGE_HINTS[change]}>
      <span aria-hidden="true">{CHANGE_DIRECTION[change]} </span>
      {CHANGE_LABELS[change]}
      {overridden ? <span className="change-override"> (analyst override)</span> : null}
    </span>
  );
}

/** A word-level diff: removed words struck through, added words underlined. */
export function WordDiff({ parts }: { parts: DiffPart[] }) {
  return (
    <span className="word-diff">
      {parts.map((p, i) =>
        p.kind === "same" ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === "added" ? (
          <ins key={i}>
            <span className="visually-hidden">[added: </span>
            {p.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : (
          <del key={i}>
            <span className="visually-hidden">[removed: </span>
            {p.text}
            <span className="visually-hidden">]</span>
          </del>
        ),
      )}
    </span>
  );
}
