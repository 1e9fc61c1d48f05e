// The development set for suggested positions (tests/fixtures/articles/README.md): checks the set
// itself, not the engine. Names must be the demo negotiation's, stances and firmness Parley's
// vocabulary, and every piece of evidence a verbatim span of its own article.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gaza2024 } from "@/prisma/demo/gaza-2024";
import { isFirmness, isStance } from "@/lib/vocabulary";

const ROOT = "tests/fixtures/articles";
const PARTS = ["dev", "held-out", "seed"] as const;
type Part = (typeof PARTS)[number];

type Labels = {
  basedOn: { id: string; outlet: string; url: string; published: string };
  publishedOn: string;
  positions: { parties: string[]; issue: string; stance: string; firmness: string | null; evidence: string }[];
};
type Article = { part: Part; stem: string; text: string; labels: Labels };

function load(part: Part): Article[] {
  const files = readdirSync(join(ROOT, part)).sort();
  const stems = files.filter((f) => f.endsWith(".txt")).map((f) => f.slice(0, -4));
  const jsons = files.filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5));
  expect(jsons, `${part}: one labels file per article`).toEqual(stems);
  expect(files.length, `${part}: only .txt and .json files`).toBe(stems.length * 2);
  return stems.map((stem) => ({
    part,
    stem,
    text: readFileSync(join(ROOT, part, `${stem}.txt`), "utf8"),
    labels: JSON.parse(readFileSync(join(ROOT, part, `${stem}.json`), "utf8")) as Labels,
  }));
}

const ARTICLES = PARTS.flatMap(load);
const WRITTEN = ARTICLES.filter((a) => a.part !== "seed");
const HELD_OUT = ARTICLES.filter((a) => a.part === "held-out");
const PARTY_NAMES = new Set(gaza2024.parties.map((p) => p.name));
const ISSUE_NAMES = new Set(gaza2024.issues.map((i) => i.name));
const words = (text: string) => text.trim().split(/\s+/).length;

describe("the article fixtures for suggested positions", () => {
  it("has at least 12 written articles, a third of them held out, plus the seed", () => {
    expect(WRITTEN.length).toBeGreaterThanOrEqual(12);
    expect(WRITTEN.length).toBe(15);
    expect(HELD_OUT.length).toBe(5);
    expect(HELD_OUT.length * 3).toBe(WRITTEN.length);
    expect(ARTICLES.filter((a) => a.part === "seed").map((a) => a.stem)).toEqual(["seed-2024-08-25"]);
  });

  it("keeps the seed article byte for byte as the demo's full-text source", () => {
    const seed = ARTICLES.find((a) => a.part === "seed")!;
    expect(seed.labels.basedOn.id).toBe("023");
    // The demo ships the same text without the feed's leading " date 2024-08-25 " marker.
    const demoText = gaza2024.sources.find((s) => s.publishedOn === "2024-08-25" && s.text)?.text ?? "";
    expect(demoText.length).toBeGreaterThan(1000);
    expect(seed.text.replace(/\s+/g, " ")).toContain(demoText.replace(/\s+/g, " "));
  });

  it.each(WRITTEN.map((a) => [a.stem, a] as const))("%s: file name, dates and length", (stem, a) => {
    expect(stem).toMatch(/^\d{2}-\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(stem.slice(3, 13)).toBe(a.labels.publishedOn);
    expect(a.labels.basedOn.published).toBe(a.labels.publishedOn);
    expect(a.labels.basedOn.id).toMatch(/^\d{3}$/);
    expect(a.labels.basedOn.url).toMatch(/^https:\/\//);
    expect(a.labels.basedOn.outlet).not.toBe("");
    expect(words(a.text)).toBeGreaterThanOrEqual(200);
    expect(words(a.text)).toBeLessThanOrEqual(400);
    expect(a.labels.positions.length).toBeGreaterThanOrEqual(3);
    expect(a.labels.positions.length).toBeLessThanOrEqual(8);
  });

  it("follows a different corpus report in every article, and numbers them once", () => {
    const ids = ARTICLES.map((a) => a.labels.basedOn.id);
    expect(new Set(ids).size).toBe(ids.length);
    const numbers = WRITTEN.map((a) => a.stem.slice(0, 2));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it.each(ARTICLES.map((a) => [`${a.part}/${a.stem}`, a] as const))(
    "%s: labels use the demo's names, the vocabulary and verbatim evidence",
    (_name, a) => {
      expect(words(a.text)).toBeLessThanOrEqual(400);
      for (const p of a.labels.positions) {
        expect(p.parties.length).toBeGreaterThan(0);
        expect(new Set(p.parties).size).toBe(p.parties.length);
        for (const party of p.parties) expect(PARTY_NAMES, `party ${party}`).toContain(party);
        expect(ISSUE_NAMES, `issue ${p.issue}`).toContain(p.issue);
        expect(isStance(p.stance), `stance ${p.stance}`).toBe(true);
        if (p.firmness !== null) expect(isFirmness(p.firmness), `firmness ${p.firmness}`).toBe(true);
        expect(p.evidence.trim()).toBe(p.evidence);
        expect(p.evidence.length).toBeGreaterThan(0);
        expect(a.text.includes(p.evidence), `evidence not in the text: ${p.evidence}`).toBe(true);
      }
    },
  );
});
