// The as-of rule: what a party's position on an issue is on a given day.
//
// The position as of day D is the entry with the latest stated date on or before D. Two
// entries stated on the same day are ordered by when they were recorded (their id, which only
// grows): the later-recorded one wins, because an analyst who adds a second entry for the same
// day does so to supersede the first (a clarification, a correction reported later that day).
// Dates are YYYY-MM-DD strings, so string order is date order (docs/decisions/003).

export interface Dated {
  id: number;
  statedOn: string;
}

/** Sort key: date order, then recording order for ties. */
export function compareDated(a: Dated, b: Dated): number {
  if (a.statedOn !== b.statedOn) return a.statedOn < b.statedOn ? -1 : 1;
  return a.id - b.id;
}

/** The entry in force on `asOf`, or null when nothing was stated on or before it. */
export function positionAsOf<T extends Dated>(entries: readonly T[], asOf: string): T | null {
  let best: T | null = null;
  for (const entry of entries) {
    if (entry.statedOn > asOf) continue;
    if (best === null || compareDated(entry, best) > 0) best = entry;
  }
  return best;
}

/** How many entries of the cell lie before and after the one in force (for the cell's marks). */
export function neighbourCounts<T extends Dated>(entries: readonly T[], current: T | null, asOf: string) {
  let earlier = 0;
  let later = 0;
  for (const entry of entries) {
    if (current && entry.id === current.id) continue;
    if (entry.statedOn > asOf) later++;
    else earlier++;
  }
  return { earlier, later };
}
