import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { type DiffPart, tokenize, wordDiff } from "@/lib/text-diff";

function side(parts: DiffPart[], which: "before" | "after"): string {
  const skip = which === "before" ? "added" : "removed";
  return parts
    .filter((p) => p.kind !== skip)
    .map((p) => p.text)
    .join("");
}

function expectWellFormed(before: string, after: string, parts: DiffPart[]): void {
  expect(side(parts, "before")).toBe(before);
  expect(side(parts, "after")).toBe(after);
  for (const p of parts) expect(p.text).not.toBe("");
  for (let i = 1; i < parts.length; i++) expect(parts[i]!.kind).not.toBe(parts[i - 1]!.kind);
}

describe("wordDiff", () => {
  it("returns nothing for two empty strings", () => {
    expect(wordDiff("", "")).toEqual([]);
  });

  it("is all added from an empty text, all removed to an empty text", () => {
    expect(wordDiff("", "Full withdrawal")).toEqual([{ kind: "added", text: "Full withdrawal" }]);
    expect(wordDiff("Full withdrawal", "")).toEqual([{ kind: "removed", text: "Full withdrawal" }]);
  });

  it("is one same part for identical texts", () => {
    expect(wordDiff("No deal without guarantees.", "No deal without guarantees.")).toEqual([
      { kind: "same", text: "No deal without guarantees." },
    ]);
  });

  it("marks a replaced word", () => {
    expect(wordDiff("Israel rejects the proposal", "Israel accepts the proposal")).toEqual([
      { kind: "same", text: "Israel " },
      { kind: "removed", text: "rejects" },
      { kind: "added", text: "accepts" },
      { kind: "same", text: " the proposal" },
    ]);
  });

  it("marks an inserted word", () => {
    const parts = wordDiff("withdrawal from the corridor", "partial withdrawal from the corridor");
    expect(parts).toEqual([
      { kind: "added", text: "partial " },
      { kind: "same", text: "withdrawal from the corridor" },
    ]);
  });

  it("keeps a replaced stretch of several words together", () => {
    const before = "Israel rejects any withdrawal from the Philadelphi corridor.";
    const after = "Israel concedes a partial withdrawal from the corridor";
    const parts = wordDiff(before, after);
    expectWellFormed(before, after, parts);
    expect(parts.slice(0, 3)).toEqual([
      { kind: "same", text: "Israel " },
      { kind: "removed", text: "rejects any " },
      { kind: "added", text: "concedes a partial " },
    ]);
    expect(parts).toContainEqual({ kind: "removed", text: "Philadelphi " });
    expect(parts[parts.length - 1]).toEqual({ kind: "removed", text: "." });
  });

  it("does not fold a space into a pure deletion", () => {
    const parts = wordDiff("a b c d", "a d");
    expectWellFormed("a b c d", "a d", parts);
    expect(parts.some((p) => p.kind === "added")).toBe(false);
  });

  it("sees a whitespace-only change", () => {
    const parts = wordDiff("phase  one", "phase one");
    expectWellFormed("phase  one", "phase one", parts);
    expect(parts).toContainEqual({ kind: "removed", text: "  " });
    expect(parts).toContainEqual({ kind: "added", text: " " });
  });

  it("keeps Arabic and Hebrew words whole", () => {
    const before = "إسرائيل ترفض الانسحاب من محور فيلادلفيا";
    const after = "إسرائيل تقبل الانسحاب الجزئي من محور فيلادلفيا";
    const parts = wordDiff(before, after);
    expectWellFormed(before, after, parts);
    expect(parts).toContainEqual({ kind: "removed", text: "ترفض" });
    expect(parts).toContainEqual({ kind: "added", text: "تقبل" });

    const hb = wordDiff("ישראל דוחה את ההצעה", "ישראל מקבלת את ההצעה");
    expect(hb).toContainEqual({ kind: "removed", text: "דוחה" });
    expect(hb).toContainEqual({ kind: "added", text: "מקבלת" });
  });

  it("does not split accented letters or emoji", () => {
    const parts = wordDiff("cafe\u0301 👨‍👩‍👧 ok", "café 👨‍👩‍👦 ok");
    expectWellFormed("cafe\u0301 👨‍👩‍👧 ok", "café 👨‍👩‍👦 ok", parts);
    expect(parts).toContainEqual({ kind: "removed", text: "cafe\u0301 👨‍👩‍👧" });
    expect(parts).toContainEqual({ kind: "added", text: "café 👨‍👩‍👦" });
  });

  it("handles line breaks", () => {
    const before = "Phase one:\nhostages\r\nprisoners";
    const after = "Phase one:\nhostages\nprisoners and aid";
    expectWellFormed(before, after, wordDiff(before, after));
  });
});

describe("tokenize", () => {
  it("cuts text into contiguous tokens", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenize("Hamas demands  a ceasefire.")).toEqual(["Hamas", " ", "demands", "  ", "a", " ", "ceasefire", "."]);
  });
});

describe("wordDiff: properties", () => {
  const word = fc.constantFrom(
    "Israel",
    "Hamas",
    "rejects",
    "accepts",
    "the",
    "corridor",
    "Philadelphi",
    "فيلادلفيا",
    "انسحاب",
    "הסכם",
    "停火",
    "👍",
    "é",
    ",",
    ".",
    "—",
  );
  const sep = fc.constantFrom(" ", "  ", "\n", "\r\n", "\t", "", " ");
  const sentence = fc.array(fc.tuple(word, sep), { maxLength: 12 }).map((xs) => xs.map(([w, s]) => w + s).join(""));

  it("gives back both texts exactly (sentences)", () => {
    fc.assert(
      fc.property(sentence, sentence, (a, b) => {
        expectWellFormed(a, b, wordDiff(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it("gives back both texts exactly (any strings)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }), (a, b) => {
        expectWellFormed(a, b, wordDiff(a, b));
      }),
      { numRuns: 200 },
    );
  });

  it("an identical text is all same", () => {
    fc.assert(
      fc.property(sentence, (a) => {
        const parts = wordDiff(a, a);
        expect(parts.every((p) => p.kind === "same")).toBe(true);
      }),
    );
  });
});
