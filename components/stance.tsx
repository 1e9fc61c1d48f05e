import { FIRMNESS_LABELS, isFirmness, isStance, STANCE_HINTS, STANCE_LABELS } from "@/lib/vocabulary";
import type { QuoteCheck } from "@/lib/quote";

export function StanceBadge({ stance }: { stance: string }) {
  if (!isStance(stance)) return <span className="stance">{stance}</span>;
  return (
    <span className={`stance stance-${stance}`} title={STANCE_HINTS[stance]}>
      {STANCE_LABELS[stance]}
    </span>
  );
}

export function FirmnessTag({ firmness }: { firmness: string | null }) {
  if (!firmness || !isFirmness(firmness)) return null;
  return <span className={`firmness firmness-${firmness}`}>{FIRMNESS_LABELS[firmness]}</span>;
}

/**
 * How far a quote can be trusted, checked against the source's text as it is now: found, not
 * checkable (link-only source), or flagged as missing (the source's text was edited while the
 * entry was in the trash; server/queries/entries.ts computes it on every read).
 */
export function QuoteStatus({ check }: { check: QuoteCheck["status"] }) {
  if (check === "verified") return <span className="quote-status quote-verified">✓ Quote found in source</span>;
  if (check === "unverified")
    return (
      <span className="quote-status quote-unverified" title="The source is link-only: its text is not stored, so the quote could not be checked.">
        Unverified quote (link-only source)
      </span>
    );
  if (check === "missing")
    return (
      <span className="quote-status quote-missing" title="The source's text was changed and no longer contains this quote: check the entry against the source.">
        ⚠ Quote not found in source
      </span>
    );
  return null;
}
