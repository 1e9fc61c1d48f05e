import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  TIMELINE_GEOMETRY,
  dayAtOffset,
  dayDomain,
  dayScale,
  lanesWithin,
  lanesByIssue,
  layoutTimeline,
  MILESTONE_ROW,
  monthTicks,
  nextMonth,
  packLane,
  packRows,
  startOfMonth,
  placeMilestones,
  timelineLanes,
  wrapLabel,
} from "@/lib/timeline";
import { addDays } from "@/lib/window";

const m = (day: string, id = 0) => ({ day, id });

describe("month arithmetic", () => {
  it("finds the first of the month and of the next month, across a year end", () => {
    expect(startOfMonth("2024-08-25")).toBe("2024-08-01");
    expect(nextMonth("2024-08-25")).toBe("2024-09-01");
    expect(nextMonth("2024-12-31")).toBe("2025-01-01");
    expect(nextMonth("2024-02-29")).toBe("2024-03-01");
  });
});

describe("dayDomain: whole months around the days", () => {
  it("is null without days", () => {
    expect(dayDomain([])).toBeNull();
  });
  it("runs from the first of the earliest month to the first of the month after the latest day", () => {
    expect(dayDomain(["2025-10-09", "2024-05-06", "2024-08-25"])).toEqual({ start: "2024-05-01", end: "2025-11-01", days: 549 });
  });
  it("spans one whole month for a single day", () => {
    expect(dayDomain(["2024-02-10"])).toEqual({ start: "2024-02-01", end: "2024-03-01", days: 29 });
  });
});

describe("dayScale", () => {
  const domain = dayDomain(["2024-01-15"])!; // 2024-01-01 .. 2024-02-01, 31 days
  const xOf = dayScale(domain, 100, 410);

  it("maps the domain's ends to the plot's ends and is linear in days", () => {
    expect(xOf("2024-01-01")).toBe(100);
    expect(xOf("2024-02-01")).toBe(410);
    expect(xOf("2024-01-11")).toBeCloseTo(200);
  });
  it("never shifts a day with the timezone: the same day always gives the same x", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 31 }), (n) => {
        const day = addDays("2024-01-01", n);
        expect(xOf(day)).toBeCloseTo(100 + n * 10);
      }),
    );
  });
  it("dayAtOffset goes back from an offset to a day, clamped to the domain", () => {
    expect(dayAtOffset(domain, 0)).toBe("2024-01-01");
    expect(dayAtOffset(domain, 24)).toBe("2024-01-25");
    expect(dayAtOffset(domain, -5)).toBe("2024-01-01");
    expect(dayAtOffset(domain, 99)).toBe("2024-02-01");
    expect(dayAtOffset(domain, 2.6)).toBe("2024-01-04");
  });
});

describe("monthTicks", () => {
  const domain = dayDomain(["2024-05-06", "2025-10-09"])!; // May 2024 .. Nov 2025: 19 ticks
  it("puts a tick on the first of every month, end included, at its x", () => {
    const xOf = dayScale(domain, 0, 1900);
    const ticks = monthTicks(domain, xOf, 30);
    expect(ticks).toHaveLength(19);
    expect(ticks[0]).toMatchObject({ day: "2024-05-01", x: 0, label: "May", year: "2024" });
    expect(ticks.at(-1)).toMatchObject({ day: "2025-11-01", x: 1900, label: "Nov" });
  });
  it("shows the year on the first label and on each January only", () => {
    const ticks = monthTicks(domain, dayScale(domain, 0, 1900), 30);
    expect(ticks.filter((t) => t.year).map((t) => `${t.label} ${t.year}`)).toEqual(["May 2024", "Jan 2025"]);
  });
  it("labels fewer months when they would collide, keeping January labelled", () => {
    // 18 months over 300 units: ~16 units a month, so a 34-unit gap needs every 3rd month.
    const ticks = monthTicks(domain, dayScale(domain, 0, 300), 34);
    const labelled = ticks.filter((t) => t.label);
    expect(labelled.map((t) => t.label)).toEqual(["Jul", "Oct", "Jan", "Apr", "Jul", "Oct"]);
    expect(labelled[0]!.year).toBe("2024");
    expect(ticks.find((t) => t.day === "2025-01-01")!.year).toBe("2025");
    for (let i = 1; i < labelled.length; i++) expect(labelled[i]!.x - labelled[i - 1]!.x).toBeGreaterThanOrEqual(34);
  });
});

