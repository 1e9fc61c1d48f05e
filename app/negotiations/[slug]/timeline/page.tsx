import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { firstValue as one } from "@/lib/search-params";
import { canEdit, getViewer } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { listMilestoneMarks } from "@/server/queries/milestones";
import { countTimelineIssueMonths, countTimelineMonths, getTimelineEntries, listEntriesOutsideDays, type EntryRow, type TimelineScope } from "@/server/queries/entries";
import { listIssues, listParties } from "@/server/queries/parties-and-issues";
import { CHANGE_DIRECTION, CHANGE_LABELS } from "@/lib/change";
import { formatDay, plural } from "@/lib/format";
import { parseId } from "@/lib/form";
import { lanesByIssue, layoutTimeline, timelineLanes, wrapLabel, type TimelineMark } from "@/lib/timeline";
import { FIRMNESS_LABELS, isFirmness, PARTY_ROLE_LABELS, STANCES, type PartyRole } from "@/lib/vocabulary";
import { stanceWords } from "@/lib/stance-palette";
import { addDays, daysBetween, EARLIEST_DAY, latestAsOfDay, todayUTC } from "@/lib/day";
import { pageParam, pageHref, rangeLabel, type Page } from "@/lib/paging";
import { buildIssueRows, buildTimelineSummary, monthLabel, monthParam, previousMonth, TIMELINE_DETAIL_LIMIT, type MonthPeriod } from "@/lib/timeline-summary";
import { nextMonth } from "@/lib/timeline";
import { Pager } from "@/components/pager";
import { TimelineSummaryTables } from "./_components/timeline-summary";
import { TimelineChart, type LaneView, type MarkView } from "./_components/timeline-chart";
import { TimelineExplorer, type MarkDetail } from "./_components/timeline-explorer";
import { TimelineLegend } from "./_components/timeline-legend";
import { TimelineTable, type TableRow } from "./_components/timeline-table";
import { titled } from "../_components/page-title";

export const generateMetadata = titled("Timeline");

type Search = { issue?: string | string[]; party?: string | string[]; period?: string | string[]; page?: string | string[] };

/** Characters of a bold 12.5 px issue name that fit the lane labels' column (about 150 of its 168 units). */
const ISSUE_LABEL_CHARS = 21;

type Party = Awaited<ReturnType<typeof listParties>>[number];
type Issue = Awaited<ReturnType<typeof listIssues>>[number];

/**
 * One code path for every size (docs/decisions/024): the page counts the marks of the scope it
 * is asked for (all days, or one month; one issue or all) in SQL. A scope of at most
 * TIMELINE_DETAIL_LIMIT marks is drawn mark by mark (a small negotiation always is); a larger one
 * is summarised per month (counts in SQL), and a month too large to draw is listed a page at a time.
 */
