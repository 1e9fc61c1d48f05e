// What the marks' colours, letters and badges mean.
import { CHANGE_HINTS, CHANGE_LABELS } from "@/lib/change";
import { STANCE_HINTS, STANCE_LABELS, STANCES } from "@/lib/vocabulary";
import { BADGED_CHANGES, ChangeBadge, MarkShape } from "./mark-shape";

export function TimelineLegend() {
  return (
    <div className="tl-legend" role="group" aria-label="Legend">
      <ul aria-label="Stances">
        {STANCES.map((s) => (
          <li key={s} title={STANCE_HINTS[s]}>
            <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
              <MarkShape stance={s} change="new" x={10} y={10} r={8} />
            </svg>
            {STANCE_LABELS[s]}
          </li>
        ))}
      </ul>
      <ul aria-label="Changes">
        {BADGED_CHANGES.map((c) => (
          <li key={c} title={CHANGE_HINTS[c]}>
            <svg viewBox="0 0 10 10" width="15" height="15" aria-hidden="true">
              <ChangeBadge change={c} x={5} y={5} />
            </svg>
            {CHANGE_LABELS[c]}
          </li>
        ))}
        <li className="muted">No badge: new position, unchanged or reworded</li>
      </ul>
    </div>
  );
}
