"use client";

import { useEffect, type KeyboardEvent, type RefObject } from "react";

/**
 * Roving focus over rows of focusable items (the ARIA grid pattern's keyboard part): one tab
 * stop, arrow keys move, Home/End to the row's ends, Ctrl+Home/End to the first and last rows.
 * Enter is the focused link's own. Used by the overview matrix (rows of cells) and the timeline
 * (lanes of marks); each says what its rows are and where Up/Down lands in the next row.
 */
export interface RovingRows {
  /** The focusable items, row by row (empty rows left out). */
  rows(root: HTMLElement): HTMLElement[][];
  /** Where Up/Down lands in the row it moves to; by default the same column. */
  across?(from: HTMLElement, column: number, row: HTMLElement[]): number;
  /** The item that holds the tab stop when the content changes; by default the first. */
  initial?(items: HTMLElement[]): HTMLElement | undefined;
}

export function useRovingFocus(ref: RefObject<HTMLElement | null>, spec: RovingRows, content: unknown) {
  useEffect(() => {
    if (!ref.current) return;
    const items = spec.rows(ref.current).flat();
    if (items.length === 0) return;
    const active = spec.initial?.(items) ?? items[0]!;
    for (const a of items) a.tabIndex = a === active ? 0 : -1;
    // The spec is a module constant in both uses; only the content changes what is there.
  }, [content]);

  return function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (!ref.current) return;
    const grid = spec.rows(ref.current);
    const target = event.target as HTMLElement;
    let r = grid.findIndex((row) => row.includes(target));
    if (r < 0) return;
    let c = grid[r]!.indexOf(target);
    const last = grid.length - 1;
    const from = r;
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
    if (r !== from && (event.key === "ArrowDown" || event.key === "ArrowUp") && spec.across) c = spec.across(target, c, grid[r]!);
    const next = grid[r]![Math.max(0, Math.min(c, grid[r]!.length - 1))];
    if (!next || next === target) return;
    for (const a of grid.flat()) a.tabIndex = a === next ? 0 : -1;
    next.focus();
  };
}
