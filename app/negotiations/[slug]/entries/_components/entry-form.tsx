"use client";

import { Field } from "@/components/field";
import { FormShell } from "@/components/form-shell";
import { createEntryAction, updateEntryAction } from "@/server/actions/entries";
import { LIMITS } from "@/lib/schemas";
import { FIRMNESS, FIRMNESS_LABELS, STANCES, STANCE_LABELS } from "@/lib/vocabulary";
import { CHANGE_LABELS, CHANGE_TYPES } from "@/lib/change";
import type { FormValues } from "@/lib/form";

type Option = { value: string; label: string };

export function EntryForm({
  slug,
  entryId,
  initial,
  parties,
  issues,
  sources,
}: {
  slug: string;
  entryId?: number;
  initial: FormValues;
  parties: Option[];
  issues: Option[];
  sources: Option[];
}) {
  const action = entryId ? updateEntryAction.bind(null, slug, entryId) : createEntryAction.bind(null, slug);
  return (
    <FormShell action={action} initialValues={initial} submitLabel={entryId ? "Save entry" : "Add entry"} another={entryId ? undefined : "Save and add another"}>
      {entryId ? <Field kind="hidden" name="version" label="Version" /> : <Field kind="hidden" name="submissionId" label="Submission" />}
      <Field kind="checkboxes" name="partyIds" label="Party" required options={parties} hint="Tick several parties for a joint statement: it counts for each." />
      <div className="form-grid-2">
        <Field kind="select" name="issueId" label="Issue" required options={issues} />
        <Field kind="select" name="sourceId" label="Source" required options={sources} />
      </div>
      <div className="form-grid-2">
        <Field kind="select" name="stance" label="Stance" required options={STANCES.map((s) => ({ value: s, label: STANCE_LABELS[s] }))} />
        <Field
          kind="select"
          name="firmness"
          label="Firmness"
          placeholder="Not stated"
          options={FIRMNESS.map((f) => ({ value: f, label: FIRMNESS_LABELS[f] }))}
        />
        <Field kind="date" name="statedOn" label="Date stated" hint="Leave empty to use the source's date." />
      </div>
      <Field kind="textarea" name="summary" label="Summary" required rows={2} maxLength={LIMITS.summary} hint="The position in your own words." />
      <Field
        kind="textarea"
        name="quote"
        label="Quote"
        rows={3}
        maxLength={LIMITS.quote}
        hint="Verbatim from the source. It must occur in the source's text (spacing and quote marks may differ); on a link-only source it is shown as unverified."
      />
      <Field kind="textarea" name="notes" label="Notes" rows={2} maxLength={LIMITS.notes} />
      <Field
        kind="select"
        name="changeOverride"
        label="Change type"
        placeholder="Computed from the previous entry"
        options={CHANGE_TYPES.map((c) => ({ value: c, label: `${CHANGE_LABELS[c]} (override)` }))}
        hint="Parley classifies how this entry moved from the party's previous one on the issue. Override it only when the rule misreads the move; the override is shown as such."
      />
    </FormShell>
  );
}
