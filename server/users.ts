import "server-only";
import { z } from "zod";
import { NEEDED, ROLES, type Role } from "@/lib/roles";
import { personName } from "@/lib/schemas";
import { getAuth, hashPassword } from "./auth";
import { getDb } from "./db";
import { NotFoundError, ValidationError } from "./errors";

// Creating accounts and changing roles: the command line (`npm run user:create`) and the admin's
// Users page both come here. Sign-up is closed, so this is the only way in.

export const newUserSchema = z.object({
  email: z.string({ error: "Enter an email address." }).trim().toLowerCase().pipe(z.email({ error: "Enter a valid email address." })),
  name: personName,
  // Never trimmed or truncated: the password is used exactly as typed, 8 to 128 characters.
  password: z
    .string({ error: "Enter a password." })
    .min(8, "Use at least 8 characters.")
    .max(128, "Use at most 128 characters."),
  role: z.enum(ROLES, { error: "Choose viewer, editor or admin." }),
});
export type NewUser = z.output<typeof newUserSchema>;

export async function createUser(input: NewUser) {
  const db = await getDb();
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new ValidationError({ email: ["An account with this email address already exists."] });
  }
  const ctx = await (await getAuth()).$context;
  const user = await ctx.internalAdapter.createUser({ email: input.email, name: input.name, role: input.role, emailVerified: true }, { method: "email-password" });
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: await hashPassword(input.password),
  });
  return { id: user.id, email: input.email, role: input.role };
}

/** Refused because it would leave no active admin; the form shows the message. */
export const LAST_ADMIN_MESSAGE = "Parley needs at least one active admin: make another account admin first. Nothing was saved.";

type Tx = Parameters<Parameters<Awaited<ReturnType<typeof getDb>>["$transaction"]>[0]>[0];

/**
 * The rule that at least one active (not disabled) admin remains, checked inside the change's
 * own transaction. The transaction writes first (it touches the account's row), so SQLite gives
 * it the one write lock before it reads anything: a second admin change on another connection
 * waits until this one commits, then reads what it left. So two admins demoting or disabling
 * each other at once cannot both pass, and nothing reads a stale state. The throw rolls the
 * change back. Only a change to an active admin can break the rule (a database without any
 * admin, as in some tests, is left to `npm run user:create`).
 */
async function changeAccount(userId: string, data: { role?: Role; disabledAt?: Date | null }, also?: (tx: Tx) => Promise<void>) {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId }, data: { updatedAt: new Date() } });
    if (count === 0) throw new NotFoundError("Account");
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true, disabledAt: true } });
    // Disabling again keeps the first moment it was disabled.
    const write = data.disabledAt && before.disabledAt ? { ...data, disabledAt: before.disabledAt } : data;
    await tx.user.update({ where: { id: userId }, data: write });
    if (also) await also(tx);
    if (before.role === "admin" && before.disabledAt === null) {
      const admins = await tx.user.count({ where: { role: "admin", disabledAt: null } });
      if (admins === 0) throw new ValidationError({ _form: [LAST_ADMIN_MESSAGE] });
    }
  });
}

export async function setRole(userId: string, role: Role) {
  await changeAccount(userId, { role });
}

/**
 * Disables an account and ends every one of its sessions at once (same transaction), or enables
 * it again. At least one active admin always remains. Disabled accounts cannot sign in
 * (server/auth.ts) and read as anonymous (server/session.ts).
 */
export async function setDisabled(userId: string, disabled: boolean) {
  if (!disabled) return changeAccount(userId, { disabledAt: null });
  await changeAccount(userId, { disabledAt: new Date() }, async (tx) => {
    await tx.session.deleteMany({ where: { userId } });
  });
}

/** The accounts with their email addresses: for admins only. */
export async function listUsers() {
  // Loaded here rather than at the top: `npm run user:create` runs this module outside Next.js,
  // where the session module's Next imports cannot load.
  const { requireReaderWithRole } = await import("./session");
  await requireReaderWithRole(NEEDED.manageUsers);
  const db = await getDb();
  return db.user.findMany({ orderBy: { email: "asc" }, select: { id: true, name: true, email: true, role: true, disabledAt: true, createdAt: true } });
}
