// How one mark is drawn, shared by the chart and its legend: a disc in the stance's colour
// (the .tl-stance-* classes, same colours as the .stance-* badges) with the stance's letter,
// so colour is never the only cue, and a small badge for the changes that matter most.
import type { ChangeType } from "@/lib/change";
import type { Stance } from "@/lib/vocabulary";

/** One letter per stance, shown in the mark and explained by the legend. */
export const STANCE_LETTERS: Record<Stance, string> = {
  demands: "D",
  rejects: "R",
  conditions: "C",
  proposes: "P",
  supports: "S",
  accepts: "A",
  concedes: "G", // "gives ground": C is taken by "accepts with conditions"
  withdraws: "W",
};

/** Changes drawn as a badge on the mark; the others (new, unchanged, reworded) have none. */
export const BADGED_CHANGES = ["softened", "hardened", "reversed", "withdrawn"] as const satisfies readonly ChangeType[];

/** The badge at (x, y): ▽ hollow for softened, ▲ filled for hardened, ◆ for reversed, ✕ for withdrawn. */
export function ChangeBadge({ change, x, y }: { change: string; x: number; y: number }) {
  const s = 3.6;
  switch (change) {
    case "softened":
      return <polygon className="tl-badge tl-badge-hollow" points={`${x - s},${y - s * 0.8} ${x + s},${y - s * 0.8} ${x},${y + s}`} />;
    case "hardened":
      return <polygon className="tl-badge tl-badge-solid" points={`${x - s},${y + s * 0.8} ${x + s},${y + s * 0.8} ${x},${y - s}`} />;
    case "reversed":
      return <polygon className="tl-badge tl-badge-solid" points={`${x},${y - s} ${x + s},${y} ${x},${y + s} ${x - s},${y}`} />;
    case "withdrawn": {
      const d = `M${x - s * 0.8},${y - s * 0.8} L${x + s * 0.8},${y + s * 0.8} M${x + s * 0.8},${y - s * 0.8} L${x - s * 0.8},${y + s * 0.8}`;
      // Drawn twice, white under dark, so it shows on the grey "withdraws" disc too.
      return (
        <g className="tl-badge">
          <path className="tl-badge-cross-under" d={d} />
          <path className="tl-badge-cross" d={d} />
        </g>
      );
    }
    default:
      return null;
  }
}

/** The disc, its letter and its change badge, centred on (x, y). Decorative: the link around it carries the name. */
export function MarkShape({ stance, change, x, y, r }: { stance: string; change: string; x: number; y: number; r: number }) {
  const letter = STANCE_LETTERS[stance as Stance] ?? "?";
  return (
    <g className={`tl-stance-${stance}`} aria-hidden="true">
      <circle className="tl-ring" cx={x} cy={y} r={r + 3} />
      <circle className="tl-dot" cx={x} cy={y} r={r} />
      <text className="tl-letter" x={x} y={y} dy="0.35em" textAnchor="middle">
        {letter}
      </text>
      <ChangeBadge change={change} x={x + r * 0.8} y={y - r * 0.8} />
    </g>
  );
}
