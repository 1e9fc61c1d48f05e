import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/server/session";
import { ROLE_LABELS } from "@/lib/roles";

export const metadata: Metadata = { title: "No access" };

export default async function NoAccessPage() {
  const viewer = await getViewer();
  return (
    <div className="page-narrow">
      <h1>You cannot change records</h1>
      <p>
        {viewer ? `Your role is ${ROLE_LABELS[viewer.role]}: you can read everything but not change it.` : "Sign in first."} Ask an admin for the
        editor role.
      </p>
      <p>
        <Link href="/">Back to the negotiations</Link>
      </p>
    </div>
  );
}
