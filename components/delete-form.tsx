"use client";

import type { ReactNode } from "react";
import { FormShell } from "./form-shell";
import { Field } from "./field";
import type { FormState } from "@/lib/form";

/** Moves a record to the trash after a confirmation; it carries the version it was loaded with. */
export function DeleteForm({
  action,
  version,
  label,
  question,
  children,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  version: number;
  label: string;
  question: string;
  /** What the delete does to other records (e.g. the entries that depend on a party). */
  children?: ReactNode;
}) {
  return (
    <section className="danger-zone" aria-label={label}>
      <FormShell action={action} initialValues={{ version: String(version) }} submitLabel={label} confirm={question}>
        <Field kind="hidden" name="version" label="Version" />
        <p className="small muted">Deleting moves it to the trash; nothing is lost and it can be restored.</p>
        {children}
      </FormShell>
    </section>
  );
}