export default async function TimelinePage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const negotiation = await getNegotiation(slug);
  const pageNumber = pageParam(search.page);
  if (!negotiation || !pageNumber) notFound();
  const [parties, issues, milestones] = await Promise.all([listParties(negotiation.id), listIssues(negotiation.id), listMilestoneMarks(negotiation.id)]);
  const base = `/negotiations/${slug}`;

  // An unknown issue (a stale link, a typo) shows every issue with a note, as the matrix does
  // with a date it cannot read, rather than a 404 for a page that does exist. So does a month.
  const requested = one(search.issue) || "";
  const issue = requested ? (issues.find((i) => i.id === parseId(requested)) ?? null) : null;
  const unknownIssue = requested !== "" && issue === null;
  const requestedParty = one(search.party) || "";
  const party = requestedParty ? (parties.find((p) => p.id === parseId(requestedParty)) ?? null) : null;
  const unknownParty = requestedParty !== "" && party === null;
  const shownParties = party ? [party] : parties;
  const lastDay = latestAsOfDay(todayUTC());
  const { period, invalid: invalidPeriod } = monthParam(search.period, lastDay);

  const scope: TimelineScope = {
    negotiationId: negotiation.id,
    issueId: issue?.id ?? null,
    partyId: party?.id ?? null,
    from: period?.from ?? EARLIEST_DAY,
    to: period?.to ?? addDays(lastDay, 1),
  };
  const groups = await countTimelineMonths(scope);
  const marks = groups.reduce((n, g) => n + g.n, 0);
  const detailed = marks <= TIMELINE_DETAIL_LIMIT;
  const listed = !detailed && period !== null;
  // Only a listed month has pages; any other page number names nothing.
  if (pageNumber !== 1 && !listed) notFound();

  const withIssue = (params: Record<string, string>) => {
    const q = new URLSearchParams({ ...(issue ? { issue: String(issue.id) } : {}), ...(party ? { party: String(party.id) } : {}), ...params }).toString();
    return `${base}/timeline${q ? `?${q}` : ""}`;
  };
  const here = withIssue(period ? { period: period.month } : {});
  const scopeWords = `${party ? `of ${party.name} ` : ""}${issue ? `on ${issue.name}` : "on all issues"}${period ? ` in ${monthLabel(period.month)}` : ""}`;
  const partyNames = new Map(parties.map((p) => [p.id, p.shortName || p.name]));

  let body: React.ReactNode;
  if (detailed || listed) {
    const read = await getTimelineEntries(scope, listed ? pageNumber : null);
    if (!read) notFound();
    body = (
      <DetailedTimeline
        base={base}
        parties={shownParties}
        issues={issues}
        issue={issue}
        entries={read.entries}
        context={read.context}
        scopeWords={scopeWords}
        chart={!listed}
        page={read.page}
        here={here}
        editor={marks === 0 && canEdit(await getViewer())}
        milestones={milestones}
      />
    );
  } else {
    const summary = buildTimelineSummary(
      groups,
      shownParties.map((p) => p.id),
      STANCES,
    );
    body = summary ? (
      <>
        <p className="muted small">
          {plural(summary.total, "mark")} {scopeWords} from {monthLabel(summary.months[0]!)} to {monthLabel(summary.months[summary.months.length - 1]!)}:
          too many to draw one by one (more than {TIMELINE_DETAIL_LIMIT}), so they are counted per month. A joint statement counts once for each party
          that made it. Choose a month to see its entries.
        </p>
        <TimelineSummaryTables
          summary={summary}
          byIssue={issue ? null : buildIssueRows(await countTimelineIssueMonths(scope), summary.months, issues.map((i) => i.id))}
          issueNames={new Map(issues.map((i) => [i.id, i.name]))}
          issueHref={(id) => `${base}/timeline?${new URLSearchParams({ issue: String(id), ...(party ? { party: String(party.id) } : {}) })}`}
          partyNames={partyNames}
          scope={scopeWords}
          monthHref={(m) => withIssue({ period: m })}
        />
      </>
    ) : null;
  }

  const outside = period ? null : await listEntriesOutsideDays(scope, EARLIEST_DAY, lastDay);

  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="visually-hidden">
        Timeline
      </h2>
      <div className="toolbar">
        <form method="get" action={`${base}/timeline`} aria-label="Filter the timeline" className="tl-filter">
          <FilterSelect name="issue" label="Issue" all="All issues" options={issues} chosen={issue} />
          <FilterSelect name="party" label="Party" all="All parties" options={parties} chosen={party} />
          {period ? <input type="hidden" name="period" value={period.month} /> : null}
          <button type="submit" className="button">
            Filter
          </button>
          {issue || party ? (
            <Link href={period ? `${base}/timeline?period=${period.month}` : `${base}/timeline`} className="button">
              Show all issues and parties
            </Link>
          ) : null}
        </form>
      </div>
      {unknownIssue ? (
        <p className="form-error" role="alert">
          There is no issue “{requested}” in this negotiation; showing all issues.
        </p>
      ) : null}
      {unknownParty ? (
        <p className="form-error" role="alert">
          There is no party “{requestedParty}” in this negotiation; showing all parties.
        </p>
      ) : null}
      {invalidPeriod ? (
        <p className="form-error" role="alert">
          “{invalidPeriod}” is not a month Parley shows (write it as YYYY-MM); showing all months.
        </p>
      ) : null}
      {period ? <MonthNavigation period={period} href={(m) => withIssue(m ? { period: m } : {})} /> : null}
      {outside && outside.total > 0 ? (
        <div className="form-error" role="status">
          <p>
            {plural(outside.total, "entry is", "entries are")} dated outside the days Parley shows (from {formatDay(EARLIEST_DAY)} to a year from
            today) and not drawn; edit the date{outside.total > outside.entries.length ? ` (the first ${outside.entries.length} are listed)` : ""}:
          </p>
          <ul>
            {outside.entries.map((e) => (
              <li key={e.id}>
                <Link href={`${base}/entries/${e.id}/edit`}>
                  {e.statedOn}: {e.summary}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {body}
    </section>
  );
}

/** One filter of the timeline: every option by name, the chosen one selected, or "All …". */
function FilterSelect({ name, label, all, options, chosen }: { name: string; label: string; all: string; options: ReadonlyArray<{ id: number; name: string }>; chosen: { id: number } | null }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={chosen ? String(chosen.id) : ""}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id} dir="auto">
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The month shown, the months either side of it, and the way back to all months. */
function MonthNavigation({ period, href }: { period: MonthPeriod; href: (month: string | null) => string }) {
  const before = previousMonth(period.month);
  const after = nextMonth(period.from).slice(0, 7);
  return (
    <nav className="tl-months" aria-label="Months">
      <h2 style={{ margin: 0, fontSize: "1.1rem" }}>{monthLabel(period.month)}</h2>
      <Link href={href(before)}>◂ {monthLabel(before)}</Link>
      <Link href={href(after)}>{monthLabel(after)} ▸</Link>
      <Link href={href(null)}>All months</Link>
    </nav>
  );
}

/**
 * The scope's entries drawn one mark each (chart, keyboard explorer and table), or, for a month
 * with too many to draw, its entries as a table a page at a time. `context` holds the entries
 * just before them in their cells: not shown, they give the first shown entries their change.
 */
function DetailedTimeline({
  base,
  parties,
  issues,
  issue,
  entries: shown,
  context,
  scopeWords,
  chart,
  page,
  here,
  editor,
  milestones,
}: {
  base: string;
  parties: Party[];
  issues: Issue[];
  issue: Issue | null;
  entries: EntryRow[];
  context: EntryRow[];
  scopeWords: string;
  chart: boolean;
  page: Page | null;
  here: string;
  editor: boolean;
  /** Dated events drawn as labelled vertical markers. */
  milestones: ReadonlyArray<{ day: string; title: string }>;
}) {
  const shownIds = new Set(shown.map((e) => e.id));
  const partyById = new Map(parties.map((p) => [p.id, p]));
  const issueNames = new Map(issues.map((i) => [i.id, i.name]));
  const partyLanes = timelineLanes(
    [...context, ...shown],
    parties.map((p) => p.id),
    issue?.id ?? null,
  ).map((lane) => ({ ...lane, marks: lane.marks.filter((m) => shownIds.has(m.entry.id)) }));
  // All issues: one lane per issue, named, so the issue shows without hovering; one issue: one
  // lane per party, to compare the parties on it (docs/decisions/030).
  const byIssue = issue === null;
  const lanes = byIssue ? lanesByIssue(partyLanes, issues.map((i) => i.id)) : partyLanes;
  const marks = partyLanes.flatMap((l) => l.marks);

  const describe = (m: TimelineMark<EntryRow>) => {
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
    byIssue
      ? issues.map((i) => [i.id, { lines: wrapLabel(i.name, ISSUE_LABEL_CHARS, 2), fullName: i.name, sub: null, colour: null }])
      : parties.map((p) => [
          p.id,
          { lines: [p.shortName || p.name], fullName: p.name, sub: PARTY_ROLE_LABELS[p.role as PartyRole] ?? p.role, colour: p.colour },
        ]),
  );
  const layout = chart
    ? layoutTimeline<MarkView>(
        lanes.map((lane) => ({
          id: lane.id,
          marks: lane.marks.map((m) => {
            const d = describe(m);
            const change = CHANGE_LABELS[m.entry.change];
            const label =
              `${d.party} on ${d.issue}, ${formatDay(m.day)}: ${stanceWords(m.entry.stance, m.entry.firmness)}, ${change}` +
              (m.entry.overridden ? " (set by analyst)" : "") +
              (d.jointWith.length ? `, joint with ${d.jointWith.join(", ")}` : "");
            return {
              key: m.key,
              day: m.day,
              href: d.href,
              label,
              summary: m.entry.summary,
              stance: m.entry.stance,
              firmness: m.entry.firmness,
              change: m.entry.change,
            } satisfies MarkView;
          }),
        })),
        undefined,
        milestones,
      )
    : null;

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
    if (layout) {
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
    }
    rows.push({ key: m.key, day: m.day, party: d.party, issue: d.issue, stance: e.stance, change: e.change, overridden: e.overridden, summary: e.summary, href: d.href });
  }

  const title = `Timeline of positions ${scopeWords}, one lane per ${byIssue ? "issue" : "party"}`;

  if (shown.length === 0) {
    return (
      <div className="empty">
        <p>{issue ? `No position recorded on ${issue.name}` : "No position recorded"}{scopeWords.includes(" in ") ? ` in this month` : " yet"}.</p>
        {editor ? (
          <p>
            <Link href={`${base}/entries/new${issue ? `?issue=${issue.id}` : ""}`}>Add position entry</Link>
          </p>
        ) : null}
      </div>
    );
  }
  if (!layout) {
    // A month with more marks than a chart can draw: its entries, a page at a time.
    return (
      <>
        <p className="muted small">
          {page ? rangeLabel(page, "entry", "entries") : null} {scopeWords}, oldest first: too many to draw one by one (more than{" "}
          {TIMELINE_DETAIL_LIMIT} marks), so they are listed. A joint statement has a row for each party that made it.
        </p>
        {page ? <Pager page={page} href={here} label="Entry pages" previous="Earlier" next="Later" /> : null}
        <TimelineTable rows={rows} caption={`${title}: one row per party for joint statements, oldest first.`} open />
        {page ? <Pager page={page} href={here} label="Entry pages, below the table" previous="Earlier" next="Later" /> : null}
      </>
    );
  }
  const entryCount = shown.length;
  return (
    <>
      <p className="muted small">
        {plural(entryCount, "entry", "entries")} {scopeWords}
        {firstDay && lastDay ? `, ${formatDay(firstDay)} – ${formatDay(lastDay)}` : ""}.{" "}
        {byIssue
          ? `Each issue has a lane${parties.length > 1 ? "; a joint statement has a mark for every party that made it" : ""}. Choose an issue to compare the parties on it, lane by lane.`
          : "Each party has a lane; a joint statement shows in the lane of every party that made it."}{" "}
        The chart is one stop for the Tab key: arrow keys move between marks (left and right in time, up and down across lanes), Home and End to a
        lane&apos;s ends; hover over or focus a mark for its details; Enter or click opens it.
      </p>
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
  );
}
