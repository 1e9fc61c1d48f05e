import { describe, expect, it } from "vitest";
import {
  entryEditSchema,
  entrySchema,
  fieldErrorsOf,
  issueSchema,
  negotiationSchema,
  partySchema,
  sourceEditSchema,
  sourceSchema,
  partyEditSchema,
} from "@/lib/schemas";
import { formDataToValues, isRecordId, parseId, parseVersion } from "@/lib/form";
import type { z } from "zod";

function errorsOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("negotiationSchema", () => {
  it("accepts a title alone and trims it", () => {
    expect(negotiationSchema.parse({ title: "  COP29  " })).toEqual({ title: "COP29", slug: "", description: "" });
  });
  it("asks for a title when missing or blank", () => {
    expect(errorsOf(negotiationSchema, {}).title).toEqual(["Enter a title."]);
    expect(errorsOf(negotiationSchema, { title: "   " }).title).toEqual(["Enter a title."]);
  });
  it("refuses a title over 200 characters, and accepts exactly 200", () => {
    expect(errorsOf(negotiationSchema, { title: "x".repeat(201) }).title?.[0]).toMatch(/is 201 characters long; the limit is 200/);
    expect(negotiationSchema.safeParse({ title: "x".repeat(200) }).success).toBe(true);
  });
  it("refuses a title on several lines or with control characters", () => {
    expect(errorsOf(negotiationSchema, { title: "a\nb" }).title?.[0]).toMatch(/one line/);
    expect(errorsOf(negotiationSchema, { title: "a\u0000b" }).title?.[0]).toMatch(/control characters/);
  });
  it("accepts unicode titles", () => {
    expect(negotiationSchema.parse({ title: "محادثات وقف إطلاق النار 🕊️" }).title).toBe("محادثات وقف إطلاق النار 🕊️");
  });
  it("checks the slug's shape", () => {
    expect(errorsOf(negotiationSchema, { title: "t", slug: "Bad Slug" }).slug).toBeDefined();
    expect(errorsOf(negotiationSchema, { title: "t", slug: "a--b" }).slug).toBeDefined();
    expect(negotiationSchema.parse({ title: "t", slug: "cop-29" }).slug).toBe("cop-29");
    // /negotiations/new is the create page: a negotiation there could never be opened.
    expect(errorsOf(negotiationSchema, { title: "t", slug: " new " }).slug).toBeDefined();
  });
  it("refuses a value of the wrong type", () => {
    expect(errorsOf(negotiationSchema, { title: ["a", "b"] }).title?.[0]).toMatch(/must be text/);
    expect(errorsOf(negotiationSchema, { title: 5 }).title?.[0]).toMatch(/must be text/);
  });
});

describe("partySchema", () => {
  const valid = { name: "Hamas", role: "party", colour: "#047857", order: "2" };
  it("accepts a valid party and normalises aliases to one per line", () => {
    expect(partySchema.parse({ ...valid, aliases: " PIJ, Islamic Jihad \n\n Saraya " }).aliases).toBe("PIJ\nIslamic Jihad\nSaraya");
  });
  it("lowercases the colour and converts the order", () => {
    const p = partySchema.parse({ ...valid, colour: "#ABCDEF", order: "-3" });
    expect(p.colour).toBe("#abcdef");
    expect(p.order).toBe(-3);
  });
  it("refuses an unknown role, a bad colour and a non-integer order", () => {
    const errors = errorsOf(partySchema, { ...valid, role: "king", colour: "red", order: "1.5" });
    expect(Object.keys(errors).sort()).toEqual(["colour", "order", "role"]);
  });
  it("refuses an order outside -9999..9999", () => {
    expect(errorsOf(partySchema, { ...valid, order: "10000" }).order).toBeDefined();
  });
  it("asks for a name", () => {
    expect(errorsOf(partySchema, { ...valid, name: "" }).name).toEqual(["Enter the party's name."]);
  });
});

describe("issueSchema", () => {
  it("accepts a name and order", () => {
    expect(issueSchema.parse({ name: "Rafah crossing", order: "4" })).toEqual({ name: "Rafah crossing", description: "", keywords: "", order: 4 });
  });
  it("keeps the words reports use one per line, split at line breaks and commas like a party's other names (issue 12)", () => {
    expect(issueSchema.parse({ name: "Interim truce", order: "3", keywords: " truce \r\npause in fighting, humanitarian pause\n\n" }).keywords).toBe("truce\npause in fighting\nhumanitarian pause");
    expect(errorsOf(issueSchema, { name: "x", order: "1", keywords: "x".repeat(2001) }).keywords).toBeDefined();
  });
  it("accepts a multi-line description and refuses an empty name", () => {
    expect(issueSchema.parse({ name: "x", order: "1", description: "a\nb" }).description).toBe("a\nb");
    expect(errorsOf(issueSchema, { name: " ", order: "1" }).name).toBeDefined();
  });
});

