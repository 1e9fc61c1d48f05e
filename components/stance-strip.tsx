// Strips across time (lib/stance-strip.ts): a party's stance and firmness on an issue, or an
// issue's gap status, as segments. The bar is a picture (aria-hidden); its text alternative is
// the list of segments beside it, read by screen readers. Not colour alone: each segment carries
// its label, firmness sets the segment's height (red line full, firm three quarters, flexible
// half) and a withdrawal is an empty dashed stretch. Stance colours are the shared .stance-*
// classes (app/globals.css), gap colours the gap view's .gap-* classes.
import type { ReactNode } from "react";
import type { GapStatus } from "@/lib/gap";
import { GAP_LABELS } from "@/lib/gap";
import { formatDay } from "@/lib/format";
import { positionLabel } from "@/lib/position-words";
import type { StanceValue, StripAxis, StripSegment } from "@/lib/stance-strip";

const pct = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

export interface StripMarks {
  /** Where the as-of day sits (0 … 1), drawn as a line; null off the axis. */
  asOfAt?: number | null;
  milestones?: ReadonlyArray<{ day: string; title: string; at: number }>;
}

interface Drawn {
  key: string;
  start: number;
  width: number;
  className: string;
  text: string;
  /** The segment in words, for the text alternative. */
  words: string;
}

function span(s: { from: string; to: string }): string {
  return s.from === s.to ? `On ${formatDay(s.from)}` : `${formatDay(s.from)} to ${formatDay(s.to)}`;
}

function StripBar({ label, drawn, empty, marks }: { label: string; drawn: Drawn[]; empty: string; marks: StripMarks }) {
  return (
    <div className="strip">
      <div className="strip-bar" aria-hidden="true">
        {drawn.map((d) => (
          <span key={d.key} className={`strip-seg ${d.className}`} style={{ left: pct(d.start), width: pct(d.width) }}>
            <span className="strip-text">{d.text}</span>
          </span>
        ))}
        {(marks.milestones ?? []).map((m) => (
          <span key={`${m.day}-${m.title}`} className="strip-milestone" style={{ left: pct(m.at) }} />
        ))}
        {marks.asOfAt != null ? <span className="strip-asof" style={{ left: pct(marks.asOfAt) }} /> : null}
      </div>
      {drawn.length === 0 ? (
        <p className="visually-hidden">{label}: {empty}</p>
      ) : (
        <ol className="visually-hidden" aria-label={label}>
          {drawn.map((d) => (
            <li key={d.key}>{d.words}</li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** One cell's stance and firmness over time. */
export function StanceStrip({ label, segments, marks = {} }: { label: string; segments: ReadonlyArray<StripSegment<StanceValue>>; marks?: StripMarks }) {
  const drawn = segments.map((s) => {
    const withdrawn = s.value.stance === "withdraws";
    return {
      key: `${s.from}-${s.value.entryId}`,
      start: s.start,
      width: s.width,
      className: withdrawn ? "strip-withdrawn" : `stance-${s.value.stance} strip-firmness-${s.value.firmness ?? "unstated"}`,
      text: positionLabel(s.value),
      words: `${span(s)}: ${positionLabel(s.value)}`,
    };
  });
  return <StripBar label={label} drawn={drawn} empty="no position recorded" marks={marks} />;
}

/** An issue's gap status over time (the gap view's rule on each day). */
export function GapStrip({ label, segments, marks = {} }: { label: string; segments: ReadonlyArray<StripSegment<GapStatus>>; marks?: StripMarks }) {
  const drawn = segments.map((s) => ({
    key: s.from,
    start: s.start,
    width: s.width,
    className: `gap-${s.value}`,
    text: GAP_LABELS[s.value],
    words: `${span(s)}: ${GAP_LABELS[s.value]}`,
  }));
  return <StripBar label={label} drawn={drawn} empty="no position recorded" marks={marks} />;
}

/** The first and last day of the strips' axis, and the milestones on it, named in visible text. */
export function StripAxisLegend({ axis, milestones = [], children }: { axis: StripAxis; milestones?: StripMarks["milestones"]; children?: ReactNode }) {
  return (
    <div className="strip-axis small muted">
      <span>{formatDay(axis.first)}</span>
      {children}
      <span>{formatDay(axis.last)}</span>
      {milestones && milestones.length > 0 ? (
        <ul className="strip-milestones" aria-label="Milestones">
          {milestones.map((m) => (
            <li key={`${m.day}-${m.title}`}>
              <span aria-hidden="true">◆ </span>
              {formatDay(m.day)}: <bdi>{m.title}</bdi>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
