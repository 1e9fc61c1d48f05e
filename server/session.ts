import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { hasRole, isRole, NEEDED, type Role } from "@/lib/roles";
import { isSameOriginWrite } from "@/lib/origin";
import { safeNextPath, signInPathFor } from "@/lib/next-path";
import { REQUEST_PATH_HEADER } from "@/lib/request-path";
import { getAuth } from "./auth";
import { env } from "./env";
import { ForbiddenError } from "./errors";
import { logRefusedWrite, requestTarget, type RefusalReason } from "./log";
import { inTrustedScript } from "./trusted-script";

// next/navigation is loaded when a redirect is needed, not with this module: the command-line
// scripts load the query functions (and so this module) outside Next's server build, where
// next/navigation's client half fails at load ("React.createContext is not a function"). Inside
// Next it is the same module (tests/db/cli-scripts.test.ts).
async function redirect(path: string): Promise<never> {
  const navigation = await import("next/navigation");
  return navigation.redirect(path);
}

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
 * PARLEY_PUBLIC_READ=off — then every page asks for sign-in (requireReader, below).
 */
export function publicReadEnabled(): boolean {
  return env().publicRead;
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

/** The page this request asked for (proxy.ts passes it on), to come back to after signing in. */
async function requestedPath(): Promise<string> {
  return safeNextPath((await headers()).get(REQUEST_PATH_HEADER));
}

function signInAndComeBack(path: string): Promise<never> {
  return redirect(signInPathFor(path));
}

/**
 * The read check. Every query function that returns data to a page calls it first (server/queries,
 * listUsers), so no page, layout, client navigation or prefetch can skip it: a layout's check is
 * not enough, since a client navigation renders only the page segment. Anonymous visitors read
 * only when public reading is on; otherwise they are sent to sign in, and back afterwards.
 */
export async function requireReader(): Promise<void> {
  // A command-line script run by whoever holds the database (server/trusted-script.ts).
  if (inTrustedScript()) return;
  if (publicReadEnabled() || (await getViewer())) return;
  return signInAndComeBack(await requestedPath());
}

/**
 * For what only some roles may read (the trash, the accounts): signed in, with the role. Called
 * by the query functions that read it, like requireReader.
 */
export async function requireReaderWithRole(needed: Role): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) return signInAndComeBack(await requestedPath());
  if (!hasRole(viewer.role, needed)) return redirect(`/no-access?needed=${needed}`);
  return viewer;
}

/** May this request see what is in the trash (the listing, the state of trashed records)? Those who may restore it. */
export async function maySeeTrash(): Promise<boolean> {
  const viewer = await getViewer();
  return viewer !== null && hasRole(viewer.role, NEEDED.restore);
}

/** For pages that only exist to change data (forms): sign in first, and have the role. */
export async function requirePageRole(needed: Role, path: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) return signInAndComeBack(path);
  if (!hasRole(viewer.role, needed)) return redirect(`/no-access?needed=${needed}`);
  return viewer;
}

/** Should this viewer see edit controls? (The server checks again on every write.) */
export function canEdit(viewer: Viewer | null): boolean {
  return viewer !== null && hasRole(viewer.role, "editor");
}