describe("packRows: marks that would overlap go into different rows", () => {
  const xOf = (day: string) => Number(day.slice(8, 10)) * 10; // day of month × 10

  it("keeps marks far enough apart in one row at their own dates", () => {
    const placed = packRows([m("2024-01-01"), m("2024-01-03"), m("2024-01-05")], xOf, 1, 15);
    expect(placed.map((p) => [p.x, p.row, p.shifted])).toEqual([
      [10, 0, false],
      [30, 0, false],
      [50, 0, false],
    ]);
  });
  it("stacks marks on the same day top-down in the order given", () => {
    const placed = packRows([m("2024-01-02", 1), m("2024-01-02", 2), m("2024-01-02", 3)], xOf, 3, 15);
    expect(placed.map((p) => [p.item.id, p.x, p.row])).toEqual([
      [1, 20, 0],
      [2, 20, 1],
      [3, 20, 2],
    ]);
  });
  it("also stacks marks on nearby days closer than the spacing", () => {
    const placed = packRows([m("2024-01-02"), m("2024-01-03")], xOf, 2, 15);
    expect(placed.map((p) => [p.x, p.row])).toEqual([
      [20, 0],
      [30, 1],
    ]);
  });
  it("pushes marks right, flagged as shifted, when every row is taken", () => {
    const placed = packRows([m("2024-01-02", 1), m("2024-01-02", 2), m("2024-01-02", 3)], xOf, 2, 15);
    expect(placed.map((p) => [p.item.id, p.x, p.row, p.shifted])).toEqual([
      [1, 20, 0, false],
      [2, 20, 1, false],
      [3, 35, 0, true],
    ]);
    expect(placed[2]!.ideal).toBe(20);
  });
  it("refuses zero rows", () => {
    expect(() => packRows([], xOf, 0, 15)).toThrow(RangeError);
  });
  it("never overlaps two marks in one row, whatever the days (property)", () => {
    const days = fc.array(fc.integer({ min: 1, max: 28 }), { maxLength: 40 }).map((ns) => ns.sort((a, b) => a - b).map((n) => m(`2024-02-${String(n).padStart(2, "0")}`)));
    fc.assert(
      fc.property(days, fc.integer({ min: 1, max: 6 }), (items, rows) => {
        const placed = packRows(items, xOf, rows, 15);
        for (let r = 0; r < rows; r++) {
          const xs = placed.filter((p) => p.row === r).map((p) => p.x);
          for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(15 - 1e-9);
        }
        for (const p of placed) expect(p.x).toBeGreaterThanOrEqual(p.ideal);
      }),
    );
  });
});

describe("packLane: as few rows as keep marks at their dates", () => {
  const xOf = (day: string) => Number(day.slice(8, 10)) * 10;
  const options = { spacing: 15, maxRows: 4, tolerance: 5 };

  it("uses one row for an empty or sparse lane", () => {
    expect(packLane([], xOf, options).rows).toBe(1);
    expect(packLane([m("2024-01-01"), m("2024-01-10")], xOf, options).rows).toBe(1);
  });
  it("grows to the size of the biggest same-day group", () => {
    const lane = packLane([m("2024-01-01"), m("2024-01-05"), m("2024-01-05"), m("2024-01-05"), m("2024-01-20")], xOf, options);
    expect(lane.rows).toBe(3);
    expect(lane.marks.every((p) => !p.shifted)).toBe(true);
  });
  it("stops at maxRows and shifts the rest", () => {
    const lane = packLane(Array.from({ length: 6 }, (_, i) => m("2024-01-05", i)), xOf, options);
    expect(lane.rows).toBe(4);
    expect(lane.marks.filter((p) => p.shifted)).toHaveLength(2);
  });
});

