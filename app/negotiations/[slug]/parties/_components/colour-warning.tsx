"use client";

import { useEffect, useRef, useState } from "react";
import { colourWarnings } from "@/lib/colour";

/**
 * Warns, as the editor picks it, when the party colour is too close to another party's or to
 * a stance colour (lib/colour.ts). Advice only: the colour is still saved as chosen.
 */
export function ColourWarning({ otherParties }: { otherParties: Array<{ name: string; colour: string }> }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const others = JSON.stringify(otherParties);
  useEffect(() => {
    const parties = JSON.parse(others) as Array<{ name: string; colour: string }>;
    const input = ref.current?.closest("form")?.querySelector<HTMLInputElement>('input[name="colour"]');
    if (!input) return;
    const check = () => setWarnings(colourWarnings(input.value, parties));
    check();
    input.addEventListener("input", check);
    return () => input.removeEventListener("input", check);
  }, [others]);
  return (
    <p ref={ref} className="field-hint colour-warning" role="status">
      {warnings.length > 0 ? `Colour warning: ${warnings.join(" ")}` : null}
    </p>
  );
}
