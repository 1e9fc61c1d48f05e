import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AsOfInput, InvalidAsOfNotice } from "@/components/as-of";
import { listMilestoneMarks } from "@/server/queries/milestones";
import { asOfParam, firstValue as one } from "@/lib/search-params";
import { canEdit, getViewer } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { getMatrix } from "@/server/queries/entries";
import { formatDay, plural } from "@/lib/format";
import { CHANGE_WINDOWS, DEFAULT_CHANGE_WINDOW, parseWindow } from "@/lib/window";
import { CHANGE_DIRECTION, CHANGE_LABELS } from "@/lib/change";
import { DetailedMatrix } from "./_components/detailed-matrix";
import { detailedCellOf } from "@/lib/detailed-cell";
import { OverviewMatrix } from "./_components/overview-matrix";
import { CellPanel } from "./_components/cell-panel";
import { getNegotiationActivity, getOverview } from "@/server/queries/overview";
import { getEntry } from "@/server/queries/entries";
import { getDeletedEntry } from "@/server/queries/overview";
import { undoDeleteEntryAction } from "@/server/actions/entries";
import { RestoreButton } from "@/components/restore-button";
import { FIRMNESS_SHORT, MARKED_CHANGES as MARKED, STANCE_SHORT, packCell } from "@/lib/overview";
import { FIRMNESS_LABELS, STANCE_LABELS, STANCES, FIRMNESS } from "@/lib/vocabulary";
import { STALE_AFTER_DAYS } from "@/lib/age";
import { parseId } from "@/lib/form";
import { ExportLinks } from "./_components/export-links";
import { ConvergenceSection } from "@/components/convergence-section";

type Search = {
  asOf?: string | string[];
  axis?: string | string[];
  saved?: string | string[];
  window?: string | string[];
  view?: string | string[];
  cell?: string | string[];
  party?: string | string[];
  deleted?: string | string[];
  restored?: string | string[];
};

export async function generateMetadata({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }): Promise<Metadata> {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const negotiation = await getNegotiation(slug);
  const view = one(search.view) === "detail" ? "Detailed matrix" : "Matrix";
  return { title: negotiation ? `${view} · ${negotiation.title}` : view };
}

