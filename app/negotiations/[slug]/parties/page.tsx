import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { canEdit, getViewer } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { listParties } from "@/server/queries/parties-and-issues";
import { listSides } from "@/server/queries/sides";
import { PARTY_ROLE_LABELS, type PartyRole } from "@/lib/vocabulary";
import { PartyForm } from "./_components/party-form";
import { titled } from "../_components/page-title";
import { MergedNotice } from "../_components/merged-notice";
import { ReorderStatus } from "@/components/reorder";
import { RowActions } from "../_components/taxonomy";
import { firstValue, type SearchValue } from "@/lib/search-params";
import { parseId } from "@/lib/form";

export const generateMetadata = titled("Parties");

export default async function PartiesPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ merged?: SearchValue }> }) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const negotiation = await getNegotiation(slug);
  if (!negotiation) notFound();
  const [parties, sides, viewer] = await Promise.all([listParties(negotiation.id), listSides(negotiation.id), getViewer()]);
  const editor = canEdit(viewer);
  return (
    <div className="page-narrow">
      <h2 style={{ marginTop: 0 }}>Parties ({parties.length})</h2>
      <p className="small">
        <Link href={`/negotiations/${slug}/sides`}>Sides</Link>: {sides.length === 0 ? "none yet; group allied parties into sides for the gap view." : sides.map((s) => s.name).join(", ")}
      </p>
      <MergedNotice kind="party" target={parties.find((r) => r.id === parseId(firstValue(query.merged)))} />
      {parties.length === 0 ? (
        <p className="empty">No party yet. Add the sides, mediators and observers whose positions you track.</p>
      ) : (
        <ReorderStatus>
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Name</th>
                <th scope="col" className="wide-only">Short name</th>
                <th scope="col">Role</th>
                <th scope="col">Side</th>
                <th scope="col" className="wide-only">Other names</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {parties.map((p, index) => (
                <tr key={p.id}>
                  <td>{p.order}</td>
                  <td>
                    <span className="swatch" style={{ background: p.colour }} aria-hidden="true" />
                    <Link href={`/negotiations/${slug}/parties/${p.id}`} dir="auto">
                      {p.name}
                    </Link>
                  </td>
                  <td className="wide-only">{p.shortName}</td>
                  <td>{PARTY_ROLE_LABELS[p.role as PartyRole] ?? p.role}</td>
                  <td dir="auto">{sides.find((s) => s.id === p.sideId)?.name ?? ""}</td>
                  <td className="wide-only">{p.aliases.split("\n").filter(Boolean).join(", ")}</td>
                  <td>
                    {editor ? <RowActions kind="party" slug={slug} record={p} position={index + 1} total={parties.length} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        </ReorderStatus>
      )}
      {editor ? <h2>Add a party</h2> : null}
      {editor ? <PartyForm slug={slug} submissionId={crypto.randomUUID()} nextOrder={Math.max(0, ...parties.map((p) => p.order)) + 1} otherParties={parties} sides={sides} /> : null}
    </div>
  );
}
