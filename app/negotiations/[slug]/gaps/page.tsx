import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AsOfInput, InvalidAsOfNotice } from "@/components/as-of";
import { listMilestoneMarks } from "@/server/queries/milestones";
import { asOfParam, firstValue as one } from "@/lib/search-params";
import { getNegotiation } from "@/server/queries/negotiations";
import { getAsOfEntries } from "@/server/queries/entries";
import { ConvergenceSection } from "@/components/convergence-section";
import { formatDay, plural } from "@/lib/format";
import { listSides } from "@/server/queries/sides";
import { buildGapRows, countGapStatuses, describeBystanders, groupPartiesBySide, DEFAULT_GAP_SORT, GAP_SORT_LABELS, GAP_SORTS, parseGapSort } from "@/lib/gaps-view";
import { titled } from "../_components/page-title";
import { GapsTable } from "./_components/gaps-table";

export const generateMetadata = titled("Gaps");

type Search = { asOf?: string | string[]; sort?: string | string[] };

export default async function GapsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const negotiation = await getNegotiation(slug);
  if (!negotiation) notFound();

  const { asOf, today, invalid: invalidAsOf } = asOfParam(search.asOf);
  const sort = parseGapSort(one(search.sort));
  const [{ parties: listed, issues, entries }, sides, milestones] = await Promise.all([
    getAsOfEntries({ negotiationId: negotiation.id, asOf }),
    listSides(negotiation.id),
    listMilestoneMarks(negotiation.id),
  ]);
  // Columns grouped under their sides (docs/decisions/027-sides.md); without sides, matrix order.
  const groups = sides.length > 0 ? groupPartiesBySide(listed, sides) : [];
  const parties = groups.length > 0 ? groups.flatMap((g) => g.parties) : listed;
  const rows = buildGapRows({ issues, parties, sides, entries, asOf, sort });
  const counts = countGapStatuses(rows);
  const base = `/negotiations/${slug}`;
  const todayHref = sort === DEFAULT_GAP_SORT ? `${base}/gaps` : `${base}/gaps?sort=${sort}`;
  const bystanders = parties.filter((p) => p.role !== "party");

  return (
    <>
      <div className="toolbar">
        <form method="get" action={`${base}/gaps`} aria-label="Choose the as-of date and the order of issues">
          <AsOfInput
            asOf={asOf}
            milestones={milestones}
            hrefFor={(day) => `${base}/gaps?asOf=${day}${sort === DEFAULT_GAP_SORT ? "" : `&sort=${sort}`}`}
          />
          <label>
            Sort issues by
            <select name="sort" defaultValue={sort}>
              {GAP_SORTS.map((s) => (
                <option key={s} value={s}>
                  {GAP_SORT_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button">
            Show
          </button>
          {asOf !== today ? (
            <Link href={todayHref} className="button">
              Today
            </Link>
          ) : null}
        </form>
      </div>
      <p className="muted small" aria-live="polite">
        Positions as of <strong>{formatDay(asOf)}</strong>
        {asOf === today ? " (today)" : ""}:{" "}
        <strong className="gap-count">{plural(counts.opposed, "issue")} opposed</strong>, {counts.open} open, {counts.compatible} compatible
        {sort === "gap" ? "; most opposed first." : "; in matrix order."}
      </p>
      <details className="gaps-legend small">
        <summary>How the status is decided</summary>
        <p>
          From each party&rsquo;s latest stance on the issue as of the date. Parties of one side are allies and count as one; a side
          whose members disagree is named as divided, and each member&rsquo;s stance faces the other sides. A party without a side is a side
          of its own. <strong>Opposed</strong>: one side rejects what another holds, or two sides both demand. <strong>Compatible</strong>: every party accepts, supports or concedes (one may propose).{" "}
          <strong>Open</strong>: anything else, such as a demand not yet met or a party yet to speak. Stances say nothing about what exactly
          is rejected or demanded, so read the cells before concluding.
          {bystanders.length > 0
            ? ` Only parties count: the positions of ${bystanders.map((p) => p.shortName || p.name).join(", ")} are listed beside each status and shown in the shaded columns.`
            : ""}
        </p>
      </details>
      <InvalidAsOfNotice value={invalidAsOf} />
      {issues.length > 0 ? <ConvergenceSection negotiationId={negotiation.id} asOf={asOf} matrixHref={base} milestones={milestones} id="cv-gaps" /> : null}
      {issues.length === 0 ? (
        <div className="empty">
          <p>No issues yet: the gap view compares the parties&rsquo; positions issue by issue.</p>
          <p>
            <Link href={`${base}/issues`}>Add issues</Link> · <Link href={`${base}/parties`}>Add parties</Link>
          </p>
        </div>
      ) : (
        <GapsTable
          base={base}
          asOf={asOf}
          label={`Gaps between the parties on ${formatDay(asOf)}`}
          caption={`Issues as rows (${GAP_SORT_LABELS[sort].toLowerCase()}), with the status of each issue and each party\u2019s position as of ${formatDay(asOf)}`}
          parties={parties.map(({ id, name, shortName, colour, role }) => ({ id, name, shortName, colour, role }))}
          groups={groups.map((g) => ({ side: g.side ? { name: g.side.name, colour: g.side.colour } : null, span: g.parties.length }))}
          rows={rows.map(({ issue, gap, cells }) => ({
            id: issue.id,
            name: issue.name,
            status: gap.status,
            reason: gap.reason,
            bystanders: describeBystanders(gap.bystanders, parties),
            cells: cells.map(({ entry }) => (entry ? [entry.stance, entry.firmness, entry.summary, entry.statedOn] : null)),
          }))}
        />
      )}
    </>
  );
}