describe("sourceSchema", () => {
  it("makes a source without text link-only (text null) and defaults the language", () => {
    const s = sourceSchema.parse({ title: "Report", url: "https://example.org/a", publishedOn: "2024-08-25", text: "   " });
    expect(s).toMatchObject({ text: null, language: "en", publishedOn: "2024-08-25" });
  });
  it("allows an unknown date", () => {
    expect(sourceSchema.parse({ title: "Report", publishedOn: "" }).publishedOn).toBeNull();
  });
  it("refuses impossible dates and other formats", () => {
    for (const publishedOn of ["2023-02-29", "2024-13-01", "25/08/2024", "2024-8-25"]) {
      expect(errorsOf(sourceSchema, { title: "R", publishedOn }).publishedOn, publishedOn).toBeDefined();
    }
    expect(sourceSchema.parse({ title: "R", publishedOn: "2024-02-29" }).publishedOn).toBe("2024-02-29");
  });
  it("accepts only http(s) addresses", () => {
    expect(errorsOf(sourceSchema, { title: "R", url: "javascript:alert(1)" }).url).toBeDefined();
    expect(errorsOf(sourceSchema, { title: "R", url: "not a url" }).url).toBeDefined();
    expect(errorsOf(sourceSchema, { title: "R", url: "ftp://x.org/a" }).url).toBeDefined();
    expect(sourceSchema.parse({ title: "R", url: "http://x.org/a?b=c" }).url).toBe("http://x.org/a?b=c");
  });
  it("checks the language code", () => {
    expect(errorsOf(sourceSchema, { title: "R", language: "english!" }).language).toBeDefined();
    expect(sourceSchema.parse({ title: "R", language: "pt-BR" }).language).toBe("pt-BR");
  });
  it("keeps the pasted text as it is apart from the outer whitespace", () => {
    expect(sourceSchema.parse({ title: "R", text: "  Para 1\n\n\tPara 2  " }).text).toBe("Para 1\n\n\tPara 2");
  });
});

describe("entrySchema", () => {
  const valid = { partyIds: ["1", "2"], issueId: "3", sourceId: "4", stance: "demands", summary: "Wants a full withdrawal." };
  it("accepts a joint statement and converts ids", () => {
    expect(entrySchema.parse(valid)).toEqual({
      partyIds: [1, 2],
      issueId: 3,
      sourceId: 4,
      statedOn: null,
      stance: "demands",
      firmness: null,
      summary: "Wants a full withdrawal.",
      quote: "",
      notes: "",
      changeOverride: null,
    });
  });
  it("needs at least one party and refuses a party listed twice", () => {
    expect(errorsOf(entrySchema, { ...valid, partyIds: [] }).partyIds?.[0]).toMatch(/at least one party/);
    expect(errorsOf(entrySchema, { ...valid, partyIds: ["1", "1"] }).partyIds?.[0]).toMatch(/twice/);
  });
  it("refuses ids that are not positive integers", () => {
    for (const issueId of ["0", "-1", "1.5", "abc", "", "99999999999", "2147483648", "9999999999"]) {
      expect(errorsOf(entrySchema, { ...valid, issueId }).issueId, issueId).toBeDefined();
    }
  });
  it("refuses a stance or firmness outside the vocabulary", () => {
    const errors = errorsOf(entrySchema, { ...valid, stance: "threatens", firmness: "absolute" });
    expect(Object.keys(errors).sort()).toEqual(["firmness", "stance"]);
  });
  it("takes an empty firmness as not stated", () => {
    expect(entrySchema.parse({ ...valid, firmness: "" }).firmness).toBeNull();
    expect(entrySchema.parse({ ...valid, firmness: "red_line" }).firmness).toBe("red_line");
  });
  it("accepts a change-type override or none, and refuses anything else", () => {
    expect(entrySchema.parse({ ...valid, changeOverride: "softened" }).changeOverride).toBe("softened");
    expect(entrySchema.parse({ ...valid, changeOverride: "" }).changeOverride).toBeNull();
    expect(errorsOf(entrySchema, { ...valid, changeOverride: "exploded" }).changeOverride).toBeDefined();
  });
  it("asks for a summary", () => {
    expect(errorsOf(entrySchema, { ...valid, summary: "" }).summary?.[0]).toMatch(/own words/);
  });
  it("refuses a summary over the limit", () => {
    expect(errorsOf(entrySchema, { ...valid, summary: "x".repeat(1001) }).summary?.[0]).toMatch(/is 1,001 characters long; the limit is 1,000\. Shorten it by 1 character/);
  });
  it("requires a version on edits", () => {
    expect(errorsOf(entryEditSchema, valid).version).toBeDefined();
    expect(entryEditSchema.parse({ ...valid, version: "3" }).version).toBe(3);
  });
});

