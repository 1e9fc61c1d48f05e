"use client";

import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";

/**
 * The ARIA grid pattern over a server-rendered table (role="grid"): one tab stop, arrow keys
 * move between cells, Home/End to the row's ends, Ctrl+Home/End to the corners, Enter follows
 * the cell's link (its details). Without JavaScript every cell link stays in the tab order.
 * The same roving focus drives the timeline marks (data-grid-item).
 */
export function MatrixGrid({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const items = rows(ref.current).flat();
    if (items.length === 0) return;
    const active = items.find((a) => a.closest("[data-active]")) ?? items[0]!;
    for (const a of items) a.tabIndex = a === active ? 0 : -1;
  }, [children]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const grid = rows(ref.current);
    const target = event.target as HTMLElement;
    let r = grid.findIndex((row) => row.includes(target as HTMLAnchorElement));
    if (r < 0) return;
    let c = grid[r]!.indexOf(target as HTMLAnchorElement);
    const last = grid.length - 1;
    switch (event.key) {
      case "ArrowRight": c = Math.min(c + 1, grid[r]!.length - 1); break;
      case "ArrowLeft": c = Math.max(c - 1, 0); break;
      case "ArrowDown": r = Math.min(r + 1, last); break;
      case "ArrowUp": r = Math.max(r - 1, 0); break;
      case "Home": if (event.ctrlKey) r = 0; c = 0; break;
      case "End": if (event.ctrlKey) r = last; c = grid[r]!.length - 1; break;
      default: return;
    }
    event.preventDefault();
    const next = grid[r]![Math.min(c, grid[r]!.length - 1)];
    if (!next || next === target) return;
    for (const a of grid.flat()) a.tabIndex = a === next ? 0 : -1;
    next.focus();
  }

  return (
    <div ref={ref} className={className} onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}

/** The grid's cell links, row by row. */
function rows(root: HTMLElement | null): HTMLAnchorElement[][] {
  if (!root) return [];
  return [...root.querySelectorAll<HTMLElement>('[role="row"]')]
    .map((row) => [...row.querySelectorAll<HTMLAnchorElement>('[role="gridcell"] a')])
    .filter((row) => row.length > 0);
}
