"use client";

import { FormShell } from "./form-shell";
import { Field } from "./field";
import type { FormState } from "@/lib/form";

export function RestoreButton({ action, version, label }: { action: (s: FormState, f: FormData) => Promise<FormState>; version: number; label: string }) {
  return (
    <FormShell action={action} initialValues={{ version: String(version) }} submitLabel={label} className="inline-form">
      <Field kind="hidden" name="version" label="Version" />
    </FormShell>
  );
}
