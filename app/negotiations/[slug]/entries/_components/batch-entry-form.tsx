"use client";

import { useEffect, useRef, useState } from "react";
import { Field } from "@/components/field";
import { FormShell } from "@/components/form-shell";
import { createEntriesAction } from "@/server/actions/entries";
import { LIMITS } from "@/lib/schemas";
import { FIRMNESS, FIRMNESS_LABELS, STANCES, STANCE_LABELS } from "@/lib/vocabulary";
import { valuesOf, type FormState, type FormValues } from "@/lib/form";
import { MAX_ROWS, newRowKeys, rowField, rowFieldId, rowReview, suggestionField, type RowField, type RowReview } from "@/lib/batch-entries";

type Option = { value: string; label: string };

/** What the page says beside a suggestion row (lib/suggest/rows.ts SuggestionRowView). */
export type SuggestionNote = { number: number; reason: string; confidence: string; runnersUp: string[]; recordedAs: { id: number; href: string } | null };

const LABELS: Record<RowField | "statedOn", string> = {
  partyIds: "Party",
  issueId: "Issue",
  stance: "Stance",
  firmness: "Firmness",
  summary: "Summary",
  quote: "Quote",
  notes: "Notes",
  statedOn: "Date stated",
};
const DATE_ID = "batch-statedOn";

/** Batch entry's form: the batch's date, then a row per position (docs/decisions/018). */
export function BatchEntryForm({
  slug,
  sourceId,
  sourceDated,
  initial,
  parties,
  issues,
  suggestions = {},
}: {
  slug: string;
  sourceId: number;
  sourceDated: boolean;
  initial: FormValues;
  parties: Option[];
  issues: Option[];
  /** Suggestion rows' notes by row key (issue 12): those rows start "pending". */
  suggestions?: Record<string, SuggestionNote>;
}) {
  const action = createEntriesAction.bind(null, slug, sourceId);
  return (
    <FormShell action={action} initialValues={initial} submitLabel="Save positions" className="form batch-form">
      {(state) => <BatchFields state={state} initial={initial} parties={parties} issues={issues} sourceDated={sourceDated} suggestions={suggestions} />}
    </FormShell>
  );
}

