import { formatDay } from "@/lib/format";

/** " · last updated 30 Nov 2026" from a record's latest change time (UTC day, decision 003). */
export function LastUpdated({ at }: { at: Date | null }) {
  if (!at) return null;
  const day = at.toISOString().slice(0, 10);
  return (
    <>
      {" · "}last updated <time dateTime={at.toISOString()}>{formatDay(day)}</time>
    </>
  );
}
