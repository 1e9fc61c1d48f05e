import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/server/session";
import { safeNextPath } from "@/lib/next-path";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  // Only same-site paths: never send a user on to another site after signing in.
  const next = safeNextPath((await searchParams).next);
  if (await getViewer()) redirect(next);
  return (
    <div className="page-narrow" style={{ maxWidth: "26rem" }}>
      <h1>Sign in</h1>
      <p className="muted">Editors and admins sign in to record positions. Accounts are created by an admin.</p>
      <SignInForm next={next} />
    </div>
  );
}
