// How long a typed text is, counted the same way by the form's live count (components/field.tsx)
// and by the schemas that refuse it (lib/schemas.ts), so the two never disagree.
//
// A text's length is the number of Unicode code points after trimming the blanks around it
// (the schemas trim before saving): "😀" counts as one character, not two UTF-16 units.
// Code points rather than graphemes, because grapheme rules differ between the browser's and
// the server's Unicode versions and the count must match the check exactly at the limit.

export function characterCount(text: string): number {
  let n = 0;
  for (const _ of text.trim()) n++;
  return n;
}

/** "1,024 / 1,000 characters" */
export function characterCountLabel(count: number, limit: number): string {
  return `${count.toLocaleString("en")} / ${limit.toLocaleString("en")} characters`;
}

/** The refusal for a text over its limit, or null when it fits. */
export function overLimitMessage(label: string, text: string, limit: number): string | null {
  const count = characterCount(text);
  if (count <= limit) return null;
  const over = count - limit;
  return `${label} is ${count.toLocaleString("en")} characters long; the limit is ${limit.toLocaleString("en")}. Shorten it by ${over.toLocaleString("en")} ${over === 1 ? "character" : "characters"}; nothing was cut.`;
}
