"use client";

import { createContext, useActionState, useContext, useEffect, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { FormState, FormValues } from "@/lib/form";

type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

interface FormContextValue {
  values: FormValues;
  errors: Record<string, string[]>;
}
const FormContext = createContext<FormContextValue>({ values: {}, errors: {} });
export const useFormContext = () => useContext(FormContext);

/** Gives <Field>s their values and errors in a form that is not a FormShell (the import forms). */
export function FieldContext({ values, errors, children }: FormContextValue & { children: ReactNode }) {
  return <FormContext.Provider value={{ values, errors }}>{children}</FormContext.Provider>;
}

/**
 * Every Parley form: runs a server action with useActionState, shows the form-level error and
 * an edit conflict, gives fields what the user typed after a refused save, and moves focus to
 * the first field in error so keyboard and screen-reader users land on the problem.
 */
export function FormShell({
  action,
  initialValues,
  children,
  submitLabel,
  className,
  confirm,
  another,
}: {
  action: FormAction;
  initialValues: FormValues;
  /** The fields; a function of the last answer when they depend on it (batch entry's rows). */
  children: ReactNode | ((state: FormState) => ReactNode);
  submitLabel: string;
  className?: string;
  /** A question to confirm before submitting (used by delete forms). */
  confirm?: string;
  /** A second submit button, sent as `then=another` ("Save and add another"). */
  another?: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const formRef = useRef<HTMLFormElement>(null);
  const values = state.values ?? initialValues;
  const errors = state.fieldErrors ?? {};

  useEffect(() => {
    if (!state.fieldErrors && !state.formError) {
      // A save that keeps the form open (saved rows, "Save and add another") lands on its message.
      if (state.saved) formRef.current?.querySelector<HTMLElement>("[role='status']")?.focus();
      return;
    }
    const target =
      formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']") ??
      formRef.current?.querySelector<HTMLElement>("[role='alert']");
    target?.focus();
  }, [state]);

  return (
    <FormContext.Provider value={{ values, errors }}>
      <form
        // A new key after every refused save remounts the fields with what the user typed.
        key={state.values ? JSON.stringify(state.values) : "initial"}
        ref={formRef}
        action={formAction}
        className={className ?? "form"}
        noValidate
        onSubmit={(e) => {
          if (confirm && !window.confirm(confirm)) e.preventDefault();
        }}
      >
        {state.formError ? (
          <div className="form-error" role="alert" tabIndex={-1} id="form-error">
            <p>{state.formError}</p>
            {state.conflict && state.conflict.changes.length > 0 ? (
              <table className="conflict">
                <caption>What changed meanwhile</caption>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Saved by someone else</th>
                    <th scope="col">Your text</th>
                  </tr>
                </thead>
                <tbody>
                  {state.conflict.changes.map((c) => (
                    <tr key={c.field}>
                      <th scope="row">{c.label}</th>
                      <td>{c.current || <em>empty</em>}</td>
                      <td>{c.yours || <em>empty</em>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </div>
        ) : null}
        {state.status ? (
          <p className="form-status" role="status" tabIndex={-1}>
            {state.status}
          </p>
        ) : null}
        {typeof children === "function" ? children(state) : children}
        <div className="form-actions">
          <SubmitButton label={submitLabel} danger={Boolean(confirm)} />
          {another ? <SubmitButton label={another} danger={false} then="another" /> : null}
        </div>
      </form>
    </FormContext.Provider>
  );
}

function SubmitButton({ label, danger, then }: { label: string; danger: boolean; then?: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name={then ? "then" : undefined}
      value={then}
      className={danger ? "button danger" : then ? "button" : "button primary"}
      disabled={pending}
      aria-disabled={pending}
    >
      {pending ? "Saving…" : label}
    </button>
  );
}
