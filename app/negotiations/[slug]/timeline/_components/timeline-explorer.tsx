"use client";

// What the server-rendered chart cannot do alone: the as-of scrubber (a range over the chart's
// days, aligned with its x axis, fading the marks after the chosen day) and the details of the
// mark under the pointer or with keyboard focus, shown next to it.
import Link from "next/link";
import { useCallback, useEffect, useId, useRef, useState, type CSSProperties, type ReactNode } from "react";
import { StanceBadge } from "@/components/stance";
import { formatDay } from "@/lib/format";
import { nearestDayIndex } from "@/lib/roving";
import { addDays, daysBetween } from "@/lib/window";
import { useRovingFocus, type RovingRows } from "../../_components/roving-focus";

export interface MarkDetail {
  day: string;
  party: string;
  issue: string;
  stance: string;
  firmness: string | null;
  change: string;
  changeGlyph: string;
  overridden: boolean;
  jointWith: string[];
  summary: string;
}

interface Anchor {
  key: string;
  x: number;
  /** Top and bottom of the mark, relative to the canvas. */
  top: number;
  bottom: number;
  below: boolean;
  /** The canvas's height and its part visible in the scroll box, to keep the details in view. */
  height: number;
  visibleLeft: number;
  visibleWidth: number;
}

const TOOLTIP_WIDTH = 288;

const dayOf = (mark: HTMLElement) => mark.getAttribute("data-day") ?? "";

/**
 * The marks as rows for the roving focus: one row per lane, its marks in time order (a lane
 * packs close marks on several lines, so document order is not time order). Up/Down moves to
 * the mark nearest in time in the next lane that has marks; of two as near, the earlier.
 */
const TIMELINE_ROWS: RovingRows = {
  rows: (root) =>
    [...root.querySelectorAll<HTMLElement>("[data-lane]")]
      .map((lane) => [...lane.querySelectorAll<HTMLElement>("[data-mark]")].sort((a, b) => (dayOf(a) < dayOf(b) ? -1 : dayOf(a) > dayOf(b) ? 1 : 0)))
      .filter((lane) => lane.length > 0),
  across: (from, _column, lane) => nearestDayIndex(lane.map(dayOf), dayOf(from), daysBetween),
};

