import Link from "next/link";
import { notFound } from "next/navigation";
import { FormShell } from "@/components/form-shell";
import { Field } from "@/components/field";
import { MoveButtons } from "@/components/reorder";
import { parseId, type FormState } from "@/lib/form";
import { firstValue, type SearchValue } from "@/lib/search-params";
import { mergeSummary } from "@/lib/taxonomy";
import { requirePageRole } from "@/server/session";
import { getNegotiation } from "@/server/queries/negotiations";
import { getIssue, getMergePlan, getParty, listIssues, listParties } from "@/server/queries/parties-and-issues";
import { mergeIssueAction, mergePartyAction, moveIssueAction, movePartyAction, moveSideAction } from "@/server/actions/parties-and-issues";
import { getSide, listSides } from "@/server/queries/sides";

// Taxonomy care on the parties and issues pages: the row actions (edit, merge, move) and the
// merge page. The two steps of a merge (docs/decisions/019): choose the party or issue to merge into (a GET
// form, so the choice is in the address), then confirm what will happen, in numbers.

type Plan = Awaited<ReturnType<typeof getMergePlan>>;
type Kind = "party" | "issue";

const KIND = {
  party: { list: "parties", get: getParty, all: listParties, merge: mergePartyAction, move: movePartyAction },
  issue: { list: "issues", get: getIssue, all: listIssues, merge: mergeIssueAction, move: moveIssueAction },
} as const;
const ORDERED = { ...KIND, side: { list: "sides", get: getSide, all: listSides, merge: null, move: moveSideAction } } as const;

/** The merge page of a party or an issue: /negotiations/<slug>/<list>/<id>/merge[?into=<id>]. */
export async function MergePage({
  kind,
  params,
  searchParams,
}: {
  kind: Kind;
  params: Promise<{ slug: string; id: string }>;
  searchParams: Promise<{ into?: SearchValue }>;
}) {
  const k = KIND[kind];
  const [{ slug, id: rawId }, query] = await Promise.all([params, searchParams]);
  await requirePageRole("editor", `/negotiations/${slug}/${k.list}/${rawId}/merge`);
  const id = parseId(rawId);
  const rawInto = firstValue(query.into);
  const into = rawInto === undefined ? null : parseId(rawInto);
  const negotiation = await getNegotiation(slug);
  if (!negotiation || !id || (rawInto !== undefined && !into)) notFound();
  const [record, all, plan] = await Promise.all([
    k.get(negotiation.id, id),
    k.all(negotiation.id),
    into ? getMergePlan(kind, negotiation.id, id, into) : Promise.resolve(null),
  ]);
  if (!record || (into && !plan)) notFound();
  const others = (all as Array<{ id: number; name: string }>).filter((r) => r.id !== id);
  return <MergeStep kind={kind} slug={slug} record={record} others={others} into={into} plan={plan} action={k.merge.bind(null, slug, id)} />;
}

/** An editor's links and buttons on a row of the parties, sides or issues list (sides are not merged). */
export function RowActions({
  kind,
  slug,
  record,
  position,
  total,
}: {
  kind: keyof typeof ORDERED;
  slug: string;
  record: { id: number; name: string; version: number };
  position: number;
  total: number;
}) {
  const k = ORDERED[kind];
  const base = `/negotiations/${slug}/${k.list}/${record.id}`;
  const hidden = (
    <span className="visually-hidden">
      {" "}
      <bdi>{record.name}</bdi>
    </span>
  );
  return (
    <div className="row-actions">
      <Link href={`${base}/edit`}>Edit{hidden}</Link>
      {k.merge ? <Link href={`${base}/merge`}>Merge{hidden} into…</Link> : null}
      <MoveButtons action={k.move.bind(null, slug, record.id)} name={record.name} version={record.version} position={position} total={total} />
    </div>
  );
}

function MergeStep({
  kind,
  slug,
  record,
  others,
  into,
  plan,
  action,
}: {
  kind: "party" | "issue";
  slug: string;
  record: { id: number; name: string; version: number };
  others: Array<{ id: number; name: string }>;
  into: number | null;
  plan: Plan;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const list = kind === "party" ? "parties" : "issues";
  const here = `/negotiations/${slug}/${list}/${record.id}/merge`;
  return (
    <div className="page-narrow">
      <p className="breadcrumbs">
        <Link href={`/negotiations/${slug}/${list}`}>{kind === "party" ? "Parties" : "Issues"}</Link> /
      </p>
      <h2 style={{ marginTop: 0 }}>
        Merge <bdi>{record.name}</bdi> into another {kind}
      </h2>
      {into === null || !plan ? (
        others.length === 0 ? (
          <p className="empty">This negotiation has no other {kind} to merge into.</p>
        ) : (
          <form method="get" action={here} className="form">
            <p className="muted">
              Every position entry of “<bdi>{record.name}</bdi>” will {kind === "party" ? "be credited to" : "move to"} the {kind} you choose. You
              will see how many before anything changes.
            </p>
            <div className="field">
              <label htmlFor="merge-into">Merge into</label>
              <select id="merge-into" name="into" required defaultValue="">
                <option value="" disabled>
                  Choose {kind === "party" ? "a party" : "an issue"}…
                </option>
                {others.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-actions">
              <button type="submit" className="button primary">
                Continue
              </button>
              <Link href={`/negotiations/${slug}/${list}`}>Cancel</Link>
            </div>
          </form>
        )
      ) : !plan.ok ? (
        <>
          <p className="form-error" role="alert">
            {plan.message}
          </p>
          <p>
            <Link href={here}>Choose another {kind}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="notice">
            {mergeSummary(kind, { name: record.name, target: plan.target.name, entries: plan.entries, joint: plan.joint, aliases: plan.addedAliases })}
          </p>
          <FormShell action={action} initialValues={{ version: String(record.version), targetId: String(plan.target.id) }} submitLabel={`Merge into “${plan.target.name}”`}>
            <Field kind="hidden" name="version" label="Version" />
            <Field kind="hidden" name="targetId" label="Merge into" />
          </FormShell>
          <p className="small">
            <Link href={here}>Choose another {kind}</Link> · <Link href={`/negotiations/${slug}/${list}`}>Cancel</Link>
          </p>
        </>
      )}
    </div>
  );
}
