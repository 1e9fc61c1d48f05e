"use client";

import { FileField, ImportOutcome, ImportProgress, useImportRun } from "@/components/import-runner";

/** Entries from a CSV into this negotiation, with progress (components/import-runner.tsx). */
export function ImportForm({ slug }: { slug: string }) {
  const { run, busy, start } = useImportRun(`/negotiations/${encodeURIComponent(slug)}/import/run`);
  const fileError = run.fieldErrors?.file;
  return (
    <>
      <form
        className="form"
        noValidate
        // Sent by hand, so the chosen file stays chosen after a dry run and the progress can be read.
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void start(new FormData(event.currentTarget));
        }}
      >
        <FileField accept=".csv,text/csv" label="CSV file" errors={fileError} />
        <div className="field">
          <label>
            <input type="checkbox" name="createMissing" /> Create missing parties and issues
          </label>
        </div>
        <div className="field">
          <label>
            <input type="checkbox" name="dryRun" defaultChecked /> Dry run: check every row, save nothing
          </label>
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy} aria-disabled={busy}>
            {busy ? "Working…" : "Import"}
          </button>
        </div>
      </form>
      <ImportProgress run={run} unit="rows" />
      <ImportOutcome run={run} />
    </>
  );
}