export function TimelineExplorer({
  matrixHref,
  domainStart,
  domainDays,
  initialOffset,
  plot,
  details,
  children,
}: {
  matrixHref: string;
  domainStart: string;
  domainDays: number;
  initialOffset: number;
  /** The plotting area as percentages of the chart's width, to align the slider with the x axis. */
  plot: { left: number; width: number };
  details: Record<string, MarkDetail>;
  children: ReactNode;
}) {
  const rangeId = useId();
  const canvas = useRef<HTMLDivElement>(null);
  const hideTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [offset, setOffset] = useState(initialOffset);
  const [hover, setHover] = useState<Anchor | null>(null);
  const [focus, setFocus] = useState<Anchor | null>(null);
  const day = addDays(domainStart, offset);
  const roving = useRovingFocus(canvas, TIMELINE_ROWS, children);

  useEffect(() => () => {
    if (hideTimer.current) clearTimeout(hideTimer.current);
  }, []);

  const anchorOf = useCallback((el: Element): Anchor | null => {
    const key = el.getAttribute("data-mark");
    const box = canvas.current;
    if (!key || !box) return null;
    const c = box.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    const mid = (r.top + r.bottom) / 2 - c.top;
    return {
      key,
      x: (r.left + r.right) / 2 - c.left,
      top: r.top - c.top,
      bottom: r.bottom - c.top,
      below: mid < c.height / 2,
      height: box.clientHeight,
      // On a phone the canvas is wider than the screen and scrolls sideways in its box.
      visibleLeft: box.parentElement?.scrollLeft ?? 0,
      visibleWidth: box.parentElement?.clientWidth ?? box.clientWidth,
    };
  }, []);

  const markOf = (target: EventTarget | null) => (target instanceof Element ? target.closest("[data-mark]") : null);
  const cancelHide = () => {
    if (hideTimer.current) clearTimeout(hideTimer.current);
    hideTimer.current = null;
  };

  const shown = hover ?? focus;
  const detail = shown ? details[shown.key] : undefined;
  let tooltipStyle: CSSProperties | undefined;
  if (shown) {
    const width = Math.min(TOOLTIP_WIDTH, shown.visibleWidth - 8);
    const min = shown.visibleLeft + 4;
    const max = shown.visibleLeft + shown.visibleWidth - width - 4;
    const left = Math.max(min, Math.min(shown.x - width / 2, max));
    tooltipStyle = shown.below ? { left, top: shown.bottom + 6, width } : { left, bottom: shown.height - shown.top + 6, width };
  }

  return (
    <>
      <div className="tl-scrubber">
        <label htmlFor={rangeId}>As-of date for the matrix</label>
        <output htmlFor={rangeId} className="tl-scrubber-day">
          {formatDay(day)}
        </output>
        <Link className="button primary" href={`${matrixHref}?asOf=${day}`}>
          Open the matrix as of {formatDay(day)}
        </Link>
        <span className="small muted">Marks after this day are faded; the slider sits under the dates it stands for.</span>
      </div>
      <div className="tl-scroll">
        <div
          ref={canvas}
          className="tl-canvas"
          // Read by the chart's CSS: fades marks after this day and places the as-of line.
          style={{ "--asof": offset } as CSSProperties}
          onFocus={(e) => {
            const mark = markOf(e.target);
            // The latest thing reached wins: focus moving on replaces a hovered mark's details.
            setHover(null);
            setFocus(mark ? anchorOf(mark) : null);
          }}
          onBlur={(e) => {
            if (!markOf(e.relatedTarget)) setFocus(null);
          }}
          onMouseOver={(e) => {
            const mark = markOf(e.target);
            if (mark) {
              cancelHide();
              setHover(anchorOf(mark));
            } else if (e.target instanceof Element && e.target.closest("[role=tooltip]")) {
              // The pointer may move onto the details to read or select them (WCAG 1.4.13).
              cancelHide();
            } else if (!hideTimer.current) {
              hideTimer.current = setTimeout(() => {
                hideTimer.current = null;
                setHover(null);
              }, 200);
            }
          }}
          onMouseLeave={() => {
            cancelHide();
            setHover(null);
          }}
          onKeyDown={(e) => {
            roving(e);
            if (e.key === "Escape" && shown) {
              setHover(null);
              setFocus(null);
            }
          }}
        >
          <input
            id={rangeId}
            type="range"
            className="tl-range"
            min={0}
            max={domainDays}
            step={1}
            value={offset}
            aria-valuetext={formatDay(day)}
            onChange={(e) => setOffset(Number(e.target.value))}
            style={{ marginLeft: `calc(${plot.left}% - 10px)`, width: `calc(${plot.width}% + 20px)` }}
          />
          {children}
          {shown && detail ? (
            <div role="tooltip" className="tl-tooltip" style={tooltipStyle}>
              <p className="tl-tooltip-head">
                <strong>
                  <bdi>{detail.party}</bdi>
                </strong>{" "}
                on <bdi>{detail.issue}</bdi>
              </p>
              <p className="small">{formatDay(detail.day)}</p>
              <p className="tl-tooltip-marks">
                <StanceBadge stance={detail.stance} />
                {detail.firmness ? <span className="small muted">{detail.firmness}</span> : null}
                <span className="small">
                  {detail.change} <span aria-hidden="true">{detail.changeGlyph}</span>
                  {detail.overridden ? " (set by analyst)" : ""}
                </span>
              </p>
              <p dir="auto">{detail.summary}</p>
              {detail.jointWith.length > 0 ? <p className="small muted">Joint statement with {detail.jointWith.join(", ")}</p> : null}
              <p className="small muted">Enter or click opens the entry · Esc hides this</p>
            </div>
          ) : null}
        </div>
      </div>
    </>
  );
}
