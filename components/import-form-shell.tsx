"use client";

import type { ReactNode } from "react";
import { ImportOutcome, ImportProgress, useImportRun } from "./import-runner";

/**
 * The import pages' form: their own fields, a dry-run box and the button; sent by hand (not
 * through `action`), so a chosen file stays chosen after a dry run and the progress can be read
 * (components/import-runner.tsx, docs/decisions/020).
 */
export function ImportFormShell({
  url,
  fields,
  dryRun,
  submitLabel,
  unit,
}: {
  url: string;
  fields: (fieldErrors: Record<string, string[]>) => ReactNode;
  dryRun: { label: string; checked: boolean };
  submitLabel: string;
  unit: string;
}) {
  const { run, busy, start } = useImportRun(url);
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
        {fields(run.fieldErrors ?? {})}
        <div className="field">
          <label>
            <input type="checkbox" name="dryRun" defaultChecked={dryRun.checked} /> {dryRun.label}
          </label>
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy} aria-disabled={busy}>
            {busy ? "Working…" : submitLabel}
          </button>
        </div>
      </form>
      <ImportProgress run={run} unit={unit} />
      <ImportOutcome run={run} />
    </>
  );
}
