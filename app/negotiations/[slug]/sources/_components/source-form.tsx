"use client";

import { Field } from "@/components/field";
import { FormShell } from "@/components/form-shell";
import { createSourceAction, updateSourceAction } from "@/server/actions/sources";
import { LIMITS } from "@/lib/schemas";
import type { FormValues } from "@/lib/form";

export interface SourceFormRecord {
  id: number;
  version: number;
  title: string | null;
  outlet: string;
  url: string;
  publishedOn: string | null;
  language: string;
  text: string | null;
}

export function SourceForm({ slug, source, submissionId }: { slug: string; source?: SourceFormRecord; submissionId?: string }) {
  const action = source ? updateSourceAction.bind(null, slug, source.id) : createSourceAction.bind(null, slug);
  const initial: FormValues = source
    ? {
        title: source.title ?? "",
        outlet: source.outlet,
        url: source.url,
        publishedOn: source.publishedOn ?? "",
        language: source.language,
        text: source.text ?? "",
        version: String(source.version),
      }
    : { language: "en", submissionId: submissionId ?? "" };
  return (
    <FormShell action={action} initialValues={initial} submitLabel={source ? "Save source" : "Add source"}>
      {source ? <Field kind="hidden" name="version" label="Version" /> : <Field kind="hidden" name="submissionId" label="Submission" />}
      <Field name="title" label="Title" maxLength={LIMITS.title} hint="The report’s headline. Leave empty when it has none: the source is then named by its outlet and date." />
      <div className="form-grid-2">
        <Field name="outlet" label="Outlet" maxLength={LIMITS.name} hint="Where you read it, e.g. Reuters, menafn.com." />
        <Field kind="date" name="publishedOn" label="Published" hint="Entries default to this date." />
        <Field name="language" label="Language" hint="A code such as en, ar, fr." maxLength={LIMITS.language} />
      </div>
      <Field kind="url" name="url" label="Address (URL)" maxLength={LIMITS.url} placeholder="https://" />
      <Field
        kind="textarea"
        name="text"
        label="Text"
        rows={10}
        maxLength={LIMITS.sourceText}
        hint="Paste the article or the excerpt you quote from; quotes are checked against it. Leave empty for a link-only source (its quotes show as unverified)."
      />
    </FormShell>
  );
}
