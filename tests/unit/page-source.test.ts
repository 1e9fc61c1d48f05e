// What "Fetch from URL" fills in from a page (issue 9, item 3): Readability's article text and
// the page's metadata, on pages written for this test.
import { describe, expect, it } from "vitest";
import { fillFromPage, languageTag, publicationDay, sourceFromHtml, sourceFromText } from "@/lib/page-source";
import { ARTICLE_HTML } from "../support/page-server";

const url = new URL("https://www.lantern-courier.example/world/harbour-talks");
const now = new Date("2025-01-01T12:00:00Z");

describe("a source from an article page", () => {
  const page = sourceFromHtml(ARTICLE_HTML, url, now);
  it("takes the title, site name, publisher's day and language from the metadata", () => {
    expect(page.title).toBe("Harbour talks resume in Valletta");
    expect(page.outlet).toBe("The Lantern Courier");
    // 23:30 at +03:00 on the 14th is the publisher's 14 March, never shifted by the server's zone.
    expect(page.publishedOn).toBe("2024-03-14");
    expect(page.language).toBe("en-GB");
  });
  it("takes the article's paragraphs as text, without the navigation or footer", () => {
    expect(page.text).toContain("“We will not accept any quota below last year’s catch,” the Northern League’s envoy said as she arrived");
    expect(page.text.split("\n\n").length).toBeGreaterThanOrEqual(4);
    expect(page.text).not.toMatch(/All rights reserved|Sport/);
  });
  it("a page without metadata is named by its host and keeps the fields it cannot fill empty", () => {
    const bare = sourceFromHtml("<html><body><p>Short.</p></body></html>", url, now);
    expect(bare.outlet).toBe("lantern-courier.example");
    expect(bare.publishedOn).toBe("");
    expect(bare.language).toBe("");
  });
});

describe("metadata rules", () => {
  it("publication days: as written, real and not in the future", () => {
    expect(publicationDay("2024-08-25T01:00:00-07:00", now)).toBe("2024-08-25");
    expect(publicationDay("2024-08-25", now)).toBe("2024-08-25");
    expect(publicationDay("2024-02-30T10:00:00Z", now)).toBe("");
    expect(publicationDay("2031-01-01", now)).toBe("");
    expect(publicationDay("25 August 2024", now)).toBe("");
    expect(publicationDay(undefined, now)).toBe("");
  });
  it("language tags as the form takes them", () => {
    expect(languageTag("ar")).toBe("ar");
    expect(languageTag("en_GB")).toBe("en-GB");
    expect(languageTag("english please")).toBe("");
  });
  it("plain text is kept as it is, control characters aside", () => {
    expect(sourceFromText("Notes\u0007 here\n", url)).toEqual({ title: "", outlet: "lantern-courier.example", publishedOn: "", language: "", text: "Notes here" });
  });
});

describe("filling the form", () => {
  const page = { title: "T", outlet: "O", publishedOn: "2024-01-02", language: "fr", text: "Body" };
  it("fills empty fields, and the default language", () => {
    const out = fillFromPage({ url: "u", title: "", language: "en", submissionId: "s" }, page);
    expect(out.values).toEqual({ url: "u", title: "T", outlet: "O", publishedOn: "2024-01-02", language: "fr", text: "Body", submissionId: "s" });
    expect(out.filled).toEqual(["Title", "Outlet", "Published", "Language", "Text"]);
    expect(out.kept).toEqual([]);
  });
  it("never replaces what the analyst typed, and says so", () => {
    const out = fillFromPage({ title: "My own headline", outlet: "", language: "ar" }, page);
    expect(out.values.title).toBe("My own headline");
    expect(out.values.language).toBe("ar");
    expect(out.kept).toEqual(["Title", "Language"]);
  });
});
