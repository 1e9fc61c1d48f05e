"use client";

import { useRef, type MouseEventHandler, type ReactNode } from "react";
import { useRovingFocus, type RovingRows } from "./roving-focus";

/**
 * The ARIA grid pattern over a server-rendered table (role="grid"): one tab stop, arrow keys
 * move between cells, Home/End to the row's ends, Ctrl+Home/End to the corners, Enter follows
 * the cell's link (its details). Without JavaScript every cell link stays in the tab order.
 * The same roving focus (./roving-focus) drives the timeline marks.
 */
export function MatrixGrid({ children, className, onClick }: { children: ReactNode; className?: string; onClick?: MouseEventHandler<HTMLDivElement> }) {
  const ref = useRef<HTMLDivElement>(null);
  const onKeyDown = useRovingFocus(ref, MATRIX_ROWS, children);
  return (
    <div ref={ref} className={className} onKeyDown={onKeyDown} onClick={onClick}>
      {children}
    </div>
  );
}

const MATRIX_ROWS: RovingRows = {
  /** The grid's links, row by row: the row header's (the issue page), then the cells'. */
  rows: (root) =>
    [...root.querySelectorAll<HTMLElement>('[role="row"]')]
      .map((row) => [...row.querySelectorAll<HTMLAnchorElement>('[role="rowheader"] a, [role="gridcell"] a')])
      .filter((row) => row.length > 0),
  initial: (items) => items.find((a) => a.closest("[data-active]")),
};
