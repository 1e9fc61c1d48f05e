// Taxonomy care: the rules for reordering and merging a negotiation's parties and issues
// (docs/decisions/019-merging-issues-and-parties.md). Pure: the server applies them in one
// transaction (server/mutations/taxonomy.ts).

export type Direction = "up" | "down";

export function isDirection(value: unknown): value is Direction {
  return value === "up" || value === "down";
}

/**
 * The list's ids after moving `id` one place up or down, or null when it cannot move (not in the
 * list, or already first / last).
 */
export function moveInList(ids: readonly number[], id: number, direction: Direction): number[] | null {
  const from = ids.indexOf(id);
  const to = direction === "up" ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  next[from] = next[to]!;
  next[to] = id;
  return next;
}

/** What the status line says after a move (positions count from 1). */
export function movedMessage(name: string, position: number, total: number): string {
  return `${name} moved to position ${position} of ${total}.`;
}

export interface NamedParty {
  name: string;
  shortName: string;
  /** One per line, as stored. */
  aliases: string;
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((a) => a.trim())
    .filter(Boolean);
const fold = (s: string) => s.normalize("NFC").toLocaleLowerCase();

/**
 * The names a merged party brings to the party it is merged into, so that import and search
 * still find its statements by them: its name, short name and other names, each once, leaving
 * out what the target already goes by (compared without case).
 */
export function aliasesToAdd(target: NamedParty, merged: NamedParty): string[] {
  const known = new Set([target.name, target.shortName, ...lines(target.aliases)].filter(Boolean).map(fold));
  const added: string[] = [];
  for (const name of [merged.name, merged.shortName, ...lines(merged.aliases)].map((n) => n.trim())) {
    if (!name || known.has(fold(name))) continue;
    known.add(fold(name));
    added.push(name);
  }
  return added;
}

/** The target's other names with `added` appended (one per line, as stored). */
export function withAliases(aliases: string, added: readonly string[]): string {
  return [...lines(aliases), ...added].join("\n");
}

/**
 * Undoing a merge takes back exactly the names it added that are still there; names added or
 * removed by hand since are left as they are.
 */
export function withoutAliases(aliases: string, added: readonly string[]): string {
  const remove = new Set(added);
  return lines(aliases)
    .filter((a) => !remove.has(a))
    .join("\n");
}

/**
 * What a merge records in the merged record's `delete` revision, so that restoring it from the
 * trash can undo the merge. `entryIds`: entries whose issue (or party link) moved to the target;
 * `jointEntryIds` (parties only): joint statements that named both parties and so lost the
 * merged party's link; `addedAliases` (parties only): names added to the target.
 */
export interface MergeRecord {
  kind: "party" | "issue";
  targetId: number;
  targetName: string;
  entryIds: number[];
  jointEntryIds: number[];
  addedAliases: string[];
}

const ids = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => Number.isSafeInteger(x));

/** The merge kept in a revision's state, or null when the revision records no merge. */
export function mergeRecordOf(state: Record<string, unknown>): MergeRecord | null {
  const m = state.merge as Partial<MergeRecord> | undefined;
  if (!m || typeof m !== "object") return null;
  if ((m.kind !== "party" && m.kind !== "issue") || !Number.isSafeInteger(m.targetId) || typeof m.targetName !== "string") return null;
  if (!ids(m.entryIds) || !ids(m.jointEntryIds) || !Array.isArray(m.addedAliases) || !m.addedAliases.every((a) => typeof a === "string")) return null;
  return m as MergeRecord;
}

/** The confirmation's sentence: what a merge will do, in numbers. */
export function mergeSummary(kind: "party" | "issue", p: { name: string; target: string; entries: number; joint: number; aliases: readonly string[] }): string {
  const count = (n: number) => `${n} position ${n === 1 ? "entry" : "entries"}`;
  const parts = [
    kind === "issue"
      ? `${count(p.entries)} of “${p.name}” will move to “${p.target}”.`
      : `${count(p.entries)} of “${p.name}” will be credited to “${p.target}”${p.joint > 0 ? ` (${p.joint} of them ${p.joint === 1 ? "a joint statement that already names" : "joint statements that already name"} “${p.target}”)` : ""}.`,
  ];
  if (kind === "party") {
    parts.push(
      p.aliases.length > 0
        ? `“${p.target}” will also go by ${p.aliases.map((a) => `“${a}”`).join(", ")}.`
        : `“${p.target}” already goes by every name of “${p.name}”.`,
    );
  }
  parts.push(`“${p.name}” will go to the trash; restoring it from there undoes the merge.`);
  return parts.join(" ");
}
