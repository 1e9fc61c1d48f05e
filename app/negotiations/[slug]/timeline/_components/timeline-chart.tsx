// The timeline as server-rendered SVG: milestones and month axis, one lane per issue (or per
// party), one link per mark.
import type { CSSProperties } from "react";
import { formatDay } from "@/lib/format";
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
  firmness: string | null;
  change: string;
}

export interface LaneView {
  /** The visible label, one or two lines. */
  lines: string[];
  fullName: string;
  /** A smaller line under the name (a party's role), or null. */
  sub: string | null;
  /** A party's colour swatch, or null (issue lanes). */
  colour: string | null;
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
            <line className={t.label ? "tl-grid tl-grid-labelled" : "tl-grid"} x1={t.x} x2={t.x} y1={t.label ? layout.axisTop + 4 : g.axisHeight - 8} y2={bottom} />
            {t.label ? (
              <text className="tl-month" x={t.x + 3} y={layout.axisTop + 14}>
                {t.label}
              </text>
            ) : null}
            {t.year ? (
              <text className="tl-year" x={t.x + 3} y={layout.axisTop + 28}>
                {t.year}
              </text>
            ) : null}
          </g>
        ))}
        <line className="tl-axis" x1={0} x2={layout.width} y1={g.axisHeight} y2={g.axisHeight} />
      </g>
      {layout.milestones.map((m) => (
        <g key={`${m.day}-${m.title}`} role="img" aria-label={`Milestone, ${formatDay(m.day)}: ${m.title}`} className="tl-milestone-marker">
          <line className="tl-milestone" x1={m.x} x2={m.x} y1={4 + m.row * 14} y2={bottom} />
          <path className="tl-milestone-flag" d={`M${m.x},${4 + m.row * 14} l6,3.5 l-6,3.5 Z`} />
          <text className="tl-milestone-label" x={m.x + 8} y={13 + m.row * 14}>
            {m.label}
          </text>
        </g>
      ))}
      {layout.lanes.map((lane) => {
        const party = lanes.get(lane.id);
        if (!party) return null;
        // The label's lines (name, then role) centred on the lane's middle, 13 units apart.
        const lines = party.lines.length + (party.sub ? 1 : 0);
        const firstY = lane.y + lane.height / 2 - ((lines - 1) * 13) / 2 + 4;
        const textX = party.colour ? 26 : 10;
        return (
          <g key={lane.id} data-lane={lane.id} role="group" aria-label={party.fullName}>
            <g className="tl-lane-label" aria-hidden="true">
              <title>{party.fullName}</title>
              {party.colour ? <circle cx={14} cy={firstY - 4} r={6} fill={party.colour} className="tl-swatch" /> : null}
              {party.lines.map((line, i) => (
                <text key={i} className="tl-party" x={textX} y={firstY + i * 13}>
                  {line}
                </text>
              ))}
              {party.sub ? (
                <text className="tl-role" x={textX} y={firstY + party.lines.length * 13}>
                  {party.sub}
                </text>
              ) : null}
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
                <MarkShape stance={m.item.stance} firmness={m.item.firmness} change={m.item.change} x={m.x} y={m.y} r={g.markRadius} />
              </a>
            ))}
          </g>
        );
      })}
    </svg>
  );
}
