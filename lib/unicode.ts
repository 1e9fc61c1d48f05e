// Characters that are not text a person meant: shared by the form rules (lib/schemas.ts) and the
// proxy's check of JSON bodies (lib/request-limits.ts).

// Half of a UTF-16 surrogate pair with no other half (with the u flag a proper pair is one code
// point and does not match): not a character at all; it cannot be stored as UTF-8.
export const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
// Bidirectional embedding, override and isolate controls: invisible, and they reorder how the
// text around them is displayed, so a name or an address can be made to read as something it is
// not. Refused in names, titles and addresses; longer text (a source's Arabic or Hebrew text,
// a quote) may legitimately carry them.
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
// Characters that draw nothing: format characters (zero-width space and joiners, word joiner,
// byte-order mark, direction marks, soft hyphen...), spaces of every kind, variation selectors,
// the combining grapheme joiner, and letters that render blank (Hangul fillers, braille blank).
const INVISIBLE = /[\p{Cf}\p{Z}\s\u034F\u115F\u1160\u180B-\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0]/gu;

/** Does the text show anything at all? (Empty counts as shown: requiredness is checked apart.) */
export function hasVisibleText(v: string): boolean {
  return v === "" || v.replace(INVISIBLE, "").length > 0;
}

