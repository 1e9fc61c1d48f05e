"use client";

import { Field } from "@/components/field";
import { FormShell } from "@/components/form-shell";
import type { KeyboardEvent } from "react";
import { createSourceAction, fetchSourceAction, updateSourceAction } from "@/server/actions/sources";
import { LIMITS } from "@/lib/schemas";
import type { FormState, FormValues } from "@/lib/form";

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
  // A new source's form has two buttons: "Fetch from URL" fills the fields from the page (nothing
  // saved), "Add source" saves. The button pressed decides which server action runs.
  const action = source
    ? updateSourceAction.bind(null, slug, source.id)
    : (prev: FormState, formData: FormData) =>
        formData.get("intent") === "fetch" ? fetchSourceAction(slug, prev, formData) : createSourceAction(slug, prev, formData);
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
      <div onKeyDown={source ? undefined : enterKey} className="form-fields">
        {source ? <Field kind="hidden" name="version" label="Version" /> : <Field kind="hidden" name="submissionId" label="Submission" />}
        {source ? null : (
          <div className="fetch-row">
            <Field
              kind="url"
              name="url"
              label="Address (URL)"
              maxLength={LIMITS.url}
              placeholder="https://"
              hint="Paste the report's address and press Fetch from URL: Parley reads the page and fills in the fields below for you to check. Or fill them in yourself."
            />
            <button type="submit" name="intent" value="fetch" className="button" formNoValidate>
              Fetch from URL
            </button>
          </div>
        )}
        <Field name="title" label="Title" maxLength={LIMITS.title} hint="The report’s headline. Leave empty when it has none: the source is then named by its outlet and date." />
        <div className="form-grid-2">
          <Field name="outlet" label="Outlet" maxLength={LIMITS.name} hint="Where you read it, e.g. Reuters, menafn.com." />
          <Field kind="date" name="publishedOn" label="Published" hint="Entries default to this date." />
          <Field name="language" label="Language" hint="A code such as en, ar, fr." maxLength={LIMITS.language} />
        </div>
        {source ? <Field kind="url" name="url" label="Address (URL)" maxLength={LIMITS.url} placeholder="https://" /> : null}
        <Field
          kind="textarea"
          name="text"
          label="Text"
          rows={10}
          maxLength={LIMITS.sourceText}
          hint="Paste the article or the excerpt you quote from; quotes are checked against it. Leave empty for a link-only source (its quotes show as unverified)."
        />
      </div>
    </FormShell>
  );
}

/**
 * Enter in the URL field fetches; Enter in any other one-line field saves, as on every other
 * form (the Fetch button comes first, so the browser would otherwise take it as the default).
 */
function enterKey(e: KeyboardEvent<HTMLDivElement>) {
  if (e.key !== "Enter" || !(e.target instanceof HTMLInputElement) || !e.target.form) return;
  e.preventDefault();
  const row = e.target.closest(".fetch-row");
  if (row) e.target.form.requestSubmit(row.querySelector<HTMLButtonElement>("button[value='fetch']"));
  else e.target.form.requestSubmit();
}
