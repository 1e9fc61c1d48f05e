"use client";

import { useEffect, type KeyboardEvent, type RefObject } from "react";
import { rovingMove } from "@/lib/roving";

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
    const r = grid.findIndex((row) => row.includes(target));
    if (r < 0) return;
    const to = rovingMove(
      grid.map((row) => row.length),
      { row: r, column: grid[r]!.indexOf(target) },
      event.key,
      event.ctrlKey,
      spec.across ? (row, column) => spec.across!(target, column, grid[row]!) : undefined,
    );
    if (!to) return;
    event.preventDefault();
    const next = grid[to.row]![to.column];
    if (!next || next === target) return;
    for (const a of grid.flat()) a.tabIndex = a === next ? 0 : -1;
    next.focus();
  };
}
