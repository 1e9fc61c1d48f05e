import { describe, expect, it } from "vitest";
import { safeNextPath, signInPathFor } from "@/lib/next-path";

// Issue 7, finding 7: `next` after sign-in must never leave Parley, and never yield a value that
// cannot go into a Location header.

describe("safeNextPath: where to go after sign-in", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeNextPath("/negotiations/gaza-2024")).toBe("/negotiations/gaza-2024");
    expect(safeNextPath("/negotiations/gaza-2024/compare?from=2024-05-01&to=2024-08-25#x")).toBe("/negotiations/gaza-2024/compare?from=2024-05-01&to=2024-08-25#x");
    expect(safeNextPath(["/users", "//evil.example"])).toBe("/users");
  });

  it("refuses a tab, CR or LF that browsers drop to make a protocol-relative URL (/%09/evil.example)", () => {
    for (const sneaky of ["/\t/evil.example", "/\r/evil.example", "/\n/evil.example", "/\t\r\n/evil.example/path", "\t//evil.example"]) {
      expect(safeNextPath(sneaky), JSON.stringify(sneaky)).toBe("/");
    }
  });

  it("refuses other sites however they are written", () => {
    for (const offSite of [
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/\\/evil.example",
      "https://evil.example/",
      "http:evil.example",
      "javascript:alert(1)",
      "data:text/html,hi",
      " /users",
      "evil.example",
      "/%2F/evil.example".replace("%2F", "/"),
    ]) {
      expect(safeNextPath(offSite), JSON.stringify(offSite)).toBe("/");
    }
  });

  it("gives ASCII only, so CR/LF or non-Latin-1 text cannot break the redirect (500 before)", () => {
    const cases = ["/negotiations/\u0645\u0641\u0627\u0648\u0636\u0627\u062a", "/x?q=\u{1F600}", "/a\r\nSet-Cookie: x=1", "/caf\u00e9", "/x\u2028y"];
    for (const value of cases) {
      const out = safeNextPath(value);
      expect(out, JSON.stringify(value)).toMatch(/^\/[\x21-\x7e]*$/);
      expect(out.startsWith("//")).toBe(false);
    }
    expect(safeNextPath("/caf\u00e9")).toBe("/caf%C3%A9");
  });

  it("falls back to the home page for absent, odd or oversized values", () => {
    for (const value of [undefined, null, "", 42, {}, [], "/" + "a".repeat(3000)]) expect(safeNextPath(value)).toBe("/");
  });

  it("builds the sign-in address that returns to a path", () => {
    expect(signInPathFor("/negotiations/gaza-2024/entries/new")).toBe("/sign-in?next=%2Fnegotiations%2Fgaza-2024%2Fentries%2Fnew");
    expect(signInPathFor("//evil.example")).toBe("/sign-in?next=%2F");
  });
});
