import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/server/session";
import { listTrash } from "@/server/queries/revisions";
import { restoreAction } from "@/server/actions/trash";
import { RestoreButton } from "@/components/restore-button";

export const metadata: Metadata = { title: "Trash" };

const KIND: Record<string, string> = { negotiation: "Negotiation", party: "Party", issue: "Issue", source: "Source", entry: "Position entry" };

export default async function TrashPage({ searchParams }: { searchParams: Promise<{ restored?: string }> }) {
  await requirePageRole("editor", "/trash");
  const [rows, { restored }] = await Promise.all([listTrash(), searchParams]);
  return (
    <>
      <h1>Trash</h1>
      <p className="muted">Deleted records stay here, with their history, until someone restores them. Nothing in Parley is erased.</p>
      {restored ? (
        <p className="notice" role="status">
          Restored. It is back where it was.
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="empty">The trash is empty.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Deleted</th>
                <th scope="col">Kind</th>
                <th scope="col">Record</th>
                <th scope="col">Negotiation</th>
                <th scope="col">By</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.entityType}-${r.id}`}>
                  <td style={{ whiteSpace: "nowrap" }}>{r.deletedAt.toISOString().slice(0, 16).replace("T", " ")} UTC</td>
                  <td>{KIND[r.entityType]}</td>
                  <td>{r.label}</td>
                  <td>{r.negotiation.title}</td>
                  <td className="small">{r.deletedBy}</td>
                  <td>
                    <div className="row-actions">
                      <Link href={`/history/${r.entityType}/${r.id}`}>
                        History<span className="visually-hidden"> of {r.label}</span>
                      </Link>
                      <RestoreButton action={restoreAction.bind(null, r.entityType, r.id)} version={r.version} label={`Restore`} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
