"use client";

import { FileField } from "@/components/import-runner";
import { ImportFormShell } from "@/components/import-form-shell";

/** Entries from a CSV into this negotiation, with progress. */
export function ImportForm({ slug }: { slug: string }) {
  return (
    <ImportFormShell
      url={`/negotiations/${encodeURIComponent(slug)}/import/run`}
      dryRun={{ label: "Dry run: check every row, save nothing", checked: true }}
      submitLabel="Import"
      unit="rows"
      fields={(errors) => (
        <>
          <FileField accept=".csv,text/csv" label="CSV file" errors={errors.file} />
          <div className="field">
            <label>
              <input type="checkbox" name="createMissing" /> Create missing parties and issues
            </label>
          </div>
        </>
      )}
    />
  );
}
