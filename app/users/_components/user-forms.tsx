"use client";

import { Field } from "@/components/field";
import { FormShell } from "@/components/form-shell";
import { createUserAction, setDisabledAction, setRoleAction } from "@/server/actions/users";
import { ROLE_LABELS, ROLES } from "@/lib/roles";

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function NewUserForm() {
  return (
    <FormShell action={createUserAction} initialValues={{ role: "editor" }} submitLabel="Create account">
      <div className="form-grid-2">
        <Field name="name" label="Name" required maxLength={120} />
        <Field kind="email" name="email" label="Email" required />
      </div>
      <div className="form-grid-2">
        <Field kind="password" name="password" label="Password" required hint="8 to 128 characters; give it to the person through a safe channel." />
        <Field kind="select" name="role" label="Role" required options={roleOptions} />
      </div>
    </FormShell>
  );
}

export function RoleForm({ userId, role, name }: { userId: string; role: string; name: string }) {
  return (
    <FormShell action={setRoleAction.bind(null, userId)} initialValues={{ role }} submitLabel={`Save role`} className="inline-form">
      <Field kind="select" name="role" label={`Role of ${name}`} options={roleOptions} />
    </FormShell>
  );
}

/** Disable (signs the person out everywhere at once) or enable an account. */
export function AccountStatusForm({ userId, disabled, name }: { userId: string; disabled: boolean; name: string }) {
  return (
    <FormShell
      action={setDisabledAction.bind(null, userId)}
      initialValues={{ status: disabled ? "active" : "disabled" }}
      submitLabel={disabled ? "Enable account" : "Disable account"}
      className="inline-form"
      confirm={disabled ? undefined : `Disable the account of ${name}? They are signed out everywhere at once and cannot sign in until an admin enables the account again.`}
    >
      <Field kind="hidden" name="status" label="New status" />
    </FormShell>
  );
}