describe("formDataToValues", () => {
  it("keeps listed array fields as arrays, even when absent", () => {
    const fd = new FormData();
    fd.append("title", "x");
    expect(formDataToValues(fd, ["partyIds"])).toEqual({ title: "x", partyIds: [] });
  });
  it("keeps a field sent twice as an array, so the schema refuses it", () => {
    const fd = new FormData();
    fd.append("title", "a");
    fd.append("title", "b");
    const values = formDataToValues(fd);
    expect(values.title).toEqual(["a", "b"]);
    expect(negotiationSchema.safeParse(values).success).toBe(false);
  });
  it("treats __proto__ as an ordinary key and drops Next's internal fields", () => {
    const fd = new FormData();
    fd.append("__proto__", "polluted");
    fd.append("$ACTION_ID_abc", "");
    const values = formDataToValues(fd);
    expect(Object.keys(values)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("parseVersion (a version no 32-bit column can hold is stale, never a database error: decision 023)", () => {
  it("keeps a version in range; anything else is 0, which no record has", () => {
    expect(parseVersion("7")).toBe(7);
    expect(parseVersion("2147483647")).toBe(2_147_483_647);
    expect(parseVersion("2147483648")).toBe(0);
    expect(parseVersion("9999999999")).toBe(0);
    expect(parseVersion("0")).toBe(0);
    expect(parseVersion(null)).toBe(0);
    expect(partyEditSchema.parse({ name: "A", role: "party", colour: "#000000", order: "0", version: "9999999999" }).version).toBe(0);
  });
});

describe("isRecordId (ids are 32-bit columns on both stores: a bigger one is a 404, never a PostgreSQL error)", () => {
  it("accepts 1 to 2147483647 only", () => {
    for (const id of [1, 42, 2_147_483_647]) expect(isRecordId(id)).toBe(true);
    for (const id of [0, -1, 1.5, 2 ** 31, 2 ** 53, Number.NaN, Infinity, "1", null, undefined, 5n]) expect(isRecordId(id)).toBe(false);
  });
});

describe("parseId", () => {
  it("accepts positive integers only", () => {
    expect(parseId("12")).toBe(12);
    for (const raw of ["0", "-1", "1e3", "abc", "", undefined, "99999999999", "2147483648"]) expect(parseId(raw)).toBeNull();
  });
});

describe("finding 17: a source without a headline", () => {
  it("is saved without a title (null) when it has an outlet", () => {
    expect(sourceSchema.parse({ title: "  ", outlet: "Reuters", publishedOn: "2024-08-25" })).toMatchObject({ title: null, outlet: "Reuters" });
    expect(sourceSchema.parse({ outlet: "Reuters" }).title).toBeNull();
  });
  it("needs a title or an outlet, so that something names it", () => {
    expect(errorsOf(sourceSchema, { title: "", outlet: "" }).title).toEqual(["Enter the report's title, or its outlet if it has no headline."]);
    expect(errorsOf(sourceEditSchema, { outlet: " ", version: "1" }).title).toBeDefined();
    expect(sourceEditSchema.parse({ outlet: "AP", version: "1" })).toMatchObject({ title: null, outlet: "AP", version: 1 });
  });
  it("says so together with the other fields' messages", () => {
    const errors = errorsOf(sourceSchema, { title: "", outlet: "", url: "not a url", publishedOn: "2024-02-30" });
    expect(Object.keys(errors).sort()).toEqual(["publishedOn", "title", "url"]);
    expect(errorsOf(sourceSchema, { title: "x".repeat(201), outlet: "" }).title).toHaveLength(1);
  });
});
