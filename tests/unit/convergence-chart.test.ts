// The chart's markup: real links with names, milestones as labelled markers, the table alternative.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ConvergenceChartView } from "@/components/convergence-chart";
import { convergenceChart, type ConvergenceSeries } from "@/lib/convergence";

const series: ConvergenceSeries = {
  issueCount: 3,
  before: { opposed: 0, open: 3, compatible: 0 },
  points: [
    { day: "2024-05-06", opposed: 0, open: 2, compatible: 1 },
    { day: "2024-06-02", opposed: 1, open: 1, compatible: 1 },
    { day: "2024-06-03", opposed: 1, open: 1, compatible: 1 },
    { day: "2024-08-25", opposed: 0, open: 1, compatible: 2 },
  ],
};
const render = (milestones: ReadonlyArray<{ day: string; title: string }>) =>
  renderToStaticMarkup(createElement(ConvergenceChartView, { chart: convergenceChart(series, { asOf: "2024-06-10", matrixHref: "/negotiations/x", milestones }), id: "cv" }));

describe("ConvergenceChartView", () => {
  const html = render([{ day: "2024-07-01", title: "Doha round" }]);

  it("links each change to the matrix as of its day, named with its counts", () => {
    expect(html.match(/<a [^>]*class="cv-band"/g)).toHaveLength(3);
    expect(html).toContain('href="/negotiations/x?asOf=2024-06-02" aria-label="Matrix on 2 Jun 2024: 1 opposed, 1 open, 1 compatible"');
  });

  it("marks the as-of day and says its counts in words", () => {
    expect(html).toContain("As of 10 Jun 2024: 1 opposed, 1 open, 1 compatible");
  });

  it("draws milestones as numbered markers listed with their day and title", () => {
    expect(html).toMatch(/class="cv-milestone"[\s\S]*?>1<\/text>/);
    expect(html).toContain('aria-label="Milestones on the chart"');
    expect(html).toContain("1 Jul 2024: Doha round");
    expect(render([])).not.toContain("Milestones on the chart");
  });

  it("has a table alternative with one row per change", () => {
    expect(html).toContain("<summary>Show as table</summary>");
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(3);
    expect(html).toContain('<th scope="row"><a href="/negotiations/x?asOf=2024-08-25">25 Aug 2024</a></th><td>0</td><td>1</td><td>2</td>');
  });

  it("says so when there is nothing to draw", () => {
    const empty = renderToStaticMarkup(createElement(ConvergenceChartView, { chart: null, id: "cv" }));
    expect(empty).toContain("No position entries yet");
  });
});
