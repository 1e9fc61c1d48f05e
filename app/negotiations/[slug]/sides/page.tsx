import Link from "next/link";
import { notFound } from "next/navigation";
import { canEdit, getViewer } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { listParties } from "@/server/queries/parties-and-issues";
import { listSides } from "@/server/queries/sides";
import { ReorderStatus } from "@/components/reorder";
import { RowActions } from "../_components/taxonomy";
import { titled } from "../_components/page-title";
import { SideForm } from "./_components/side-form";
import { PARTY_PALETTE } from "@/lib/colour";

export const generateMetadata = titled("Sides");

/** A negotiation's sides: groups of allied parties, compared with each other in the gap view (docs/decisions/027-sides.md). */
export default async function SidesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const negotiation = await getNegotiation(slug);
  if (!negotiation) notFound();
  const [sides, parties, viewer] = await Promise.all([listSides(negotiation.id), listParties(negotiation.id), getViewer()]);
  const editor = canEdit(viewer);
  const colourName = (colour: string) => PARTY_PALETTE.find((p) => p.colour === colour)?.name ?? colour;
  const ungrouped = parties.filter((p) => !sides.some((s) => s.id === p.sideId));
  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href={`/negotiations/${slug}/parties`}>Parties</Link> /
      </p>
      <h2 style={{ marginTop: 0 }}>Sides ({sides.length})</h2>
      <p className="muted">
        Parties of one side are allies: the <Link href={`/negotiations/${slug}/gaps`}>gap view</Link> compares sides, never allies with each
        other. A party without a side is a side of its own. Put a party on a side from its{" "}
        <Link href={`/negotiations/${slug}/parties`}>edit form</Link> (“Side”).
      </p>
      {sides.length === 0 ? (
        <p className="empty">No side yet: every party is a side of its own.</p>
      ) : (
        <ReorderStatus>
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Side</th>
                  <th scope="col">Colour</th>
                  <th scope="col">Parties</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sides.map((s, index) => {
                  const members = parties.filter((p) => p.sideId === s.id);
                  return (
                    <tr key={s.id}>
                      <td dir="auto">
                        <span className="swatch" style={{ background: s.colour }} aria-hidden="true" />
                        {s.name}
                      </td>
                      <td>{colourName(s.colour)}</td>
                      <td>
                        {members.length === 0 ? (
                          <span className="muted">None yet</span>
                        ) : (
                          members.map((p, i) => (
                            <span key={p.id}>
                              {i > 0 ? ", " : null}
                              <Link href={`/negotiations/${slug}/parties/${p.id}`} dir="auto">
                                {p.name}
                              </Link>
                            </span>
                          ))
                        )}
                      </td>
                      <td>{editor ? <RowActions kind="side" slug={slug} record={s} position={index + 1} total={sides.length} /> : null}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </ReorderStatus>
      )}
      {ungrouped.length > 0 && sides.length > 0 ? (
        <p className="small">
          Without a side: {ungrouped.map((p) => p.name).join(", ")}.
        </p>
      ) : null}
      {editor ? <h2>Add a side</h2> : null}
      {editor ? <SideForm slug={slug} submissionId={crypto.randomUUID()} usedColours={sides.map((s) => s.colour)} /> : null}
    </div>
  );
}