describe("layoutTimeline", () => {
  const g = TIMELINE_GEOMETRY;

  it("returns null when there are no marks", () => {
    expect(layoutTimeline([{ id: 1, marks: [] }])).toBeNull();
  });
  it("stacks lanes under the axis, each as tall as its rows need, never below the minimum", () => {
    const layout = layoutTimeline([
      { id: 1, marks: [m("2024-05-06"), m("2024-08-25")] },
      { id: 2, marks: [m("2024-08-25", 1), m("2024-08-25", 2), m("2024-08-25", 3)] },
      { id: 3, marks: [] },
    ])!;
    expect(layout.domain).toMatchObject({ start: "2024-05-01", end: "2024-09-01" });
    expect(layout.x0).toBe(g.labelWidth);
    expect(layout.x1).toBe(g.width - g.rightPad);
    const [a, b, c] = layout.lanes;
    expect(a).toMatchObject({ id: 1, y: g.axisHeight, rows: 1, height: g.minLaneHeight });
    expect(b).toMatchObject({ id: 2, y: g.axisHeight + g.minLaneHeight, rows: 3, height: 3 * g.rowHeight + 2 * g.lanePad });
    expect(c).toMatchObject({ id: 3, rows: 1, height: g.minLaneHeight, marks: [] });
    expect(layout.height).toBe(c!.y + c!.height + 1);
  });
  it("keeps every mark inside its lane and same-day marks one row apart", () => {
    const layout = layoutTimeline([{ id: 2, marks: [m("2024-08-25", 1), m("2024-08-25", 2), m("2024-08-25", 3)] }])!;
    const lane = layout.lanes[0]!;
    const ys = lane.marks.map((p) => p.y);
    expect(ys[1]! - ys[0]!).toBe(g.rowHeight);
    expect(ys[2]! - ys[1]!).toBe(g.rowHeight);
    for (const p of lane.marks) {
      expect(p.y - g.markRadius).toBeGreaterThanOrEqual(lane.y);
      expect(p.y + g.markRadius).toBeLessThanOrEqual(lane.y + lane.height);
      // The domain is August 2024 (31 days); the 25th is 24 days in.
      expect(p.x).toBeCloseTo(layout.x0 + (24 / 31) * (layout.x1 - layout.x0));
    }
  });
  it("is as wide as the geometry says, wider only when pushed-right marks need it", () => {
    expect(layoutTimeline([{ id: 1, marks: [m("2024-05-06"), m("2024-05-31")] }])!.width).toBe(g.width);
    // A crowd on the last day of the month: more marks than rows, pushed past the plot's end.
    const crowd = Array.from({ length: 6 * g.maxRows }, (_, i) => m("2024-05-31", i));
    const layout = layoutTimeline([{ id: 1, marks: crowd }])!;
    const rightmost = Math.max(...layout.lanes[0]!.marks.map((p) => p.x));
    expect(rightmost).toBeGreaterThan(g.width - g.markRadius);
    expect(layout.width).toBeGreaterThanOrEqual(rightmost + g.markRadius);
  });
  it("centres a one-row lane's marks vertically", () => {
    const lane = layoutTimeline([{ id: 1, marks: [m("2024-05-06")] }])!.lanes[0]!;
    expect(lane.marks[0]!.y).toBe(lane.y + lane.height / 2);
  });
});

describe("finding 8 (dates): an entry dated outside Parley's range does not break the timeline", () => {
  it("lays out the other marks and leaves a 9999-12-31 or 0000-01-15 mark out instead of throwing", () => {
    const lanes = [{ id: 1, marks: [m("2024-05-06", 1), m("9999-12-31", 2)] }, { id: 2, marks: [m("0000-01-15", 3)] }];
    const layout = layoutTimeline(lanes)!;
    expect(layout.domain).toMatchObject({ start: "2024-05-01", end: "2024-06-01" });
    expect(layout.lanes.flatMap((l) => l.marks.map((mk) => mk.item.id))).toEqual([1]);
    expect(layout.width).toBe(layout.geometry.width);
  });
  it("lanesWithin says which marks lie outside the days shown", () => {
    const lanes = [{ id: 1, marks: [m("2024-05-06", 1), m("2027-01-01", 2), m("not a day", 3)] }];
    const { lanes: kept, outside } = lanesWithin(lanes, "1900-01-01", "2026-12-31");
    expect(kept[0]!.marks.map((mk) => mk.id)).toEqual([1]);
    expect(outside.map((mk) => mk.id)).toEqual([2, 3]);
  });
});

