// The timeline as server-rendered SVG: month axis, one lane per party, one link per mark.
import type { CSSProperties } from "react";
import type { TimelineLayout } from "@/lib/timeline";
import { daysBetween } from "@/lib/window";
import { MarkShape } from "./mark-shape";

export interface MarkView {
  key: string;
  day: string;
  href: string;
  /** Accessible name: party, issue, date, stance, change. The summary is its description. */
  label: string;
  summary: string;
  stance: string;
  change: string;
}

export interface LaneView {
  name: string;
  fullName: string;
  role: string;
  colour: string;
}

export function TimelineChart({ layout, lanes, title }: { layout: TimelineLayout<MarkView>; lanes: Map<number, LaneView>; title: string }) {
  const g = layout.geometry;
  const bottom = layout.height - 1;
  return (
    <svg className="tl-svg" viewBox={`0 0 ${layout.width} ${layout.height}`} role="group" aria-label={title}>
      {layout.lanes.map((lane, i) => (
        <rect key={lane.id} className={i % 2 ? "tl-lane tl-lane-odd" : "tl-lane"} x={0} y={lane.y} width={layout.width} height={lane.height} />
      ))}
      <g aria-hidden="true">
        {/* The scrubber's day: CSS moves it by the --asof days the client sets (see .tl-asof). */}
        <line
          className="tl-asof"
          x1={layout.x0}
          x2={layout.x0}
          y1={g.axisHeight}
          y2={bottom}
          style={{ "--per-day": (layout.x1 - layout.x0) / layout.domain.days } as CSSProperties}
        />
        {layout.ticks.map((t) => (
          <g key={t.day}>
            <line className={t.label ? "tl-grid tl-grid-labelled" : "tl-grid"} x1={t.x} x2={t.x} y1={t.label ? 4 : g.axisHeight - 8} y2={bottom} />
            {t.label ? (
              <text className="tl-month" x={t.x + 3} y={14}>
                {t.label}
              </text>
            ) : null}
            {t.year ? (
              <text className="tl-year" x={t.x + 3} y={28}>
                {t.year}
              </text>
            ) : null}
          </g>
        ))}
        <line className="tl-axis" x1={0} x2={layout.width} y1={g.axisHeight} y2={g.axisHeight} />
      </g>
      {layout.lanes.map((lane) => {
        const party = lanes.get(lane.id);
        if (!party) return null;
        const mid = lane.y + lane.height / 2;
        return (
          <g key={lane.id} data-lane={lane.id}>
            <g className="tl-lane-label" aria-hidden="true">
              <title>{party.fullName}</title>
              <circle cx={14} cy={mid - 5} r={6} fill={party.colour} className="tl-swatch" />
              <text className="tl-party" x={26} y={mid - 1}>
                {party.name}
              </text>
              <text className="tl-role" x={26} y={mid + 12}>
                {party.role}
              </text>
            </g>
            <line className="tl-lane-line" x1={0} x2={layout.width} y1={lane.y + lane.height} y2={lane.y + lane.height} />
            {lane.marks.map((m) => (
              <a
                key={m.item.key}
                href={m.item.href}
                className="tl-mark"
                data-mark={m.item.key}
                data-day={m.item.day}
                aria-label={m.item.label}
                aria-describedby={`tl-desc-${m.item.key}`}
                // Days into the chart: CSS compares it with the scrubber's --asof to fade later marks.
                style={{ "--o": daysBetween(layout.domain.start, m.item.day) } as CSSProperties}
              >
                <desc id={`tl-desc-${m.item.key}`}>{m.item.summary}</desc>
                <MarkShape stance={m.item.stance} change={m.item.change} x={m.x} y={m.y} r={g.markRadius} />
              </a>
            ))}
          </g>
        );
      })}
    </svg>
  );
}
