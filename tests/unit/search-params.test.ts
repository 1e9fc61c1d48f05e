import { describe, expect, it } from "vitest";
import { asOfParam, firstValue } from "@/lib/search-params";

describe("URL query values", () => {
  it("takes the first of a repeated key", () => {
    expect(firstValue(["2024-01-01", "2025-01-01"])).toBe("2024-01-01");
    expect(firstValue(undefined)).toBeUndefined();
  });
  it("uses a real as-of day and falls back to today otherwise, saying what it refused", () => {
    expect(asOfParam("2024-08-25", "2026-11-24")).toEqual({ asOf: "2024-08-25", today: "2026-11-24", invalid: null });
    expect(asOfParam("2024-02-30", "2026-11-24")).toEqual({ asOf: "2026-11-24", today: "2026-11-24", invalid: "2024-02-30" });
    expect(asOfParam(undefined, "2026-11-24")).toEqual({ asOf: "2026-11-24", today: "2026-11-24", invalid: null });
  });
});
