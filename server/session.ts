import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { hasRole, isRole, type Role } from "@/lib/roles";
import { isSameOriginWrite } from "@/lib/origin";
import { signInPathFor } from "@/lib/next-path";
import { getAuth } from "./auth";
import { env } from "./env";
import { ForbiddenError } from "./errors";
import { logRefusedWrite, requestTarget, type RefusalReason } from "./log";

export interface Viewer {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** The signed-in user of this request, or null. Cached per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  // Disabling an account deletes its sessions; this holds even for one created meanwhile.
  if ((session.user as { disabledAt?: unknown }).disabledAt) return null;
  const role = (session.user as { role?: unknown }).role;
  return { id: session.user.id, name: session.user.name, email: session.user.email, role: isRole(role) ? role : "viewer" };
});

/**
 * Reading without an account: on by default (the local demo), off when a deployment sets
 * PARLEY_PUBLIC_READ=off — then every page asks for sign-in.
 */
export function publicReadEnabled(): boolean {
  return env().publicRead;
}

/** May this request read? Anonymous only when public reading is on. */
export async function canRead(): Promise<boolean> {
  return publicReadEnabled() || (await getViewer()) !== null;
}

/**
 * The check every write makes itself, in the data-access layer: a same-origin request from a
 * signed-in user with at least `needed`. Returns the user id recorded in revisions.
 */
export async function requireRole(needed: Role): Promise<string> {
  const h = await headers();
  const refuse = (who: string, why: RefusalReason, message: string): never => {
    logRefusedWrite({ who, what: requestTarget(h), why, message });
    throw new ForbiddenError(message);
  };
  if (!isSameOriginWrite({ origin: h.get("origin"), secFetchSite: h.get("sec-fetch-site"), trusted: env().origins })) {
    const viewer = await getViewer().catch(() => null);
    return refuse(viewer?.id ?? "anonymous", "cross-origin", "This request did not come from Parley's own pages, so nothing was saved.");
  }
  const viewer = await getViewer();
  if (!viewer) return refuse("anonymous", "signed-out", "Sign in to make changes. Nothing was saved.");
  if (!hasRole(viewer.role, needed)) {
    return refuse(viewer.id, "role", `Your role (${viewer.role}) cannot make this change. Nothing was saved.`);
  }
  return viewer.id;
}

/** For pages that only exist to change data (forms): sign in first, and have the role. */
export async function requirePageRole(needed: Role, path: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(signInPathFor(path));
  if (!hasRole(viewer.role, needed)) redirect(`/no-access?needed=${needed}`);
  return viewer;
}

/** For reading pages: anonymous visitors only when public reading is on. */
export async function requireReader(path: string): Promise<Viewer | null> {
  const viewer = await getViewer();
  if (!viewer && !publicReadEnabled()) redirect(signInPathFor(path));
  return viewer;
}

/** Should this viewer see edit controls? (The server checks again on every write.) */
export function canEdit(viewer: Viewer | null): boolean {
  return viewer !== null && hasRole(viewer.role, "editor");
}
