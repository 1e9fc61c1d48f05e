import { describe, expect, it } from "vitest";
import { MAX_NESTING, isDecodablePath, isRefusedJson, nestingDepth, readTextWithin } from "@/lib/request-limits";

describe("nestingDepth", () => {
  it("counts the deepest run of unclosed brackets", () => {
    expect(nestingDepth("")).toBe(0);
    expect(nestingDepth('["$K1",{"a":[1,2]}]')).toBe(3);
    expect(nestingDepth("]]]][")).toBe(1);
    expect(nestingDepth("[".repeat(10_000))).toBe(10_000);
  });
  it("leaves room for any form React sends", () => {
    expect(nestingDepth('["gaza-ceasefire-2024",12,{},"$K1"]')).toBeLessThan(MAX_NESTING);
  });
});

describe("isDecodablePath", () => {
  it("refuses invalid UTF-8 escapes", () => {
    expect(isDecodablePath("/negotiations/%FF")).toBe(false);
    expect(isDecodablePath("/negotiations/%E2%80")).toBe(false);
    expect(isDecodablePath("/negotiations/%")).toBe(false);
  });
  it("accepts ordinary and UTF-8 encoded paths", () => {
    expect(isDecodablePath("/negotiations/gaza-ceasefire-2024")).toBe(true);
    expect(isDecodablePath("/negotiations/%D8%BA%D8%B2%D8%A9")).toBe(true);
  });
});

describe("isRefusedJson", () => {
  it("refuses a lone surrogate escape in any string or key", () => {
    expect(isRefusedJson('{"name":"Eddie\\ud800"}')).toBe(true);
    expect(isRefusedJson('{"a":{"b":["x\\udc00"]}}')).toBe(true);
    expect(isRefusedJson('{"\\ud800":"x"}')).toBe(true);
  });
  it("refuses deep nesting", () => {
    expect(isRefusedJson("[".repeat(100) + "]".repeat(100))).toBe(true);
  });
  it("accepts ordinary JSON, proper pairs, and leaves non-JSON to the endpoint", () => {
    expect(isRefusedJson('{"email":"a@b.org","password":"x"}')).toBe(false);
    expect(isRefusedJson('{"name":"\\ud83d\\udc4d Zoë"}')).toBe(false);
    expect(isRefusedJson("not json")).toBe(false);
  });
});

describe("readTextWithin", () => {
  const stream = (...parts: string[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const p of parts) controller.enqueue(new TextEncoder().encode(p));
        controller.close();
      },
    });
  it("reads a body up to the limit as UTF-8, across chunks (a character split between two)", async () => {
    const bytes = new TextEncoder().encode("قال «نعم»");
    const split = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 3));
        controller.enqueue(bytes.slice(3));
        controller.close();
      },
    });
    expect(await readTextWithin(split, bytes.length)).toBe("قال «نعم»");
    expect(await readTextWithin(null, 10)).toBe("");
  });
  it("stops and returns null once the body is over the limit", async () => {
    expect(await readTextWithin(stream("12345", "67890"), 9)).toBeNull();
    expect(await readTextWithin(stream("12345", "6789"), 9)).toBe("123456789");
  });
});
