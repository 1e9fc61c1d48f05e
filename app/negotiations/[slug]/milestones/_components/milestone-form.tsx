"use client";

import { Field } from "@/components/field";
import { FormShell } from "@/components/form-shell";
import { createMilestoneAction, updateMilestoneAction } from "@/server/actions/milestones";
import { LIMITS } from "@/lib/schemas";
import type { FormValues } from "@/lib/form";
import { sourceLabel, type NamedSource } from "@/lib/source-label";

export interface MilestoneFormRecord {
  id: number;
  version: number;
  day: string;
  title: string;
  sourceId: number | null;
  note: string;
}

export function MilestoneForm({
  slug,
  milestone,
  sources,
  submissionId,
}: {
  slug: string;
  milestone?: MilestoneFormRecord;
  /** The negotiation's sources (the choice of Source, named as the source list names them). */
  sources: ReadonlyArray<NamedSource & { id: number }>;
  submissionId?: string;
}) {
  const action = milestone ? updateMilestoneAction.bind(null, slug, milestone.id) : createMilestoneAction.bind(null, slug);
  const initial: FormValues = milestone
    ? { day: milestone.day, title: milestone.title, sourceId: milestone.sourceId ? String(milestone.sourceId) : "", note: milestone.note, version: String(milestone.version) }
    : { submissionId: submissionId ?? "", sourceId: "" };
  return (
    <FormShell action={action} initialValues={initial} submitLabel={milestone ? "Save milestone" : "Add milestone"}>
      <div className="form-fields">
        {milestone ? <Field kind="hidden" name="version" label="Version" /> : <Field kind="hidden" name="submissionId" label="Submission" />}
        <Field kind="date" name="day" label="Date" required hint="The day it happened (for talks over several days, the first)." />
        <Field name="title" label="Title" required maxLength={LIMITS.title} hint="What happened, in a few words: “Talks in Cairo”, “Proposal tabled”, “Deal signed”." />
        <Field kind="select" name="sourceId" label="Source" options={[{ value: "", label: "None" }, ...sources.map((s) => ({ value: String(s.id), label: sourceLabel(s) }))]} hint="The report that tells of it (optional)." />
        <Field kind="textarea" name="note" label="Note" rows={3} maxLength={LIMITS.notes} hint="Optional: who met, what was tabled." />
      </div>
    </FormShell>
  );
}
