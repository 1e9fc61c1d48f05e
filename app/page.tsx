import Link from "next/link";
import { listNegotiations } from "@/server/queries/negotiations";
import { canEdit, getViewer } from "@/server/session";
import { formatDay, plural } from "@/lib/format";
import { lastUpdatedByNegotiation } from "@/server/queries/overview";
import { LastUpdated } from "@/components/last-updated";

export default async function HomePage() {
  // listNegotiations checks that this request may read (server/session.ts requireReader).
  const [negotiations, viewer, updated] = await Promise.all([listNegotiations(), getViewer(), lastUpdatedByNegotiation()]);
  return (
    <>
      <div className="toolbar" style={{ justifyContent: "space-between" }}>
        <h1>Negotiations</h1>
        {canEdit(viewer) ? (
          <span style={{ display: "flex", flexWrap: "wrap", gap: ".6rem" }}>
            <Link href="/negotiations/import" className="button">
              Import a negotiation file
            </Link>
            <Link href="/negotiations/new" className="button primary">
              New negotiation
            </Link>
          </span>
        ) : null}
      </div>
      {negotiations.length === 0 ? (
        <p className="empty">No negotiation yet. Create one to start recording positions.</p>
      ) : (
        <ul className="cards">
          {negotiations.map((n) => (
            <li key={n.id} className="card">
              <h2>
                <Link href={`/negotiations/${n.slug}`} dir="auto">
                  {n.title}
                </Link>
              </h2>
              {n.description ? <p className="muted small">{n.description}</p> : null}
              <ul className="counts" aria-label="Counts">
                <li>{plural(n.counts.parties, "party", "parties")}</li>
                <li>{plural(n.counts.issues, "issue")}</li>
                <li>{plural(n.counts.sources, "source")}</li>
                <li>{plural(n.counts.entries, "position entry", "position entries")}</li>
              </ul>
              <p className="small">
                {n.lastEntryOn ? <>Latest entry stated on {formatDay(n.lastEntryOn)}</> : <>No position recorded yet</>}
                <LastUpdated at={updated.get(n.id) ?? null} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
