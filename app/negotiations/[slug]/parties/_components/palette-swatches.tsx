"use client";

import { useEffect, useRef, useState } from "react";
import { PARTY_PALETTE } from "@/lib/colour";

/**
 * The party palette (lib/colour.ts) as buttons beside the colour field: one click or Enter/Space
 * sets the field to that colour. The field stays the one control that is saved, so a colour
 * outside the palette can still be typed or picked, and ColourWarning still checks it.
 */
export function PaletteSwatches() {
  const ref = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState("");
  const input = () => ref.current?.closest("form")?.querySelector<HTMLInputElement>('input[name="colour"]') ?? null;
  useEffect(() => {
    const field = input();
    if (!field) return;
    const sync = () => setCurrent(field.value.toLowerCase());
    sync();
    field.addEventListener("input", sync);
    return () => field.removeEventListener("input", sync);
  }, []);
  const choose = (colour: string) => {
    const field = input();
    if (!field) return;
    field.value = colour;
    // The same event a person's pick sends, so the colour warning and this list follow it.
    field.dispatchEvent(new Event("input", { bubbles: true }));
  };
  return (
    <div ref={ref} className="palette" role="group" aria-label="Party palette">
      {PARTY_PALETTE.map(({ name, colour }) => (
        <button
          key={colour}
          type="button"
          className="palette-swatch"
          style={{ background: colour }}
          aria-label={`${name} (${colour})`}
          aria-pressed={current === colour}
          title={name}
          onClick={() => choose(colour)}
        />
      ))}
    </div>
  );
}
