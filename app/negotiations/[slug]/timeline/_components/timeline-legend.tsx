// What the marks' shapes, colours, fills and badges mean.
import { CHANGE_HINTS, CHANGE_LABELS } from "@/lib/change";
import { FIRMNESS_LOOKS } from "@/lib/stance-palette";
import { FIRMNESS, FIRMNESS_LABELS, STANCE_HINTS, STANCE_LABELS, STANCES } from "@/lib/vocabulary";
import { BADGED_CHANGES, ChangeBadge, StanceGlyph } from "./mark-shape";

const LOOK_WORDS = { outlined: "filled and outlined", filled: "filled", hollow: "hollow" } as const;

export function TimelineLegend() {
  return (
    <section className="tl-legend" aria-labelledby="tl-legend-heading">
      <h2 id="tl-legend-heading" className="tl-legend-heading">
        Legend
      </h2>
      <ul aria-label="Stances">
        {STANCES.map((s) => (
          <li key={s} title={STANCE_HINTS[s]}>
            <svg viewBox="0 0 22 22" width="22" height="22" aria-hidden="true">
              <StanceGlyph stance={s} firmness="firm" x={11} y={11} r={7} />
            </svg>
            {STANCE_LABELS[s]}
          </li>
        ))}
      </ul>
      <ul aria-label="Firmness">
        {FIRMNESS.map((f) => (
          <li key={f}>
            <svg viewBox="0 0 22 22" width="22" height="22" aria-hidden="true">
              <StanceGlyph stance="accepts" firmness={f} x={11} y={11} r={6.5} />
            </svg>
            {FIRMNESS_LABELS[f]} ({LOOK_WORDS[FIRMNESS_LOOKS[f]]})
          </li>
        ))}
        <li className="muted">No firmness recorded: filled</li>
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
    </section>
  );
}
