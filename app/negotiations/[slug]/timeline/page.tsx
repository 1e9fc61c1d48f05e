import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { firstValue as one } from "@/lib/search-params";
import { canEdit, getViewer } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { getNegotiationEntries } from "@/server/queries/entries";
import { CHANGE_DIRECTION, CHANGE_LABELS } from "@/lib/change";
import { formatDay, plural } from "@/lib/format";
import { parseId } from "@/lib/form";
import { lanesWithin, layoutTimeline, timelineLanes, type TimelineMark } from "@/lib/timeline";
import { FIRMNESS_LABELS, isFirmness, isStance, PARTY_ROLE_LABELS, STANCE_LABELS, type PartyRole } from "@/lib/vocabulary";
import { daysBetween, EARLIEST_DAY, latestAsOfDay, todayUTC } from "@/lib/day";
import { TimelineChart, type LaneView, type MarkView } from "./_components/timeline-chart";
import { TimelineExplorer, type MarkDetail } from "./_components/timeline-explorer";
import { TimelineLegend } from "./_components/timeline-legend";
import { TimelineTable, type TableRow } from "./_components/timeline-table";
import { titled } from "../_components/page-title";

export const generateMetadata = titled("Timeline");

type Search = { issue?: string | string[] };

export default async function TimelinePage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const negotiation = await getNegotiation(slug);
  if (!negotiation) notFound();
  const { parties, issues, entries } = await getNegotiationEntries(negotiation.id);
  const base = `/negotiations/${slug}`;

  // An unknown issue (a stale link, a typo) shows every issue with a note, as the matrix does
  // with a date it cannot read, rather than a 404 for a page that does exist.
  const requested = one(search.issue) || "";
  const issue = requested ? (issues.find((i) => i.id === parseId(requested)) ?? null) : null;
  const unknownIssue = requested !== "" && issue === null;

  const partyById = new Map(parties.map((p) => [p.id, p]));
  const issueNames = new Map(issues.map((i) => [i.id, i.name]));
  // Entries dated outside the days Parley shows (stored before the range was enforced) are
  // listed below the chart rather than drawn: the chart cannot place them.
  const { lanes, outside } = lanesWithin(
    timelineLanes(
      entries,
      parties.map((p) => p.id),
      issue?.id ?? null,
    ),
    EARLIEST_DAY,
    latestAsOfDay(todayUTC()),
  );
  const marks = lanes.flatMap((l) => l.marks);
  const outsideEntries = [...new Map(outside.map((m) => [m.entry.id, m.entry])).values()];
  const stanceLabel = (s: string) => (isStance(s) ? STANCE_LABELS[s] : s);

  const describe = (m: TimelineMark<(typeof entries)[number]>) => {
    const e = m.entry;
    const party = partyById.get(m.partyId)!;
    const jointWith = e.partyIds.filter((id) => id !== m.partyId && partyById.has(id)).map((id) => partyById.get(id)!.name);
    return {
      party: party.name,
      issue: issueNames.get(e.issueId) ?? "",
      jointWith,
      href: `${base}/cells/${m.partyId}/${e.issueId}#entry-${e.id}`,
    };
  };

  const firstDay = marks.reduce<string | null>((d, m) => (d === null || m.day < d ? m.day : d), null);
  const lastDay = marks.reduce<string | null>((d, m) => (d === null || m.day > d ? m.day : d), null);
  const laneViews = new Map<number, LaneView>(
    parties.map((p) => [
      p.id,
      { name: p.shortName || p.name, fullName: p.name, role: PARTY_ROLE_LABELS[p.role as PartyRole] ?? p.role, colour: p.colour },
    ]),
  );
  const layoutInput = lanes.map((lane) => ({
    id: lane.id,
    marks: lane.marks.map((m) => {
      const d = describe(m);
      const change = CHANGE_LABELS[m.entry.change];
      const label =
        `${d.party} on ${d.issue}, ${formatDay(m.day)}: ${stanceLabel(m.entry.stance)}, ${change}` +
        (m.entry.overridden ? " (set by analyst)" : "") +
        (d.jointWith.length ? `, joint with ${d.jointWith.join(", ")}` : "");
      return { key: m.key, day: m.day, href: d.href, label, summary: m.entry.summary, stance: m.entry.stance, change: m.entry.change } satisfies MarkView;
    }),
  }));
  const layout = layoutTimeline<MarkView>(layoutInput);

  // The table reads like the chart from left to right: by date, then in lane order.
  const partyOrder = new Map(parties.map((p, i) => [p.id, i]));
  const inTableOrder = [...marks].sort(
    (a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0) || partyOrder.get(a.partyId)! - partyOrder.get(b.partyId)! || a.entry.id - b.entry.id,
  );
  const details: Record<string, MarkDetail> = {};
  const rows: TableRow[] = [];
  for (const m of inTableOrder) {
    const d = describe(m);
    const e = m.entry;
    details[m.key] = {
      day: m.day,
      party: d.party,
      issue: d.issue,
      stance: e.stance,
      firmness: e.firmness && isFirmness(e.firmness) ? FIRMNESS_LABELS[e.firmness] : null,
      change: CHANGE_LABELS[e.change],
      changeGlyph: CHANGE_DIRECTION[e.change],
      overridden: e.overridden,
      jointWith: d.jointWith,
      summary: e.summary,
    };
    rows.push({ key: m.key, day: m.day, party: d.party, issue: d.issue, stance: e.stance, change: e.change, overridden: e.overridden, summary: e.summary, href: d.href });
  }

  const entryCount = new Set(marks.map((m) => m.entry.id)).size;
  const scope = issue ? `on ${issue.name}` : "on all issues";
  const title = `Timeline of positions ${scope}, one lane per party`;

  return (
    <>
      <div className="toolbar">
        <form method="get" action={`${base}/timeline`} aria-label="Filter the timeline" className="tl-filter">
          <label>
            Issue
            <select name="issue" defaultValue={issue ? String(issue.id) : ""}>
              <option value="">All issues</option>
              {issues.map((i) => (
                <option key={i.id} value={i.id} dir="auto">
                  {i.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button">
            Filter
          </button>
          {issue ? (
            <Link href={`${base}/timeline`} className="button">
              Show all issues
            </Link>
          ) : null}
        </form>
      </div>
      {unknownIssue ? (
        <p className="form-error" role="alert">
          There is no issue “{requested}” in this negotiation; showing all issues.
        </p>
      ) : null}
      <p className="muted small">
        {plural(entryCount, "entry", "entries")} {scope}
        {firstDay && lastDay ? `, ${formatDay(firstDay)} – ${formatDay(lastDay)}` : ""}. Each party has a lane; a joint statement shows in
        the lane of every party that made it. Hover over or focus a mark for its details; Enter or click opens it.
      </p>
      {outsideEntries.length ? (
        <div className="form-error" role="status">
          <p>
            {plural(outsideEntries.length, "entry is", "entries are")} dated outside the days Parley shows (from {formatDay(EARLIEST_DAY)} to a year
            from today) and not drawn; edit the date:
          </p>
          <ul>
            {outsideEntries.map((e) => (
              <li key={e.id}>
                <Link href={`${base}/entries/${e.id}/edit`}>
                  {e.statedOn}: {e.summary}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {layout === null ? (
        <div className="empty">
          <p>{issue ? `No position recorded on ${issue.name} yet.` : "No position recorded yet."}</p>
          {canEdit(await getViewer()) ? (
            <p>
              <Link href={`${base}/entries/new${issue ? `?issue=${issue.id}` : ""}`}>Add position entry</Link>
            </p>
          ) : null}
        </div>
      ) : (
        <>
          <TimelineLegend />
          <TimelineExplorer
            matrixHref={base}
            domainStart={layout.domain.start}
            domainDays={layout.domain.days}
            initialOffset={daysBetween(layout.domain.start, lastDay!)}
            plot={{
              left: (layout.x0 / layout.width) * 100,
              width: ((layout.x1 - layout.x0) / layout.width) * 100,
            }}
            details={details}
          >
            <TimelineChart layout={layout} lanes={laneViews} title={title} />
          </TimelineExplorer>
          <TimelineTable rows={rows} caption={`${title}: one row per party for joint statements, oldest first.`} />
        </>
      )}
    </>
  );
}
