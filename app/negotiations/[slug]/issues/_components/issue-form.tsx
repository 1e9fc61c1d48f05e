"use client";

import { Field } from "@/components/field";
import { FormShell } from "@/components/form-shell";
import { createIssueAction, updateIssueAction } from "@/server/actions/parties-and-issues";
import { LIMITS } from "@/lib/schemas";
import type { FormValues } from "@/lib/form";

export interface IssueFormRecord {
  id: number;
  version: number;
  name: string;
  description: string;
  keywords: string;
  order: number;
}

export function IssueForm({ slug, issue, nextOrder = 1, submissionId }: { slug: string; submissionId?: string; issue?: IssueFormRecord; nextOrder?: number }) {
  const action = issue ? updateIssueAction.bind(null, slug, issue.id) : createIssueAction.bind(null, slug);
  const initial: FormValues = issue
    ? { name: issue.name, description: issue.description, keywords: issue.keywords, version: String(issue.version), order: String(issue.order) }
    : { order: String(nextOrder), submissionId: submissionId ?? "" };
  return (
    <FormShell action={action} initialValues={initial} submitLabel={issue ? "Save issue" : "Add issue"}>
      {issue ? <Field kind="hidden" name="version" label="Version" /> : <Field kind="hidden" name="submissionId" label="Submission" />}
      <div className="form-grid-2">
        <Field name="name" label="Name" required maxLength={LIMITS.name} />
        <Field kind="number" name="order" label="Order" hint="Rows are sorted by this number." />
      </div>
      <Field kind="textarea" name="description" label="Description" rows={2} maxLength={LIMITS.description} />
      <Field
        kind="textarea"
        name="keywords"
        label="Words reports use"
        rows={2}
        maxLength={LIMITS.keywords}
        hint="One per line: the words a report uses for this issue, e.g. “truce”, “pause in fighting”. Suggested positions look for them."
      />
    </FormShell>
  );
}
