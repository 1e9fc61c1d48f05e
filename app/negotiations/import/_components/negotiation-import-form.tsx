"use client";

import { Field } from "@/components/field";
import { FieldContext } from "@/components/form-shell";
import { FileField } from "@/components/import-runner";
import { ImportFormShell } from "@/components/import-form-shell";

/** A whole negotiation from its exported JSON file, as a new negotiation, with progress. */
export function NegotiationImportForm() {
  return (
    <ImportFormShell
      url="/negotiations/import/run"
      dryRun={{ label: "Dry run: check the file, save nothing", checked: false }}
      submitLabel="Import negotiation"
      unit="records"
      fields={(errors) => (
        <>
          <FileField accept=".json,application/json" label="Negotiation file (.json)" errors={errors.file} />
          <FieldContext values={{}} errors={errors}>
            <Field
              name="slug"
              label="Short name in the address (optional)"
              hint="Leave empty to use the file's own. A negotiation with that short name must not exist yet."
              maxLength={60}
            />
          </FieldContext>
        </>
      )}
    />
  );
}
