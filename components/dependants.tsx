import Link from "next/link";
import { formatDay, plural } from "@/lib/format";
import type { listDependants } from "@/server/queries/entries";

type Dependants = Awaited<ReturnType<typeof listDependants>>;

/**
 * On a party's, issue's or source's delete form: the position entries that leave the matrix
 * while it is in the trash (server/live.ts), so the editor sees them before deciding.
 */
export function DependantsList({
  dependants,
  slug,
  partyNames,
  issueNames,
  listHref,
}: {
  dependants: Dependants;
  slug: string;
  partyNames: Map<number, string>;
  issueNames: Map<number, string>;
  /** A page listing all of them, when there is one (a party's profile, a source's page). */
  listHref?: string;
}) {
  const { count, entries } = dependants;
  if (count === 0) return <p className="small">No position entry depends on it.</p>;
  return (
    <div className="dependants">
      <p>
        <strong>
          {plural(count, "position entry", "position entries")} {count === 1 ? "depends" : "depend"} on it
        </strong> (joint statements included): they leave the
        matrix, counts and histories while it is in the trash, and come back unchanged when it is restored.
        {listHref ? (
          <>
            {" "}
            <Link href={listHref}>See them all</Link>
          </>
        ) : null}
      </p>
      <details>
        <summary>
          {count > entries.length ? `The ${entries.length} most recent of the ${count}` : `The ${plural(count, "entry", "entries")}`}
        </summary>
        <ul className="small">
          {entries.map((e) => (
            <li key={e.id}>
              <Link href={`/negotiations/${slug}/cells/${e.partyIds[0]}/${e.issueId}`}>
                {formatDay(e.statedOn)} · {e.partyIds.map((id) => partyNames.get(id) ?? "?").join(" + ")} on {issueNames.get(e.issueId) ?? "?"}
              </Link>
              : {e.summary}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

/** The delete confirmation's question, with the count of entries that would leave the matrix. */
export function trashQuestion(what: string, count: number): string {
  return count === 0
    ? `Move ${what} to the trash? No position entry depends on it.`
    : `Move ${what} to the trash? ${plural(count, "position entry", "position entries")} depending on it will leave the matrix until it is restored.`;
}
