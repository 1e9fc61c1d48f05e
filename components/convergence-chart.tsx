// The convergence chart: how many issues were opposed, open and compatible over time, as a
// server-rendered SVG step-area chart with a table alternative. Everything it draws comes from
// lib/convergence.ts convergenceChart (the gap view and the front page pass the same model).
import { formatDay, plural } from "@/lib/format";
import { countsSentence, type ConvergenceChart } from "@/lib/convergence";
import { GAP_LABELS, GAP_STATUSES, type GapStatus } from "@/lib/gap";

/** Fill, pattern ink and edge of each status: the gap view's badge colours, with a pattern each so colour is never the only cue. */
const LOOK: Record<GapStatus, { fill: string; ink: string; pattern: "hatch" | "dots" | "none" }> = {
  opposed: { fill: "#fecaca", ink: "#991b1b", pattern: "hatch" },
  open: { fill: "#fef3c7", ink: "#854d0e", pattern: "dots" },
  compatible: { fill: "#bbf7d0", ink: "#166534", pattern: "none" },
};

function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      {GAP_STATUSES.map((s) => {
        const { fill, ink, pattern } = LOOK[s];
        return (
          <pattern key={s} id={`${prefix}-${s}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform={pattern === "hatch" ? "rotate(45)" : undefined}>
            <rect width="6" height="6" fill={fill} />
            {pattern === "hatch" ? <line x1="0" y1="0" x2="0" y2="6" stroke={ink} strokeWidth="1.6" /> : null}
            {pattern === "dots" ? <circle cx="3" cy="3" r="1" fill={ink} /> : null}
          </pattern>
        );
      })}
    </defs>
  );
}

function Swatch({ prefix, status }: { prefix: string; status: GapStatus }) {
  return (
    <svg width="18" height="12" viewBox="0 0 18 12" aria-hidden="true" focusable="false" className="cv-swatch">
      <rect x="0.5" y="0.5" width="17" height="11" fill={`url(#${prefix}-${status})`} stroke={LOOK[status].ink} />
    </svg>
  );
}

export function ConvergenceChartView({ chart, id, compact = false }: { chart: ConvergenceChart | null; id: string; compact?: boolean }) {
  const headingId = `${id}-heading`;
  if (!chart) {
    return (
      <section className="convergence" aria-labelledby={headingId}>
        <h2 id={headingId}>Convergence over time</h2>
        <p className="muted small">No position entries yet: the chart shows how many issues are opposed, open and compatible once parties have stated positions.</p>
      </section>
    );
  }
  const { plot } = chart;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const range = `${formatDay(chart.firstDay)} to ${formatDay(chart.lastDay)}`;
  return (
    <section className={compact ? "convergence compact" : "convergence"} aria-labelledby={headingId}>
      <h2 id={headingId}>Convergence over time</h2>
      <p className="muted small">
        How many of the {plural(chart.issueCount, "issue")} were opposed, open and compatible on each day (the gap view&rsquo;s rule). Select a{" "}
        {chart.bandUnit === "day" ? "period" : "month"} to open the matrix as of that day.
      </p>
      <figure className="cv-figure">
        <svg viewBox={`0 0 ${chart.width} ${chart.height}`} className="cv-chart" aria-labelledby={titleId} aria-describedby={descId}>
          {/* One string each: React renders a <title> with several children differently on the server and in the browser. */}
          <title id={titleId}>{`Issues opposed, open and compatible, ${range}`}</title>
          <desc id={descId}>{`${chart.asOf.label}: ${countsSentence(chart.asOf.counts)}. The same figures are in the table below the chart.`}</desc>
          <Patterns prefix={id} />
          <g aria-hidden="true">
            {chart.yTicks.map((t) => (
              <g key={t.value}>
                <line x1={plot.left} x2={plot.right} y1={t.pos} y2={t.pos} className="cv-grid" />
                <text x={plot.left - 5} y={t.pos + 4} textAnchor="end" className="cv-tick">
                  {t.label}
                </text>
              </g>
            ))}
            {chart.layers.map((l) => (
              <g key={l.status}>
                <path d={l.path} fill={`url(#${id}-${l.status})`} />
                <path d={l.line} fill="none" stroke={LOOK[l.status].ink} strokeWidth="1.5" />
              </g>
            ))}
            <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} className="cv-axis" />
            {chart.xTicks.map((t) => (
              <g key={t.pos}>
                <line x1={t.pos} x2={t.pos} y1={plot.bottom} y2={plot.bottom + 4} className="cv-axis" />
                <text x={t.pos} y={plot.bottom + 17} textAnchor="middle" className="cv-tick">
                  {t.label}
                </text>
              </g>
            ))}
            {chart.milestones.map((m) => (
              <g key={`${m.number}`} className="cv-milestone">
                <line x1={m.x} x2={m.x} y1={plot.top - 2} y2={plot.bottom} />
                <circle cx={m.x} cy={plot.top - 10} r="8" />
                <text x={m.x} y={plot.top - 6} textAnchor="middle">
                  {m.number}
                </text>
              </g>
            ))}
            <g className="cv-as-of">
              <line x1={chart.asOf.x} x2={chart.asOf.x} y1={plot.top - 22} y2={plot.bottom} />
              <text x={chart.asOf.x + (chart.asOf.anchor === "start" ? 3 : chart.asOf.anchor === "end" ? -3 : 0)} y={plot.top - 24} textAnchor={chart.asOf.anchor}>
                {chart.asOf.label}
              </text>
            </g>
          </g>
          {chart.bands.map((b) => (
            <a key={b.day} href={b.href} aria-label={b.label} className="cv-band">
              <title>{b.label}</title>
              <rect x={b.x} y={plot.top} width={b.width} height={plot.bottom - plot.top} />
            </a>
          ))}
        </svg>
        <figcaption className="cv-legend small">
          <ul aria-label="Key">
            {GAP_STATUSES.map((s) => (
              <li key={s}>
                <Swatch prefix={id} status={s} /> {GAP_LABELS[s]}
              </li>
            ))}
            <li>
              <span className="cv-as-of-key" aria-hidden="true" /> {chart.asOf.label}: {countsSentence(chart.asOf.counts)}
            </li>
          </ul>
        </figcaption>
      </figure>
      {chart.milestones.length > 0 ? (
        <ol className="cv-milestones small" aria-label="Milestones on the chart">
          {chart.milestones.map((m) => (
            <li key={m.number} value={m.number}>
              {formatDay(m.day)}: {m.title}
            </li>
          ))}
        </ol>
      ) : null}
      <details className="cv-table">
        <summary>Show as table</summary>
        <table>
          <caption>
            Issues opposed, open and compatible {chart.bandUnit === "day" ? "from each day the counts changed" : "at the end of each month"} ({range})
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              {GAP_STATUSES.map((s) => (
                <th scope="col" key={s}>
                  {GAP_LABELS[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.bands.map((b) => (
              <tr key={b.day}>
                <th scope="row">
                  <a href={b.href}>{formatDay(b.day)}</a>
                </th>
                {GAP_STATUSES.map((s) => (
                  <td key={s}>{b.counts[s]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