function BatchFields({
  state,
  initial,
  parties,
  issues,
  sourceDated,
  suggestions,
}: {
  state: FormState;
  initial: FormValues;
  parties: Option[];
  issues: Option[];
  sourceDated: boolean;
  suggestions: Record<string, SuggestionNote>;
}) {
  // The form remounts after every answer (FormShell), so the rows start from what came back.
  const values = state.values ?? initial;
  const [keys, setKeys] = useState(() => valuesOf(values, "rows"));
  // Suggestion rows: pending until accepted; a rejected one stays (hidden, sent as rejected, never
  // saved) so that Undo brings it back with what was typed in it.
  const [reviews, setReviews] = useState<Record<string, RowReview>>(() =>
    Object.fromEntries(valuesOf(values, "rows").map((k) => [k, suggestions[k] ? rowReview(values, k) : "hand"])),
  );
  const review = (key: string): RowReview => reviews[key] ?? "hand";
  const decide = (key: string, next: RowReview, focusId: string) => {
    focusNext.current = focusId;
    setReviews({ ...reviews, [key]: next });
  };
  const focusNext = useRef<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    (document.getElementById(target) ?? addRef.current)?.focus();
  }, [keys, reviews]);

  const add = () => {
    const [key] = newRowKeys(keys);
    focusNext.current = rowFieldId(key!, "partyIds");
    setKeys([...keys, key!]);
  };
  const remove = (index: number) => {
    const next = keys.filter((_, i) => i !== index);
    // Focus moves to the row that took this one's place, or to "Add row" after the last.
    focusNext.current = next[index] ? `row${next[index]}-remove` : "add-row";
    setKeys(next);
  };

  const errors = Object.entries(state.fieldErrors ?? {});
  const errorLinks = errors.flatMap(([name, messages]) => {
    const m = /^row(\d+)\.(\w+)$/.exec(name);
    const index = m ? keys.indexOf(m[1]!) : -1;
    const field = (m ? m[2] : name) as RowField | "statedOn";
    const note = m ? suggestions[m[1]!] : undefined;
    const rowName = note && review(m![1]!) !== "hand" ? `Suggestion ${note.number}` : `Row ${index + 1}`;
    const where = m ? `${rowName}, ${LABELS[field] ?? field}` : (LABELS[field] ?? field);
    const href = m ? `#${rowFieldId(m[1]!, field as RowField)}` : `#${DATE_ID}`;
    return messages.map((message) => ({ key: `${name}:${message}`, href, text: `${where}: ${message}`, index }));
  });
  errorLinks.sort((a, b) => a.index - b.index);
  const rejected = keys.filter((k) => review(k) === "rejected" && suggestions[k]);

  return (
    <>
      {state.saved && state.saved.length > 0 ? (
        <section className="batch-saved" aria-labelledby="batch-saved-heading">
          <h3 id="batch-saved-heading">Saved from this form ({state.saved.length})</h3>
          <ul>
            {state.saved.map((s) => (
              <li key={s.id}>
                <span aria-hidden="true">✓ </span>
                <a href={s.href}>{s.label}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {errorLinks.length > 0 ? (
        <div className="error-summary" aria-labelledby="batch-errors-heading">
          <h3 id="batch-errors-heading">{errorLinks.length === 1 ? "1 problem to fix" : `${errorLinks.length} problems to fix`}</h3>
          <ul>
            {errorLinks.map((e) => (
              <li key={e.key}>
                <a href={e.href}>{e.text}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Field kind="hidden" name="submissionId" label="Submission" />
      {keys.map((key) => (
        <input key={key} type="hidden" name="rows" value={key} />
      ))}
      <div className="batch-date">
        <Field
          kind="date"
          name="statedOn"
          id={DATE_ID}
          label="Date stated"
          hint={sourceDated ? "For every row. Filled in with the source's date; leave it empty to use the source's date." : "For every row. This source has no date: enter the day the positions were stated."}
        />
      </div>
      {rejected.length > 0 ? (
        <section className="batch-rejected" aria-labelledby="batch-rejected-heading">
          <h3 id="batch-rejected-heading" tabIndex={-1}>Rejected suggestions ({rejected.length})</h3>
          <p className="field-hint">Not saved. Undo brings one back as it was, until you leave this page.</p>
          <ul>
            {rejected.map((key) => (
              <li key={key}>
                Suggestion {suggestions[key]!.number}: {suggestions[key]!.reason}{" "}
                <button type="button" className="button" id={`row${key}-undo`} onClick={() => decide(key, "pending", `row${key}-accept`)}>
                  Undo<span className="visually-hidden"> rejecting suggestion {suggestions[key]!.number}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ol className="batch-rows">
        {keys.map((key, index) => {
          const note = suggestions[key];
          const decision = review(key);
          const suggested = Boolean(note) && decision !== "hand";
          return (
          <li key={key} hidden={decision === "rejected"}>
            <fieldset className={`batch-row${suggested ? ` suggestion-row ${decision}` : ""}`} id={suggested ? `suggestion-${key}` : undefined}>
              <legend>{suggested ? `Suggestion ${note!.number}` : `Row ${index + 1}`}</legend>
              {suggested ? (
                <>
                  <Field kind="hidden" name={suggestionField(key, "suggestion")} label="Suggestion" />
                  <input type="hidden" name={suggestionField(key, "review")} value={decision} />
                  <p className="suggestion-note">
                    {note!.reason} · <span>{note!.confidence}</span>
                    {note!.runnersUp.length ? <> · or: {note!.runnersUp.join(", ")}</> : null}
                    {note!.recordedAs ? (
                      <>
                        {" "}
                        · <a href={note!.recordedAs.href}>Already recorded as entry {note!.recordedAs.id}</a>
                      </>
                    ) : null}
                  </p>
                  <p className="suggestion-actions">
                    <button
                      type="button"
                      className={`button${decision === "accepted" ? " primary" : ""}`}
                      id={`row${key}-accept`}
                      aria-pressed={decision === "accepted"}
                      onClick={() => decide(key, decision === "accepted" ? "pending" : "accepted", `row${key}-accept`)}
                    >
                      Accept<span className="visually-hidden"> suggestion {note!.number}</span>
                    </button>{" "}
                    <button type="button" className="button" id={`row${key}-reject`} onClick={() => decide(key, "rejected", "batch-rejected-heading")}>
                      Reject<span className="visually-hidden"> suggestion {note!.number}</span>
                    </button>{" "}
                    <span className="suggestion-state">{decision === "accepted" ? "Accepted: saved with “Save positions”." : "Not accepted yet: not saved."}</span>
                  </p>
                </>
              ) : null}
              <Field kind="checkboxes" name={rowField(key, "partyIds")} id={rowFieldId(key, "partyIds")} label="Party" required options={parties} hint="Tick several for a joint statement." />
              <div className="form-grid-3">
                <Field kind="select" name={rowField(key, "issueId")} id={rowFieldId(key, "issueId")} label="Issue" required options={issues} />
                <Field kind="select" name={rowField(key, "stance")} id={rowFieldId(key, "stance")} label="Stance" required options={STANCES.map((s) => ({ value: s, label: STANCE_LABELS[s] }))} />
                <Field
                  kind="select"
                  name={rowField(key, "firmness")}
                  id={rowFieldId(key, "firmness")}
                  label="Firmness"
                  placeholder="Not stated"
                  options={FIRMNESS.map((f) => ({ value: f, label: FIRMNESS_LABELS[f] }))}
                />
              </div>
              <Field kind="textarea" name={rowField(key, "summary")} id={rowFieldId(key, "summary")} label="Summary" required rows={2} maxLength={LIMITS.summary} />
              <div className="form-grid-2">
                <Field kind="textarea" name={rowField(key, "quote")} id={rowFieldId(key, "quote")} label="Quote" rows={2} maxLength={LIMITS.quote} />
                <Field kind="textarea" name={rowField(key, "notes")} id={rowFieldId(key, "notes")} label="Notes" rows={2} maxLength={LIMITS.notes} />
              </div>
              {suggested ? null : (
                <p className="batch-row-actions">
                  <button type="button" className="button" id={`row${key}-remove`} onClick={() => remove(index)}>
                    Remove row {index + 1}
                  </button>
                </p>
              )}
            </fieldset>
          </li>
          );
        })}
      </ol>
      <p>
        <button type="button" className="button" id="add-row" ref={addRef} onClick={add} disabled={keys.length >= MAX_ROWS}>
          Add row
        </button>{" "}
        <span className="field-hint">{keys.length >= MAX_ROWS ? `A batch has at most ${MAX_ROWS} rows.` : null}</span>
      </p>
    </>
  );
}
