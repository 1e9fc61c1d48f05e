// The export downloads (and, for editors, the import) at their stable addresses; shown under the
// matrix (with its as-of day) and the sources list. Plain links: they are files, not pages.
import { formatDay } from "@/lib/format";

export function ExportLinks({ slug, asOf, editor }: { slug: string; asOf?: string; editor: boolean }) {
  const base = `/negotiations/${slug}`;
  const day = asOf ? `?asOf=${asOf}` : "";
  return (
    <nav aria-label="Export and import" className="small export-links">
      <ul className="inline-list">
        <li>
          <a href={`${base}/export/entries.csv`} download>Entries as CSV</a>
        </li>
        <li>
          <a href={`${base}/export/entries.json`} download>Entries as JSON</a>
        </li>
        {asOf ? (
          <>
            <li>
              <a href={`${base}/export/matrix.csv${day}`} download title={`The matrix as of ${formatDay(asOf)}`}>Matrix as CSV</a>
            </li>
            <li>
              <a href={`${base}/export/matrix.json${day}`} download title={`The matrix as of ${formatDay(asOf)}`}>Matrix as JSON</a>
            </li>
          </>
        ) : null}
        <li>
          <a href={`${base}/export.json`} download>Whole negotiation as JSON</a>
        </li>
        {editor ? (
          <li>
            <a href={`${base}/import`}>Import entries</a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
