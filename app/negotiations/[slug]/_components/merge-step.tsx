import Link from "next/link";
import { FormShell } from "@/components/form-shell";
import { Field } from "@/components/field";
import type { FormState } from "@/lib/form";
import { mergeSummary } from "@/lib/taxonomy";
import type { getMergePlan } from "@/server/queries/parties-and-issues";

// The two steps of a merge (docs/decisions/019): choose the party or issue to merge into (a GET
// form, so the choice is in the address), then confirm what will happen, in numbers.

type Plan = Awaited<ReturnType<typeof getMergePlan>>;

export function MergeStep({
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
