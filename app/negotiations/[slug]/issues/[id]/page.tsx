import Link from "next/link";
import { notFound } from "next/navigation";
import { listMilestoneMarks } from "@/server/queries/milestones";
import { listSides } from "@/server/queries/sides";
import { canEdit, getViewer } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { getIssuePage } from "@/server/queries/entries";
import { AsOfForm, InvalidAsOfNotice } from "@/components/as-of";
import { EntryCard } from "@/components/entry-card";
import { FirmnessTag, StanceBadge } from "@/components/stance";
import { GapStrip, StanceStrip, StripAxisLegend } from "@/components/stance-strip";
import { Pager } from "@/components/pager";
import { parseId } from "@/lib/form";
import { formatDay } from "@/lib/format";
import { GAP_LABELS } from "@/lib/gap";
import { buildIssueView } from "@/lib/issue-page";
import { pageParam, rangeLabel } from "@/lib/paging";
import { moveInWords } from "@/lib/position-words";
import { asOfParam } from "@/lib/search-params";
import { PARTY_ROLE_LABELS, type PartyRole } from "@/lib/vocabulary";
import { titled } from "../../_components/page-title";

export const generateMetadata = titled("Issue");

type Search = { asOf?: string | string[]; page?: string | string[] };

export default async function IssuePage({ params, searchParams }: { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Search> }) {
  const [{ slug, id: rawId }, search] = await Promise.all([params, searchParams]);
  const id = parseId(rawId);
  const pageNumber = pageParam(search.page);
  const { asOf, today, invalid: invalidAsOf } = asOfParam(search.asOf);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !id || !pageNumber) notFound();
  const [viewer, data, milestones, sides] = await Promise.all([
    getViewer(),
    getIssuePage(negotiation.id, id, pageNumber),
    listMilestoneMarks(negotiation.id),
    listSides(negotiation.id),
  ]);
  if (!data) notFound();
  const { issue, parties, points, page, moved } = data;
  const view = buildIssueView({ issue, parties, sides, points, asOf, milestones });
  const base = `/negotiations/${slug}`;
  const here = `${base}/issues/${issue.id}`;
  const asOfQuery = asOf !== today ? `?asOf=${asOf}` : "";
  const partyNames = new Map(parties.map((p) => [p.id, p.name]));
  const marks = { asOfAt: view.asOfAt, milestones: view.milestones };

  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href={`${base}${asOfQuery}`}>Matrix</Link> / <Link href={`${base}/issues`}>Issues</Link> /
      </p>
      <h2 style={{ marginTop: 0 }}>
        <bdi>{issue.name}</bdi>
      </h2>
      <section aria-labelledby="definition-heading">
        <h3 id="definition-heading" className="visually-hidden">
          Definition
        </h3>
        {issue.description ? (
          <p className="issue-definition" dir="auto">
            {issue.description}
          </p>
        ) : (
          <p className="muted">No definition written yet.</p>
        )}
        {canEdit(viewer) ? (
          <p className="small">
            <Link href={`${here}/edit`}>Edit issue</Link>
          </p>
        ) : null}
      </section>

      <div className="toolbar">
        <AsOfForm action={here} asOf={asOf} today={today} milestones={milestones} />
      </div>
      <InvalidAsOfNotice value={invalidAsOf} />

      <section aria-labelledby="current-heading">
        <h3 id="current-heading">Positions as of {formatDay(asOf)}</h3>
        <p aria-live="polite">
          Gap as of {formatDay(asOf)}:{" "}
          <span className={`gap-status gap-${view.gapAsOf.status}`}>{GAP_LABELS[view.gapAsOf.status]}</span> <span className="gap-reason">{view.gapAsOf.reason}</span>{" "}
          <Link href={`${base}/gaps${asOfQuery}`}>Gap view</Link>
        </p>
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Each party&rsquo;s position on {issue.name} as of {formatDay(asOf)}</caption>
            <thead>
              <tr>
                <th scope="col">Party</th>
                <th scope="col">Position</th>
                <th scope="col">Since</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map(({ party, current }) => (
                <tr key={party.id}>
                  <th scope="row">
                    <Link href={`${base}/cells/${party.id}/${issue.id}${asOfQuery}`} dir="auto">
                      {party.name}
                    </Link>{" "}
                    {party.role !== "party" ? <span className="small muted">({PARTY_ROLE_LABELS[party.role as PartyRole] ?? party.role})</span> : null}
                  </th>
                  <td>
                    {current ? (
                      <>
                        <StanceBadge stance={current.stance} /> <FirmnessTag firmness={current.firmness} />
                      </>
                    ) : (
                      <span className="muted">No position</span>
                    )}
                  </td>
                  <td>{current ? formatDay(current.statedOn) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="time-heading">
        <h3 id="time-heading">Over time</h3>
        {view.axis ? (
          <>
            <p className="small muted">
              Each party&rsquo;s stance from each statement to the next (taller: firmer; dashed: withdrawn), and the gap status that follows. The
              line marks {formatDay(asOf)}.
            </p>
            <div className="strip-rows">
              <span className="strip-name">
                <strong>Gap</strong>
              </span>
              <GapStrip label={`Gap status on ${issue.name} over time`} segments={view.gapStrip} marks={marks} />
              {view.rows.map(({ party, strip }) => (
                <div key={party.id} style={{ display: "contents" }}>
                  <span className="strip-name" dir="auto">
                    {party.name}
                  </span>
                  <StanceStrip label={`${party.name} on ${issue.name}, stance over time`} segments={strip} marks={marks} />
                </div>
              ))}
              <span />
              <StripAxisLegend axis={view.axis} milestones={view.milestones} />
            </div>
          </>
        ) : (
          <p className="empty">No position recorded on this issue yet.</p>
        )}
      </section>

      <section aria-labelledby="moves-heading">
        <h3 id="moves-heading">Entries that moved it</h3>
        <p className="muted small">
          {rangeLabel(page, "entry", "entries")}, newest first: statements that changed a party&rsquo;s stance or firmness on this issue (rewordings and
          repeats are left out).
        </p>
        <Pager page={page} href={`${here}${asOfQuery}`} label="Pages of entries that moved the issue" previous="Newer" next="Older" />
        {moved.length === 0 ? null : (
          <ol className="entry-list" aria-label="Entries that moved the issue, newest first">
            {moved.map(({ entry, moves }) => (
              <li key={entry.id} id={`entry-${entry.id}`}>
                <ul className="move-words">
                  {moves.map((m) => (
                    <li key={m.partyId}>
                      <bdi>{partyNames.get(m.partyId)}</bdi>: <strong>{moveInWords(m.previous, entry)}</strong>
                    </li>
                  ))}
                </ul>
                <EntryCard entry={entry} slug={slug} partyNames={partyNames} editable={canEdit(viewer)} />
              </li>
            ))}
          </ol>
        )}
        <Pager page={page} href={`${here}${asOfQuery}`} label="Pages of entries that moved the issue, below the list" previous="Newer" next="Older" />
      </section>
    </div>
  );
}
