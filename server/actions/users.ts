"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formDataToValues, type FormState } from "@/lib/form";
import { fieldErrorsOf } from "@/lib/schemas";
import { NEEDED, ROLES } from "@/lib/roles";
import { createUser, newUserSchema, setDisabled, setRole } from "../users";
import { requireRole } from "../session";
import { stateForError } from "./run";

/** Admins create accounts (sign-up is closed). The password is never sent back to the form. */
export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToValues(formData);
  const { password: _omit, ...safeValues } = values;
  try {
    await requireRole(NEEDED.manageUsers);
    const parsed = newUserSchema.safeParse(values);
    if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: safeValues };
    await createUser(parsed.data);
  } catch (error) {
    return stateForError(error, safeValues);
  }
  revalidatePath("/users");
  redirect("/users?created=1");
}

const roleSchema = z.object({ role: z.enum(ROLES, { error: "Choose viewer, editor or admin." }) });

export async function setRoleAction(userId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToValues(formData);
  try {
    const adminId = await requireRole(NEEDED.manageUsers);
    // The id is bound into the form and comes back from the browser: only a string will do.
    if (typeof userId !== "string" || !userId) return { formError: "This account no longer exists.", values };
    const parsed = roleSchema.safeParse(values);
    if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
    if (userId === adminId && parsed.data.role !== "admin") {
      return { formError: "You cannot remove your own admin role; ask another admin.", values };
    }
    await setRole(userId, parsed.data.role);
  } catch (error) {
    return stateForError(error, values);
  }
  revalidatePath("/users");
  redirect("/users");
}

const statusSchema = z.object({ status: z.enum(["disabled", "active"], { error: "Choose disabled or active." }) });

/**
 * Disables an account (and ends all its sessions at once) or enables it again. Admins only;
 * never your own account; at least one active admin always remains (server/users.ts).
 */
export async function setDisabledAction(userId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToValues(formData);
  try {
    const adminId = await requireRole(NEEDED.manageUsers);
    if (typeof userId !== "string" || !userId) return { formError: "This account no longer exists.", values };
    const parsed = statusSchema.safeParse(values);
    if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
    if (userId === adminId && parsed.data.status === "disabled") {
      return { formError: "You cannot disable your own account; ask another admin.", values };
    }
    await setDisabled(userId, parsed.data.status === "disabled");
  } catch (error) {
    return stateForError(error, values);
  }
  revalidatePath("/users");
  redirect("/users");
}
