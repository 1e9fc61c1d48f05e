"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { createdLines, decodeEvents, type ImportSummary } from "@/lib/exchange/import-events";
import { FILE_TOO_LARGE, MAX_IMPORT_FILE_BYTES } from "@/lib/exchange/limits";

// The browser's side of an import (docs/decisions/020): sends the form to an import route with
// fetch, reads the JSON lines it streams back as they arrive and shows them: a <progress> while
// the rows are checked and written, then the result. Both import pages use it.

export interface ImportRun {
  phase: "idle" | "sending" | "running" | "finishing" | "done";
  done: number;
  total: number;
  result?: ImportSummary;
  formError?: string;
  fieldErrors?: Record<string, string[]>;
}

const CONNECTION_LOST = "The connection to Parley was lost before the import finished. Open the matrix to see whether the rows were saved (an import is saved whole or not at all).";

export function useImportRun(url: string) {
  const router = useRouter();
  const [run, setRun] = useState<ImportRun>({ phase: "idle", done: 0, total: 0 });
  const busy = run.phase === "sending" || run.phase === "running" || run.phase === "finishing";

  async function start(data: FormData) {
    const file = data.get("file");
    // Larger bodies are refused before they reach the route (proxy.ts): say so here.
    if (file instanceof File && file.size > MAX_IMPORT_FILE_BYTES) {
      setRun({ phase: "done", done: 0, total: 0, fieldErrors: { file: [FILE_TOO_LARGE] } });
      return;
    }
    setRun({ phase: "sending", done: 0, total: 0 });
    let finished = false;
    try {
      const response = await fetch(url, { method: "POST", body: data, headers: { accept: "application/x-ndjson" } });
      if (!response.body) throw new Error("no body");
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = "";
      for (;;) {
        const { done, value } = await reader.read();
        buffered += value ?? "";
        const { events, rest } = decodeEvents(done ? buffered + "\n" : buffered);
        buffered = rest;
        for (const event of events) {
          if (event.type === "progress") {
            setRun({ phase: event.done >= event.total ? "finishing" : "running", done: event.done, total: event.total });
          } else if (event.type === "result") {
            finished = true;
            setRun((r) => ({ phase: "done", done: r.total, total: r.total, result: event.result }));
            // The page around the form (the negotiation's counts) shows what was saved.
            if (event.result.ok && !event.result.dryRun) router.refresh();
          } else {
            finished = true;
            setRun({ phase: "done", done: 0, total: 0, formError: event.formError, fieldErrors: event.fieldErrors });
          }
        }
        if (done) break;
      }
      if (!finished) setRun({ phase: "done", done: 0, total: 0, formError: CONNECTION_LOST });
    } catch {
      if (!finished) setRun({ phase: "done", done: 0, total: 0, formError: CONNECTION_LOST });
    }
  }
  return { run, busy, start };
}

/** The progress bar while an import runs, then nothing. */
export function ImportProgress({ run, unit }: { run: ImportRun; unit: string }) {
  if (run.phase === "idle" || run.phase === "done") return null;
  const text =
    run.phase === "sending"
      ? "Sending the file…"
      : run.phase === "finishing"
        ? `All ${run.total.toLocaleString("en")} ${unit} checked; finishing…`
        : `${run.done.toLocaleString("en")} of ${run.total.toLocaleString("en")} ${unit} checked`;
  return (
    <div className="import-progress">
      <label htmlFor="import-progress">Import progress</label>
      {run.phase === "sending" ? <progress id="import-progress" /> : <progress id="import-progress" max={run.total} value={run.done} />}
      <p className="small">{text}. Nothing is saved until every row has passed.</p>
    </div>
  );
}

/** The outcome: problems by line, or what was (or, on a dry run, would be) created. */
export function ImportOutcome({ run }: { run: ImportRun }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (run.phase === "done" && (run.result || run.formError)) ref.current?.focus();
  }, [run]);
  return (
    <div ref={ref} tabIndex={-1} aria-live="polite">
      {run.formError ? (
        <div className="form-error" role="alert">
          <p>{run.formError}</p>
        </div>
      ) : null}
      {run.result ? <ImportResultView result={run.result} /> : null}
    </div>
  );
}

function ImportResultView({ result }: { result: ImportSummary }) {
  const c = result.created;
  const created = (
    <ul>
      {c.negotiation ? (
        <li>
          the negotiation <strong>{c.negotiation}</strong>
        </li>
      ) : null}
      {createdLines(c).map((line) => (
        <li key={line}>{line}</li>
      ))}
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
          <p>Created in {result.seconds.toLocaleString("en")} s:</p>
          {created}
          <p>
            <Link href={`/negotiations/${result.slug}`}>Open the matrix</Link>
          </p>
        </div>
      )}
    </section>
  );
}

/** The file input with its error list (a file cannot be a <Field>: its value cannot be given back). */
export function FileField({ accept, label, errors }: { accept: string; label: string; errors?: string[] }) {
  return (
    <div className="field">
      <label htmlFor="import-file">{label}</label>
      <input
        id="import-file"
        name="file"
        type="file"
        accept={accept}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? "import-file-errors" : undefined}
      />
      {errors ? (
        <ul className="field-errors" id="import-file-errors">
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
