import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";
import { getViewer } from "@/server/session";
import { SignOutButton } from "@/components/sign-out-button";
import { hasRole, ROLE_LABELS } from "@/lib/roles";

export const metadata: Metadata = {
  title: { default: "Parley", template: "%s · Parley" },
  description: "Who stated what, on which issue, when: positions in a negotiation, side by side and over time.",
};
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page reads the live database: never prerender one at build time.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Par<span>ley</span>
          </Link>
          <span className="tagline">Positions in negotiations, side by side and over time</span>
          <form role="search" action="/search" method="get" className="header-search" aria-label="Site search">
            <label htmlFor="header-search-q" className="visually-hidden">
              Search Parley
            </label>
            <input id="header-search-q" name="q" type="search" placeholder="Search…" />
            <button type="submit" className="button">
              Search
            </button>
          </form>
          <div className="account">
            {viewer ? (
              <>
                <span>
                  {viewer.name} <span className="role-tag">{ROLE_LABELS[viewer.role]}</span>
                </span>
                {viewer.role === "admin" ? <Link href="/users">Users</Link> : null}
                {hasRole(viewer.role, "editor") ? <Link href="/trash">Trash</Link> : null}
                <SignOutButton />
              </>
            ) : (
              <Link href="/sign-in">Sign in</Link>
            )}
          </div>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
