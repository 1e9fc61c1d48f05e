// The timeline's chart drawn from literal data (a story, rendered to markup): milestones as
// labelled vertical markers, lanes named by issue, each mark in its stance's shape and colour
// and its firmness's fill, named for a screen reader.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TimelineChart, type LaneView, type MarkView } from "@/app/negotiations/[slug]/timeline/_components/timeline-chart";
import { layoutTimeline } from "@/lib/timeline";
import { STANCE_COLOURS } from "@/lib/colour";

const mark = (key: string, day: string, stance: string, firmness: string | null): MarkView => ({
  key,
  day,
  href: `/x#${key}`,
  label: `Israel on Philadelphi corridor, ${day}: ${stance}`,
  summary: `${stance} summary`,
  stance,
  firmness,
  change: "new",
});

const lanes = new Map<number, LaneView>([
  [6, { lines: ["Philadelphi corridor"], fullName: "Philadelphi corridor", sub: null, colour: null }],
  [9, { lines: ["Hostage-prisoner", "exchange"], fullName: "Hostage-prisoner exchange", sub: null, colour: null }],
]);

function render(milestones: ReadonlyArray<{ day: string; title: string }>) {
  const layout = layoutTimeline<MarkView>(
    [
      { id: 6, marks: [mark("1-1", "2024-08-20", "rejects", "red_line"), mark("2-1", "2024-08-25", "concedes", "flexible")] },
      { id: 9, marks: [mark("3-2", "2024-07-07", "demands", null)] },
    ],
    undefined,
    milestones,
  )!;
  return renderToStaticMarkup(createElement(TimelineChart, { layout, lanes, title: "Timeline of positions on all issues, one lane per issue" }));
}

describe("TimelineChart", () => {
  it("draws each milestone as a labelled vertical marker named with its date", () => {
    const html = render([
      { day: "2024-08-22", title: "Cairo talks open" },
      { day: "2024-05-06", title: "Hamas accepts the Egyptian-Qatari proposal" },
    ]);
    expect(html).toContain('role="img" aria-label="Milestone, 22 Aug 2024: Cairo talks open"');
    expect(html).toContain('aria-label="Milestone, 6 May 2024: Hamas accepts the Egyptian-Qatari proposal"');
    expect(html).toContain(">Cairo talks open</text>");
    expect(html).toContain(">Hamas accepts the Egyptia…</text>");
    expect(html.match(/class="tl-milestone"/g)).toHaveLength(2);
  });

  it("draws no marker without milestones", () => {
    expect(render([])).not.toContain("Milestone");
  });

  it("names each lane by its issue, visibly and for screen readers, on two lines when long", () => {
    const html = render([]);
    expect(html).toContain('role="group" aria-label="Philadelphi corridor"');
    expect(html).toContain('role="group" aria-label="Hostage-prisoner exchange"');
    expect(html).toContain(">Hostage-prisoner</text>");
    expect(html).toContain(">exchange</text>");
  });

  it("draws each mark in its stance's colour, filled, hollow or outlined by firmness, and named", () => {
    const html = render([]);
    // Red line: an ink outline around the filled shape; flexible: hollow, stroked in the colour.
    expect(html).toContain(`fill="${STANCE_COLOURS.rejects}"`);
    expect(html).toContain('stroke="#111827"');
    expect(html).toContain(`fill="#fff" stroke="${STANCE_COLOURS.concedes}"`);
    expect(html).toContain(`fill="${STANCE_COLOURS.demands}"`);
    expect(html).toContain('aria-label="Israel on Philadelphi corridor, 2024-08-25: concedes"');
    expect(html).not.toMatch(/class="tl-letter"/);
  });
});