export default async function MatrixPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const negotiation = await getNegotiation(slug);
  if (!negotiation) notFound();

  const activity = await getNegotiationActivity(negotiation.id);
  const requested = one(search.asOf);
  const parsed = asOfParam(search.asOf);
  const today = parsed.today;
  const invalidAsOf = parsed.invalid;
  // No date in the URL: the negotiation as of its latest entry (the page says so), not today.
  const latest = activity.latestStatedOn;
  const onLatest = !requested && latest !== null && latest < today;
  const asOf = onLatest ? latest : parsed.asOf;
  const detail = one(search.view) === "detail";
  const partiesAsRows = detail && one(search.axis) === "parties";
  const restoredId = parseId(one(search.restored));
  const savedId = parseId(one(search.saved)) ?? restoredId;
  const deletedId = parseId(one(search.deleted));
  const windowDays = parseWindow(one(search.window));
  const partyFilter = parseId(one(search.party));
  const [viewer, saved, deleted, milestones] = await Promise.all([
    getViewer(),
    savedId ? getEntry(negotiation.id, savedId) : null,
    deletedId ? getDeletedEntry(negotiation.id, deletedId) : null,
    listMilestoneMarks(negotiation.id),
  ]);
  const editor = canEdit(viewer);
  const base = `/negotiations/${slug}`;
  const query = (changes: Record<string, string | null>) => {
    const q = new URLSearchParams();
    const next = {
      asOf: requested && !invalidAsOf ? asOf : null,
      view: detail ? "detail" : null,
      axis: partiesAsRows ? "parties" : null,
      window: windowDays === DEFAULT_CHANGE_WINDOW ? null : String(windowDays ?? "off"),
      party: partyFilter ? String(partyFilter) : null,
      ...changes,
    };
    for (const [k, v] of Object.entries(next)) if (v) q.set(k, v);
    const s = q.toString();
    return s ? `${base}?${s}` : base;
  };
  const dateLine = (
    <p className="muted small as-of-line" role="status">
      Positions as of <strong>{formatDay(asOf)}</strong>
      {onLatest ? (
        <>
          , the day of the latest entry. <Link href={query({ asOf: today, cell: null })}>Show today ({formatDay(today)})</Link>
        </>
      ) : asOf === today ? (
        " (today)"
      ) : latest && asOf !== latest ? (
        <>
          . <Link href={query({ asOf: latest, cell: null })}>Latest entry ({formatDay(latest)})</Link> ·{" "}
          <Link href={query({ asOf: today, cell: null })}>Today</Link>
        </>
      ) : null}
      {" · "}
      {plural(activity.entryCount, "entry", "entries")} in all
    </p>
  );
  const describe = (e: { partyIds: number[]; issueId: number; stance: string; statedOn: string }, partyNames: Map<number, string>, issueNames: Map<number, string>) =>
    `${e.partyIds.map((id) => partyNames.get(id)).filter(Boolean).join(" and ")} on ${issueNames.get(e.issueId)}, ${STANCE_LABELS[e.stance as keyof typeof STANCE_LABELS] ?? e.stance}, stated ${formatDay(e.statedOn)}.`;
  const savedNotice = (partyNames: Map<number, string>, issueNames: Map<number, string>) => (
    <>
      {saved ? (
        <p className="notice" role="status">
          {restoredId ? "Restored" : "Saved"}: {describe(saved, partyNames, issueNames)} The cell is highlighted.
        </p>
      ) : null}
      {deleted ? (
        <div className="notice inline-notice" role="status">
          <span>Deleted: {describe(deleted, partyNames, issueNames)} It is in the trash.</span>
          {editor ? <RestoreButton action={undoDeleteEntryAction.bind(null, slug, deleted.id)} version={deleted.version} label="Undo" /> : null}
        </div>
      ) : null}
    </>
  );

  if (!detail) {
    const overview = await getOverview({ negotiationId: negotiation.id, asOf, windowDays });
    const shownParties = partyFilter ? overview.parties.filter((p) => p.id === partyFilter) : overview.parties;
    const [cellParty, cellIssue] = (one(search.cell) ?? "").split("-").map((v) => parseId(v));
    const openParty = overview.parties.find((p) => p.id === cellParty);
    const openIssue = overview.issues.find((i) => i.id === cellIssue);
    const partyNames = new Map(overview.parties.map((p) => [p.id, p.name]));
    return (
      <>
        <div className="toolbar compact">
          <form method="get" action={base} aria-label="Choose the as-of date">
            <AsOfInput asOf={asOf} milestones={milestones} hrefFor={(day) => query({ asOf: day, cell: null })} />
            <WindowSelect windowDays={windowDays} />
            <label>
              Party
              <select name="party" defaultValue={partyFilter ? String(partyFilter) : ""}>
                <option value="">All parties</option>
                {overview.parties.map((p) => (
                  <option key={p.id} value={String(p.id)}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button">
              Show
            </button>
          </form>
          <Link href={query({ view: "detail", cell: null })} className="button">
            Detailed view
          </Link>
          {editor ? (
            <Link href={`${base}/entries/new`} className="button primary">
              Add position entry
            </Link>
          ) : null}
        </div>
        {dateLine}
        <InvalidAsOfNotice value={invalidAsOf} />
        {savedNotice(partyNames, new Map(overview.issues.map((i) => [i.id, i.name])))}
        {overview.parties.length === 0 || overview.issues.length === 0 ? (
          <EmptyMatrix base={base} />
        ) : (
          <>
            <OverviewMatrix
              parties={shownParties.map(({ id, name, shortName, colour, role }) => ({ id, name, shortName, colour, role }))}
              issues={overview.issues.map(({ id, name }) => ({ id, name }))}
              cells={overview.issues.map((i) => shownParties.map((p) => packCell(overview.cells.get(overview.cellKey(i.id, p.id)) ?? null, asOf)))}
              asOf={asOf}
              base={base}
              cellHref={query({ cell: "CELL" })}
              activeCell={openParty && openIssue ? `${openParty.id}-${openIssue.id}` : null}
              savedCell={saved ? `${saved.partyIds[0]}-${saved.issueId}` : null}
            />
            <Legend windowDays={windowDays} />
            <ConvergenceSection negotiationId={negotiation.id} asOf={asOf} matrixHref={base} milestones={milestones} id="cv-front" compact />
          </>
        )}
        {openParty && openIssue ? (
          <CellPanel
            negotiationId={negotiation.id}
            slug={slug}
            party={openParty}
            issue={openIssue}
            partyNames={partyNames}
            asOf={asOf}
            closeHref={query({ cell: null })}
            editor={editor}
          />
        ) : null}
        <ExportLinks slug={slug} asOf={asOf} editor={editor} />
      </>
    );
  }

  const { parties, issues, cells, cellKey } = await getMatrix({ negotiationId: negotiation.id, asOf });
  const partyNames = new Map(parties.map((p) => [p.id, p.shortName || p.name]));
  const issueNames = new Map(issues.map((i) => [i.id, i.name]));
  return (
    <>
      <div className="toolbar">
        <form method="get" action={base} aria-label="Choose the as-of date">
          <AsOfInput asOf={asOf} milestones={milestones} hrefFor={(day) => query({ asOf: day, cell: null })} />
          <WindowSelect windowDays={windowDays} />
          <input type="hidden" name="view" value="detail" />
          {partiesAsRows ? <input type="hidden" name="axis" value="parties" /> : null}
          <button type="submit" className="button">
            Show
          </button>
        </form>
        <Link href={query({ view: null, axis: null })} className="button">
          Overview
        </Link>
        <Link href={query({ axis: partiesAsRows ? null : "parties" })} className="button">
          {partiesAsRows ? "Show issues as rows" : "Show parties as rows"}
        </Link>
        {editor ? (
          <Link href={`${base}/entries/new`} className="button primary">
            Add position entry
          </Link>
        ) : null}
      </div>
      {dateLine}
      {windowDays ? (
        <p className="muted small">
          A mark ({MARKED.map((c) => `${CHANGE_DIRECTION[c]} ${CHANGE_LABELS[c].toLowerCase()}`).join(", ")}) shows a position that moved in the{" "}
          {windowDays} days up to the as-of day.
        </p>
      ) : null}
      {savedNotice(new Map(parties.map((p) => [p.id, p.name])), issueNames)}
      <InvalidAsOfNotice value={invalidAsOf} />
      {parties.length === 0 || issues.length === 0 ? (
        <EmptyMatrix base={base} />
      ) : (
        <DetailedMatrix
          base={base}
          slug={slug}
          asOf={asOf}
          asOfLabel={formatDay(asOf)}
          partiesAsRows={partiesAsRows}
          editor={editor}
          savedId={savedId}
          parties={parties.map(({ id, name, shortName, colour, role }) => ({ id, name, shortName, colour, role }))}
          issues={issues.map(({ id, name }) => ({ id, name }))}
          cells={issues.map((i) => parties.map((p) => detailedCellOf(cells.get(cellKey(i.id, p.id))!, asOf, windowDays, partyNames)))}
        />
      )}
      <ExportLinks slug={slug} asOf={asOf} editor={editor} />
    </>
  );
}

function WindowSelect({ windowDays }: { windowDays: number | null }) {
  return (
    <label>
      Mark changes in the last
      <select name="window" defaultValue={windowDays === null ? "off" : String(windowDays)}>
        {CHANGE_WINDOWS.map((w) => (
          <option key={w} value={String(w)}>
            {w} days
          </option>
        ))}
        <option value="off">No change marks</option>
      </select>
    </label>
  );
}

function EmptyMatrix({ base }: { base: string }) {
  return (
    <div className="empty">
      <p>The matrix needs at least one party and one issue.</p>
      <p>
        <Link href={`${base}/parties`}>Add parties</Link> · <Link href={`${base}/issues`}>Add issues</Link> ·{" "}
        <Link href={`${base}/sources/new`}>Add a source</Link>
      </p>
    </div>
  );
}

/** The overview's key: chips, firmness and change marks spelled out; printed with the matrix. */
function Legend({ windowDays }: { windowDays: number | null }) {
  return (
    <div className="ov-legend small">
      <h2 className="visually-hidden">Key</h2>
      <ul aria-label="Stances">
        {STANCES.map((s) => (
          <li key={s}>
            <span className={`chip stance-${s}`} aria-hidden="true">
              {STANCE_SHORT[s]}
            </span>{" "}
            {STANCE_LABELS[s]}
          </li>
        ))}
      </ul>
      <ul aria-label="Firmness and change">
        {FIRMNESS.map((f) => (
          <li key={f}>
            <span className="ov-firm" aria-hidden="true">{FIRMNESS_SHORT[f]}</span> {FIRMNESS_LABELS[f]}
          </li>
        ))}
        {windowDays
          ? MARKED.map((c) => (
              <li key={c}>
                <span className="ov-change" aria-hidden="true">{CHANGE_DIRECTION[c]}</span> {CHANGE_LABELS[c]} (last {windowDays} days)
              </li>
            ))
          : null}
        <li>
          <span className="ov-age">5mo</span> age of the position; <span className="chip ov-stale-sample">faded</span> older than {STALE_AFTER_DAYS} days
        </li>
      </ul>
    </div>
  );
}
