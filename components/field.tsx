"use client";

import { useId, type ReactNode } from "react";
import { valueOf, valuesOf } from "@/lib/form";
import { useFormContext } from "./form-shell";

type Option = { value: string; label: string };

type FieldProps = {
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
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
 */
export function Field(props: FieldProps) {
  const { values, errors } = useFormContext();
  const id = useId();
  const fieldErrors = errors[props.name] ?? [];
  const invalid = fieldErrors.length > 0;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = invalid ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
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
  const hint = props.hint ? (
    <p className="field-hint" id={hintId}>
      {props.hint}
    </p>
  ) : null;

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
          {props.options.map((o) => (
            <label key={o.value} className="checkbox">
              <input type="checkbox" name={props.name} value={o.value} defaultChecked={checked.has(o.value)} />
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
      <textarea {...common} rows={props.rows ?? 4} maxLength={props.maxLength} placeholder={props.placeholder} defaultValue={valueOf(values, props.name)} />
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
  } else {
    const p = props as { placeholder?: string };
    control = (
      <input
        {...common}
        type={kind}
        maxLength={props.maxLength}
        placeholder={p.placeholder}
        defaultValue={valueOf(values, props.name)}
      />
    );
  }
  return (
    <div className={invalid ? "field invalid" : "field"}>
      <label htmlFor={id}>
        {props.label}
        {props.required ? <span className="required" aria-hidden="true"> (required)</span> : null}
      </label>
      {hint}
      {control}
      {errorList}
    </div>
  );
}
