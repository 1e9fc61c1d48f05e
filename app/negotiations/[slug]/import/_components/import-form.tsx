"use client";

import Link from "next/link";
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { importEntriesAction, type ImportState } from "@/server/actions/import";
import { FILE_TOO_LARGE, MAX_IMPORT_FILE_BYTES } from "@/lib/exchange/limits";

export function ImportForm({ slug }: { slug: string }) {
  const [state, formAction, pending] = useActionState(importEntriesAction.bind(null, slug), {} as ImportState);
  const resultRef = useRef<HTMLDivElement>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const fileError = tooLarge ? [FILE_TOO_LARGE] : state.fieldErrors?.file;

  useEffect(() => {
    if (state.result || state.formError) resultRef.current?.focus();
  }, [state]);

  return (
    <>
      <form
        className="form"
        noValidate
        // Submitted by hand, not through `action`, so the chosen file stays chosen after a dry run
        // (React resets a form after an `action` completes).
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const file = data.get("file");
          // Larger bodies are refused before they reach the action (proxy.ts): say so here.
          if (file instanceof File && file.size > MAX_IMPORT_FILE_BYTES) {
            setTooLarge(true);
            return;
          }
          setTooLarge(false);
          startTransition(() => formAction(data));
        }}
      >
        <div className="field">
          <label htmlFor="import-file">CSV file</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? "import-file-errors" : undefined}
          />
          {fileError ? (
            <ul className="field-errors" id="import-file-errors">
              {fileError.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
        </div>
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
          <button type="submit" className="button primary" disabled={pending} aria-disabled={pending}>
            {pending ? "Working…" : "Import"}
          </button>
        </div>
      </form>
      <div ref={resultRef} tabIndex={-1} aria-live="polite">
        {state.formError ? (
          <div className="form-error" role="alert">
            <p>{state.formError}</p>
          </div>
        ) : null}
        {state.result ? <ImportResultView slug={slug} result={state.result} /> : null}
      </div>
    </>
  );
}

function ImportResultView({ slug, result }: { slug: string; result: NonNullable<ImportState["result"]> }) {
  const c = result.created;
  const created = (
    <ul>
      <li>{c.entries} position entries</li>
      <li>{c.sources} sources</li>
      <li>
        {c.parties.length} parties{c.parties.length ? `: ${c.parties.join(", ")}` : ""}
      </li>
      <li>
        {c.issues.length} issues{c.issues.length ? `: ${c.issues.join(", ")}` : ""}
      </li>
    </ul>
  );
  return (
    <section aria-labelledby="import-result">
      <h3 id="import-result">{result.ok ? (result.dryRun ? "Dry run: no problems" : "Imported") : "Nothing was saved"}</h3>
      {result.extraColumns.length ? <p>Ignored columns: {result.extraColumns.join(", ")}.</p> : null}
      {!result.ok ? (
        <div className="form-error" role="alert">
          <p>
            {result.problems.length} problem{result.problems.length === 1 ? "" : "s"} in the file; fix {result.problems.length === 1 ? "it" : "them"} and
            choose the file again:
          </p>
          <ul>
            {result.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      ) : result.dryRun ? (
        <div className="notice" role="status">
          <p>Importing this file would create (untick “Dry run” to import):</p>
          {created}
        </div>
      ) : (
        <div className="notice" role="status">
          <p>Created:</p>
          {created}
          <p>
            <Link href={`/negotiations/${slug}`}>Open the matrix</Link>
          </p>
        </div>
      )}
    </section>
  );
}
