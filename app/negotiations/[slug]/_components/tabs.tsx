"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NegotiationTabs({ slug }: { slug: string }) {
  const pathname = usePathname();
  const base = `/negotiations/${slug}`;
  const tabs = [
    { href: base, label: "Matrix", match: (p: string) => p === base || p.startsWith(`${base}/cells`) || p.startsWith(`${base}/entries`) },
    { href: `${base}/compare`, label: "Compare dates" },
    { href: `${base}/timeline`, label: "Timeline" },
    { href: `${base}/gaps`, label: "Gaps" },
    { href: `${base}/milestones`, label: "Milestones" },
    { href: `${base}/sources`, label: "Sources" },
    { href: `${base}/parties`, label: "Parties" },
    { href: `${base}/issues`, label: "Issues" },
  ];
  return (
    <nav aria-label="Negotiation">
      <ul className="tabs">
        {tabs.map((t) => {
          const current = t.match ? t.match(pathname) : pathname.startsWith(t.href);
          return (
            <li key={t.href}>
              <Link href={t.href} aria-current={current ? "page" : undefined}>
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
