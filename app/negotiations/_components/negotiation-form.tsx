"use client";

import { Field } from "@/components/field";
import { FormShell } from "@/components/form-shell";
import { createNegotiationAction, updateNegotiationAction } from "@/server/actions/negotiations";
import { LIMITS } from "@/lib/schemas";
import type { FormValues } from "@/lib/form";

export function NegotiationForm({
  negotiation,
  submissionId,
}: {
  negotiation?: { id: number; version: number; title: string; slug: string; description: string };
  /** For a new negotiation: the token that makes a double submit create one record. */
  submissionId?: string;
}) {
  const action = negotiation ? updateNegotiationAction.bind(null, negotiation.id) : createNegotiationAction;
  const initial: FormValues = negotiation
    ? { title: negotiation.title, slug: negotiation.slug, description: negotiation.description, version: String(negotiation.version) }
    : { submissionId: submissionId ?? "" };
  return (
    <FormShell action={action} initialValues={initial} submitLabel={negotiation ? "Save negotiation" : "Create negotiation"}>
      {negotiation ? <Field kind="hidden" name="version" label="Version" /> : <Field kind="hidden" name="submissionId" label="Submission" />}
      <Field name="title" label="Title" required maxLength={LIMITS.title} hint="e.g. “COP29 climate finance talks” or “Gaza ceasefire talks”." />
      <Field
        name="slug"
        label="Short name in the address"
        maxLength={60}
        hint="Lowercase letters, digits and dashes. Leave empty to make one from the title."
      />
      <Field kind="textarea" name="description" label="Description" maxLength={LIMITS.description} rows={3} />
    </FormShell>
  );
}
