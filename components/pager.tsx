import Link from "next/link";
import { pageHref, pagerLinks, type Page } from "@/lib/paging";

/**
 * Links between the pages of a long list (lib/paging.ts): previous, numbered pages around the
 * current one (marked aria-current), next. Nothing when the list fits on one page.
 */
export function Pager({ page, href, label, previous = "Previous", next = "Next" }: { page: Page; href: string; label: string; previous?: string; next?: string }) {
  if (page.pageCount <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      {page.page > 1 ? (
        <Link href={pageHref(href, page.page - 1)} rel="prev">
          ◂ {previous}
        </Link>
      ) : null}
      <ol className="pager-pages">
        {pagerLinks(page, href).map((link, i) =>
          link === null ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={link.page}>
              {link.current ? (
                <span aria-current="page" className="pager-current">
                  <span className="visually-hidden">Page </span>
                  {link.page}
                </span>
              ) : (
                <Link href={link.href}>
                  <span className="visually-hidden">Page </span>
                  {link.page}
                </Link>
              )}
            </li>
          ),
        )}
      </ol>
      {page.page < page.pageCount ? (
        <Link href={pageHref(href, page.page + 1)} rel="next">
          {next} ▸
        </Link>
      ) : null}
    </nav>
  );
}