describe("timelineLanes: one lane per party, a mark per entry", () => {
  let nextId = 1;
  const entry = (statedOn: string, partyIds: number[], issueId: number, stance: string, firmness: string | null = null) => ({
    id: nextId++,
    statedOn,
    partyIds,
    issueId,
    stance,
    firmness,
    summary: `${stance} on ${issueId}`,
    quote: "",
    changeOverride: null,
  });
  const ISRAEL = 1;
  const HAMAS = 2;
  const PIJ = 3;
  const PHILADELPHI = 10;
  const BLOCKADE = 11;
  const entries = [
    entry("2024-08-20", [ISRAEL], PHILADELPHI, "rejects", "firm"),
    entry("2024-08-25", [HAMAS, PIJ], BLOCKADE, "demands"),
    entry("2024-08-25", [ISRAEL], PHILADELPHI, "concedes", "flexible"),
    entry("2024-06-01", [HAMAS], BLOCKADE, "proposes"),
    entry("2024-08-25", [ISRAEL], BLOCKADE, "rejects"),
  ];

  it("gives every party a lane in the order given, empty ones too, and none to unknown parties", () => {
    const lanes = timelineLanes(entries, [PIJ, ISRAEL, 99]);
    expect(lanes.map((l) => l.id)).toEqual([PIJ, ISRAEL, 99]);
    expect(lanes[2]!.marks).toEqual([]);
    expect(lanes.flatMap((l) => l.marks).some((mk) => mk.partyId === HAMAS)).toBe(false);
  });
  it("puts a joint entry in each named party's lane, with that party's own change type", () => {
    const lanes = timelineLanes(entries, [ISRAEL, HAMAS, PIJ]);
    const hamas = lanes[1]!.marks;
    const pij = lanes[2]!.marks;
    const joint = entries[1]!;
    expect(hamas.map((mk) => mk.key)).toEqual([`${entries[3]!.id}-${HAMAS}`, `${joint.id}-${HAMAS}`]);
    expect(pij.map((mk) => mk.key)).toEqual([`${joint.id}-${PIJ}`]);
    // Hamas moved from proposing to demanding; for Islamic Jihad it is a first position.
    expect(hamas[1]!.entry.change).toBe("hardened");
    expect(pij[0]!.entry.change).toBe("new");
  });
  it("keeps each lane in date order, same-day entries in recording order", () => {
    const israel = timelineLanes(entries, [ISRAEL])[0]!.marks;
    expect(israel.map((mk) => [mk.day, mk.entry.id])).toEqual([
      ["2024-08-20", entries[0]!.id],
      ["2024-08-25", entries[2]!.id],
      ["2024-08-25", entries[4]!.id],
    ]);
  });
  it("filters by issue without changing any entry's change type", () => {
    const israel = timelineLanes(entries, [ISRAEL, HAMAS], PHILADELPHI);
    expect(israel[0]!.marks.map((mk) => [mk.entry.stance, mk.entry.change])).toEqual([
      ["rejects", "new"],
      ["concedes", "softened"],
    ]);
    expect(israel[1]!.marks).toEqual([]);
  });

  it("regroups the same marks into one lane per issue (issue order, empty lanes kept), date order, joint marks in party order", () => {
    const byParty = timelineLanes(entries, [ISRAEL, HAMAS, PIJ]);
    const lanes = lanesByIssue(byParty, [BLOCKADE, 99, PHILADELPHI]);
    expect(lanes.map((l) => l.id)).toEqual([BLOCKADE, 99, PHILADELPHI]);
    expect(lanes[1]!.marks).toEqual([]);
    const joint = entries[1]!;
    expect(lanes[0]!.marks.map((mk) => mk.key)).toEqual([
      `${entries[3]!.id}-${HAMAS}`,
      `${joint.id}-${HAMAS}`,
      `${joint.id}-${PIJ}`,
      `${entries[4]!.id}-${ISRAEL}`,
    ]);
    expect(lanes[2]!.marks.map((mk) => [mk.entry.stance, mk.entry.change])).toEqual([
      ["rejects", "new"],
      ["concedes", "softened"],
    ]);
    // Regrouping keeps every mark and what it says.
    const all = (ls: typeof byParty) => ls.flatMap((l) => l.marks).map((mk) => `${mk.key} ${mk.entry.change}`).sort();
    expect(all(lanes)).toEqual(all(byParty));
  });
});

