"use client";

import { Field } from "@/components/field";
import { FieldContext } from "@/components/form-shell";
import { FileField, ImportOutcome, ImportProgress, useImportRun } from "@/components/import-runner";

/** A whole negotiation from its exported JSON file, as a new negotiation (components/import-runner.tsx). */
export function NegotiationImportForm() {
  const { run, busy, start } = useImportRun("/negotiations/import/run");
  return (
    <>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void start(new FormData(event.currentTarget));
        }}
      >
        <FileField accept=".json,application/json" label="Negotiation file (.json)" errors={run.fieldErrors?.file} />
        <FieldContext values={{}} errors={run.fieldErrors ?? {}}>
          <Field
            name="slug"
            label="Short name in the address (optional)"
            hint="Leave empty to use the file's own. A negotiation with that short name must not exist yet."
            maxLength={60}
          />
        </FieldContext>
        <div className="field">
          <label>
            <input type="checkbox" name="dryRun" /> Dry run: check the file, save nothing
          </label>
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy} aria-disabled={busy}>
            {busy ? "Working…" : "Import negotiation"}
          </button>
        </div>
      </form>
      <ImportProgress run={run} unit="records" />
      <ImportOutcome run={run} />
    </>
  );
}
