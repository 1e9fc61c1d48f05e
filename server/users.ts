import "server-only";
import { z } from "zod";
import { NEEDED, ROLES, type Role } from "@/lib/roles";
import { getAuth, hashPassword } from "./auth";
import { getDb } from "./db";
import { NotFoundError, ValidationError } from "./errors";

// Creating accounts and changing roles: the command line (`npm run user:create`) and the admin's
// Users page both come here. Sign-up is closed, so this is the only way in.

export const newUserSchema = z.object({
  email: z.string({ error: "Enter an email address." }).trim().toLowerCase().pipe(z.email({ error: "Enter a valid email address." })),
  name: z.string({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(120, "At most 120 characters."),
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

export async function setRole(userId: string, role: Role) {
  const db = await getDb();
  const { count } = await db.user.updateMany({ where: { id: userId }, data: { role } });
  if (count === 0) throw new NotFoundError("Account");
}

/** The accounts with their email addresses: for admins only. */
export async function listUsers() {
  // Loaded here rather than at the top: `npm run user:create` runs this module outside Next.js,
  // where the session module's Next imports cannot load.
  const { requireReaderWithRole } = await import("./session");
  await requireReaderWithRole(NEEDED.manageUsers);
  const db = await getDb();
  return db.user.findMany({ orderBy: { email: "asc" }, select: { id: true, name: true, email: true, role: true, createdAt: true } });
}
