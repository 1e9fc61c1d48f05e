"use client";

import { useId, useState, type ReactNode } from "react";
import { valueOf, valuesOf } from "@/lib/form";
import { DAY_PATTERN_SOURCE } from "@/lib/day";
import { characterCount, characterCountLabel } from "@/lib/text-length";
import { useFormContext } from "./form-shell";

type Option = { value: string; label: string };

type FieldProps = {
  name: string;
  /** The control's id, when something links to it (batch entry's error summary); otherwise generated. */
  id?: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  /**
   * The most characters the field accepts (as lib/schemas.ts LIMITS). Shown as a live count;
   * never set as the browser's maxlength, which would cut a pasted text silently: a text over
   * the limit is kept as typed and refused by the server with a message.
   */
  maxLength?: number;
} & (
  | { kind?: "text" | "date" | "url" | "color" | "number" | "password" | "email"; placeholder?: string }
  | { kind: "textarea"; rows?: number; placeholder?: string }
  | { kind: "select"; options: Option[]; placeholder?: string }
  | { kind: "checkboxes"; options: Option[] }
  | { kind: "hidden" }
);

/**
 * The one field component: label, control, hint and the field's error list, tied together with
 * aria-describedby and aria-invalid. Its value comes from the enclosing FormShell, so a refused
 * save shows exactly what the user typed.
 *
 * A `date` field is a text input for YYYY-MM-DD (docs/decisions/010): a browser's
 * <input type=date> sends an empty value for an impossible date such as 30 February, so the
 * server could not say "not a real date"; with text it sees exactly what was typed.
 */
export function Field(props: FieldProps) {
  const { values, errors } = useFormContext();
  const generatedId = useId();
  const id = props.id ?? generatedId;
  const initialValue = valueOf(values, props.name);
  const [count, setCount] = useState(() => characterCount(initialValue));
  const fieldErrors = errors[props.name] ?? [];
  const invalid = fieldErrors.length > 0;
  const limit = props.kind === "hidden" || props.kind === "select" || props.kind === "checkboxes" ? undefined : props.maxLength;
  const hintId = props.hint || props.kind === "date" ? `${id}-hint` : undefined;
  // Long texts always show their count; one-line fields once they near the limit.
  const showCount = limit !== undefined && (props.kind === "textarea" || count >= limit * 0.8);
  const countId = showCount ? `${id}-count` : undefined;
  const errorId = invalid ? `${id}-error` : undefined;
  const describedBy = [hintId, countId, errorId].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: props.name,
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy,
    required: props.required,
  };
  const kind = props.kind ?? "text";

  if (props.kind === "hidden") {
    return <input type="hidden" name={props.name} defaultValue={valueOf(values, props.name)} />;
  }

  const errorList = invalid ? (
    <ul className="field-errors" id={errorId}>
      {fieldErrors.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  ) : null;
  const hint = hintId ? (
    <p className="field-hint" id={hintId}>
      {props.kind === "date" ? <>Year-month-day, e.g. 2024-08-25. </> : null}
      {props.hint}
    </p>
  ) : null;
  const over = limit !== undefined && count > limit;
  const counter = showCount ? (
    <p className={over ? "field-count over" : "field-count"} id={countId}>
      {characterCountLabel(count, limit!)}
      {/* Announced only while over the limit, so a screen reader is not read every keystroke. */}
      <span className="visually-hidden" aria-live="polite">
        {over ? `${(count - limit!).toLocaleString("en")} too many` : ""}
      </span>
    </p>
  ) : null;
  const onInput = limit ? (e: { currentTarget: { value: string } }) => setCount(characterCount(e.currentTarget.value)) : undefined;

  if (props.kind === "checkboxes") {
    const checked = new Set(valuesOf(values, props.name));
    return (
      <fieldset className={invalid ? "field invalid" : "field"} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
        <legend>
          {props.label}
          {props.required ? <span className="required" aria-hidden="true"> (required)</span> : null}
        </legend>
        {hint}
        <div className="checkbox-list">
          {props.options.map((o, i) => (
            <label key={o.value} className="checkbox">
              <input type="checkbox" id={i === 0 ? props.id : undefined} name={props.name} value={o.value} defaultChecked={checked.has(o.value)} />
              {o.label}
            </label>
          ))}
        </div>
        {errorList}
      </fieldset>
    );
  }

  let control: ReactNode;
  if (props.kind === "textarea") {
    control = (
      <textarea {...common} rows={props.rows ?? 4} placeholder={props.placeholder} defaultValue={initialValue} onInput={onInput} />
    );
  } else if (props.kind === "select") {
    control = (
      <select {...common} defaultValue={valueOf(values, props.name)}>
        <option value="">{props.placeholder ?? "Choose…"}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (kind === "date") {
    control = (
      <input
        {...common}
        type="text"
        inputMode="numeric"
        pattern={DAY_PATTERN_SOURCE}
        placeholder="YYYY-MM-DD"
        autoComplete="off"
        spellCheck={false}
        size={12}
        defaultValue={initialValue}
      />
    );
  } else {
    const p = props as { placeholder?: string };
    control = <input {...common} type={kind} placeholder={p.placeholder} defaultValue={initialValue} onInput={onInput} />;
  }
  return (
    <div className={invalid ? "field invalid" : "field"}>
      <label htmlFor={id}>
        {props.label}
        {props.required ? <span className="required" aria-hidden="true"> (required)</span> : null}
      </label>
      {hint}
      {control}
      {counter}
      {errorList}
    </div>
  );
}
