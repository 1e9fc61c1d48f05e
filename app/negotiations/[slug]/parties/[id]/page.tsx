import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AsOfForm, InvalidAsOfNotice } from "@/components/as-of";
import { listMilestoneMarks } from "@/server/queries/milestones";
import { asOfParam, firstValue as one } from "@/lib/search-params";
import { canEdit, getViewer } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { getPartyProfilePage } from "@/server/queries/entries";
import { getParty, listIssues, listParties } from "@/server/queries/parties-and-issues";
import { PAGE_SIZE, pageParam, rangeLabel } from "@/lib/paging";
import { Pager } from "@/components/pager";
import { FirmnessTag, StanceBadge } from "@/components/stance";
import { CHANGE_DIRECTION, CHANGE_HINTS, CHANGE_LABELS } from "@/lib/change";
import { parseId } from "@/lib/form";
import { formatDay, plural } from "@/lib/format";
import { buildPartyProfilePage } from "@/lib/party-profile";
import { PARTY_ROLE_LABELS, type PartyRole } from "@/lib/vocabulary";
import { sourceLabel } from "@/lib/source-label";
import { titled } from "../../_components/page-title";

export const generateMetadata = titled("Party profile");

type Search = { asOf?: string | string[]; page?: string | string[] };

export default async function PartyProfilePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; id: string }>;
  searchParams: Promise<Search>;
}) {
  const [{ slug, id: rawId }, search] = await Promise.all([params, searchParams]);
  const partyId = parseId(rawId);
  const pageNumber = pageParam(search.page);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !partyId || !pageNumber) notFound();
  const { asOf, today, invalid: invalidAsOf } = asOfParam(search.asOf);
  const [party, parties, issues, read, milestones] = await Promise.all([
    getParty(negotiation.id, partyId),
    listParties(negotiation.id),
    listIssues(negotiation.id),
    getPartyProfilePage(negotiation.id, partyId, asOf, pageNumber),
    listMilestoneMarks(negotiation.id),
  ]);
  if (!party || !read) notFound();
  const editor = canEdit(await getViewer());
  const profile = buildPartyProfilePage({
    partyId,
    issues,
    summaries: read.summaries,
    entries: [...read.context, ...read.entries],
    pageIds: new Set(read.entries.map((e) => e.id)),
    asOf,
  });
  const partyNames = new Map(parties.map((p) => [p.id, p.shortName || p.name]));
  const base = `/negotiations/${slug}`;
  const here = `${base}/parties/${partyId}`;
  const aliases = party.aliases.split("\n").filter(Boolean);
  const heldOnAsOf = profile.overview.filter(({ summary }) => summary.current !== null && summary.current.stance !== "withdraws").length;
  const pageHere = asOf !== today ? `${here}?asOf=${asOf}` : here;

  return (
    <div className="page-narrow profile">
      <p className="breadcrumbs">
        <Link href={`${base}/parties`}>Parties</Link> /
      </p>
      <div className="profile-head">
        <h2>
          <span className="swatch" style={{ background: party.colour }} aria-hidden="true" />
          <bdi>{party.name}</bdi>
        </h2>
        <span className="profile-role">{PARTY_ROLE_LABELS[party.role as PartyRole] ?? party.role}</span>
        {editor ? (
          <Link href={`${here}/edit`} className="small">
            Edit party
          </Link>
        ) : null}
      </div>
      {aliases.length > 0 || (party.shortName && party.shortName !== party.name) ? (
        <p className="muted small">
          {party.shortName && party.shortName !== party.name ? <>Short name <bdi>{party.shortName}</bdi>. </> : null}
          {aliases.length > 0 ? <>Also called {aliases.map((a, i) => (<span key={i}>{i > 0 ? ", " : ""}<bdi>{a}</bdi></span>))}.</> : null}
        </p>
      ) : null}

      <div className="toolbar">
        <AsOfForm action={here} asOf={asOf} today={today} milestones={milestones} />
        {editor ? (
          <Link href={`${base}/entries/new?party=${partyId}`} className="button primary">
            Add position entry
          </Link>
        ) : null}
      </div>
      <p className="muted small" aria-live="polite">
        {plural(profile.entryCount, "entry", "entries")} on {plural(profile.overview.length, "issue")} of {issues.length}, by issue and oldest first. As of{" "}
        <strong>{formatDay(asOf)}</strong>
        {asOf === today ? " (today)" : ""} <bdi>{party.name}</bdi> holds a position on {plural(heldOnAsOf, "issue")}; the entry in force on that day is
        marked.
      </p>
      <InvalidAsOfNotice value={invalidAsOf} />

      {profile.overview.length > 0 ? (
        <div className="table-wrap" id="positions">
          <table className="data-table profile-overview">
            <caption className="visually-hidden">
              {party.name}&rsquo;s positions as of {formatDay(asOf)}, with links to each issue&rsquo;s history below
            </caption>
            <thead>
              <tr>
                <th scope="col">Issue</th>
                <th scope="col">Position as of {formatDay(asOf)}</th>
                <th scope="col">Entries</th>
              </tr>
            </thead>
            <tbody>
              {profile.overview.map(({ issue, summary: { current, count, firstStated } }) => (
                <tr key={issue.id}>
                  <td>
                    {profile.sections.some((s) => s.issue.id === issue.id) ? (
                      <a href={`#issue-${issue.id}`} dir="auto">
                        {issue.name}
                      </a>
                    ) : (
                      <bdi>{issue.name}</bdi>
                    )}
                  </td>
                  <td>
                    {current ? (
                      <>
                        <StanceBadge stance={current.stance} /> <FirmnessTag firmness={current.firmness} />{" "}
                        <span className="profile-since">since {formatDay(current.statedOn)}</span>
                      </>
                    ) : (
                      <span className="profile-since">No position yet (first stated {formatDay(firstStated)})</span>
                    )}
                  </td>
                  <td>
                    <Link href={`${base}/cells/${partyId}/${issue.id}`}>
                      {count.toLocaleString("en")}
                      <span className="visually-hidden">
                        {" "}
                        {count === 1 ? "entry" : "entries"}: history of <bdi>{party.name}</bdi> on <bdi>{issue.name}</bdi>
                      </span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {profile.entryCount > PAGE_SIZE ? (
        <p className="muted small">
          {rangeLabel(read.page, "entry", "entries")}, by issue and oldest first; the table above covers every entry.
        </p>
      ) : null}
      <Pager page={read.page} href={pageHere} label="Profile pages" />
      {profile.overview.length === 0 ? (
        <p className="empty">No position recorded for {party.name} yet.</p>
      ) : (
        profile.sections.map(({ issue, history, continued }) => {
          const current = profile.overview.find((o) => o.issue.id === issue.id)!.summary.current;
          return (
          <section key={issue.id} className="profile-issue" aria-labelledby={`issue-${issue.id}`}>
            <div className="profile-issue-head">
              <h3 id={`issue-${issue.id}`} dir="auto">
                {issue.name}
                {continued ? <span className="muted small"> (continued)</span> : null}
              </h3>
              <p className="profile-current">
                <span className="muted">As of {formatDay(asOf)}:</span>{" "}
                {current ? (
                  <>
                    <StanceBadge stance={current.stance} /> <FirmnessTag firmness={current.firmness} />{" "}
                    <span className="muted">since {formatDay(current.statedOn)}</span>
                  </>
                ) : (
                  <span className="cell-empty">No position yet</span>
                )}
              </p>
            </div>
            <ol className="profile-history" aria-label={`${party.name} on ${issue.name}, oldest first`}>
              {history.map(({ entry, inForce, afterAsOf }) => {
                const others = entry.partyIds.filter((id) => id !== partyId && partyNames.has(id)).map((id) => partyNames.get(id));
                return (
                  <li key={entry.id} className={inForce ? "in-force" : afterAsOf ? "after-as-of" : undefined}>
                    <span className="profile-date">{formatDay(entry.statedOn)}</span>
                    <div className="profile-entry">
                      <div className="profile-entry-top">
                        <span className={`change change-${entry.change}`} title={CHANGE_HINTS[entry.change]}>
                          <span aria-hidden="true">{CHANGE_DIRECTION[entry.change]}</span> {CHANGE_LABELS[entry.change]}
                          {entry.overridden ? <span className="change-override"> (override)</span> : null}
                        </span>
                        <StanceBadge stance={entry.stance} />
                        <FirmnessTag firmness={entry.firmness} />
                        {inForce ? <span className="profile-tag">In force on {formatDay(asOf)}</span> : null}
                        {afterAsOf ? <span className="profile-tag profile-tag-later">After {formatDay(asOf)}</span> : null}
                      </div>
                      <p className="profile-summary" dir="auto">
                        {entry.summary}
                      </p>
                      <p className="profile-meta">
                        {others.length > 0 ? <>Joint with {others.join(", ")} · </> : null}
                        Source: <Link href={`${base}/sources/${entry.source.id}`} dir="auto">
                          {sourceLabel(entry.source)}
                        </Link>
                        {entry.source.outlet && entry.source.title?.trim() ? ` (${entry.source.outlet})` : ""}
                      </p>
                    </div>
                  </li>
                );
              })}
            </ol>
            <p className="profile-more small">
              <Link href={`${base}/cells/${partyId}/${issue.id}`}>
                Quotes and full history<span className="visually-hidden">
                  {" "}
                  (<bdi>{party.name}</bdi> on <bdi>{issue.name}</bdi>)
                </span>
              </Link>
            </p>
          </section>
          );
        })
      )}
      <Pager page={read.page} href={pageHere} label="Profile pages, below the list" />

      {profile.unrecorded.length > 0 ? (
        <p className="profile-unrecorded">
          <strong>No position recorded on:</strong> {profile.unrecorded.map((i) => i.name).join(", ")}.
        </p>
      ) : null}
    </div>
  );
}
