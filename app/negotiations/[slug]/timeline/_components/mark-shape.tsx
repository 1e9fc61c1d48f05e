// How one mark is drawn, shared by the chart and its legend: the stance's shape in the stance's
// colour (lib/stance-palette.ts), filled, hollow or outlined by firmness, so neither colour nor a
// letter is the only cue, and a small badge for the changes that matter most.
import type { ChangeType } from "@/lib/change";
import { MARK_INK, markStyle, shapePath, type MarkShapeName } from "@/lib/stance-palette";

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

/** A stance's shape in its colour and firmness's look, centred on (x, y). */
export function StanceGlyph({ stance, firmness, x, y, r }: { stance: string; firmness: string | null; x: number; y: number; r: number }) {
  const { shape, colour, look } = markStyle(stance, firmness);
  return <ShapeOutline shape={shape} colour={colour} look={look} x={x} y={y} r={r} />;
}

function ShapeOutline({ shape, colour, look, x, y, r }: { shape: MarkShapeName; colour: string; look: string; x: number; y: number; r: number }) {
  const d = shapePath(shape, x, y, r);
  return (
    <>
      {look === "outlined" ? <path d={shapePath(shape, x, y, r + 2.6)} fill="#fff" stroke={MARK_INK} strokeWidth={1.8} strokeLinejoin="round" /> : null}
      <path
        className="tl-dot"
        d={d}
        fill={look === "hollow" ? "#fff" : colour}
        stroke={look === "hollow" ? colour : "#fff"}
        strokeWidth={look === "hollow" ? 2.2 : 1}
        strokeLinejoin="round"
      />
    </>
  );
}

/** The mark centred on (x, y): focus ring, shape and change badge. Decorative: the link around it carries the name. */
export function MarkShape({ stance, firmness, change, x, y, r }: { stance: string; firmness: string | null; change: string; x: number; y: number; r: number }) {
  return (
    <g aria-hidden="true">
      <circle className="tl-ring" cx={x} cy={y} r={r + 5} />
      <StanceGlyph stance={stance} firmness={firmness} x={x} y={y} r={r} />
      <ChangeBadge change={change} x={x + r * 0.9} y={y - r * 0.9} />
    </g>
  );
}