describe("wrapLabel: a lane's name on at most two lines", () => {
  it("keeps a short name on one line", () => {
    expect(wrapLabel("Permanent ceasefire", 24, 2)).toEqual(["Permanent ceasefire"]);
  });
  it("breaks between words", () => {
    expect(wrapLabel("Return of displaced people to the north", 24, 2)).toEqual(["Return of displaced", "people to the north"]);
  });
  it("ends with an ellipsis what does not fit, and cuts a word longer than a line", () => {
    expect(wrapLabel("one two three four five six seven eight", 9, 2)).toEqual(["one two", "three…"]);
    const cut = wrapLabel("Hostage-prisoner-exchange-sequencing", 10, 2);
    expect(cut).toHaveLength(1);
    expect(cut[0]).toBe("Hostage-p…");
  });
  it("never returns a line longer than the width or more lines than asked", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,15}$/), { minLength: 1, maxLength: 12 }), fc.integer({ min: 4, max: 30 }), fc.integer({ min: 1, max: 3 }), (words, width, lines) => {
        const out = wrapLabel(words.join(" "), width, lines);
        expect(out.length).toBeGreaterThan(0);
        expect(out.length).toBeLessThanOrEqual(lines);
        for (const line of out) expect(line.length).toBeLessThanOrEqual(width);
        // Nothing is lost silently: either every word is shown or the label ends with "…".
        if (!out[out.length - 1]!.endsWith("…")) expect(out.join(" ")).toBe(words.join(" "));
      }),
    );
  });
});

describe("milestones: labelled vertical markers", () => {
  const milestones = [
    { day: "2024-08-25", title: "Cairo talks" },
    { day: "2024-05-06", title: "Hamas accepts the Egyptian-Qatari proposal" },
    { day: "2024-08-27", title: "Doha round" },
  ];
  it("places each at its day, oldest first, near labels on the other line, long titles cut", () => {
    const xOf = (day: string) => (day === "2024-05-06" ? 100 : day === "2024-08-25" ? 400 : 410);
    const placed = placeMilestones(milestones, xOf);
    expect(placed.map((p) => [p.day, p.x, p.row])).toEqual([
      ["2024-05-06", 100, 0],
      ["2024-08-25", 400, 0],
      ["2024-08-27", 410, 1],
    ]);
    expect(placed[0]!.label).toBe("Hamas accepts the Egyptia…");
    expect(placed[0]!.title).toBe("Hamas accepts the Egyptian-Qatari proposal");
    expect(placed[1]!.label).toBe("Cairo talks");
  });
  it("never lets a label run into the next marker on its line: it is cut, or left blank when there is no room", () => {
    const crowded = [
      { day: "2024-05-31", title: "Biden presents the three-phase plan" },
      { day: "2024-06-10", title: "Security Council backs the plan" },
      { day: "2024-08-16", title: "Talks in Doha" },
      { day: "2024-08-25", title: "Talks in Cairo" },
      { day: "2024-08-26", title: "Next day" },
    ];
    const at: Record<string, number> = { "2024-05-31": 252, "2024-06-10": 275, "2024-08-16": 400, "2024-08-25": 420, "2024-08-26": 423 };
    const placed = placeMilestones(crowded, (d) => at[d]!);
    for (const [i, p] of placed.entries()) {
      const next = placed.slice(i + 1).find((q) => q.row === p.row);
      if (next) expect(p.x + 8 + p.label.length * 6.5, `${p.title} ends before ${next.title}`).toBeLessThanOrEqual(next.x - 4);
      expect(p.title).toBe(crowded[i]!.title);
    }
    expect(placed[0]!.label.endsWith("…")).toBe(true);
    expect(placed.map((p) => p.label)).toContain("Next day");
  });
  it("leaves out a milestone dated outside Parley's days", () => {
    expect(placeMilestones([{ day: "9999-12-31", title: "x" }, { day: "not a day", title: "y" }], () => 0)).toEqual([]);
  });
  it("widens the axis to every milestone and makes room for their labels above the months", () => {
    const lanes = [{ id: 1, marks: [m("2024-08-20")] }];
    const plain = layoutTimeline(lanes)!;
    const marked = layoutTimeline(lanes, undefined, milestones)!;
    expect(plain.milestones).toEqual([]);
    expect(plain.axisTop).toBe(0);
    expect(marked.domain.start).toBe("2024-05-01");
    expect(marked.milestones.map((p) => p.day)).toEqual(["2024-05-06", "2024-08-25", "2024-08-27"]);
    expect(marked.axisTop).toBe(2 * MILESTONE_ROW + 4);
    expect(marked.lanes[0]!.y).toBe(plain.lanes[0]!.y + marked.axisTop);
    for (const p of marked.milestones) expect(p.x).toBeGreaterThanOrEqual(marked.x0);
  });
});
