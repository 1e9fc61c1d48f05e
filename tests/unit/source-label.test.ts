import { describe, expect, it } from "vitest";
import { sourceLabel, sourceOptionLabel } from "@/lib/source-label";

describe("finding 17: a source is named by its title, or by outlet and date when it has none", () => {
  it("uses the title when there is one", () => {
    expect(sourceLabel({ title: "Talks resume in Cairo", outlet: "Reuters", publishedOn: "2024-08-25" })).toBe("Talks resume in Cairo");
  });
  it("says “outlet, date” without a title", () => {
    expect(sourceLabel({ title: null, outlet: "Reuters", publishedOn: "2024-08-25" })).toBe("Reuters, 25 Aug 2024");
    expect(sourceLabel({ title: "  ", outlet: "Reuters", publishedOn: "2024-08-25" })).toBe("Reuters, 25 Aug 2024");
    expect(sourceLabel({ title: null, outlet: "Reuters", publishedOn: null })).toBe("Reuters");
    expect(sourceLabel({ title: null, outlet: "", publishedOn: "2024-08-25" })).toBe("25 Aug 2024");
    expect(sourceLabel({ title: null, outlet: "", publishedOn: null })).toBe("Untitled source");
  });
  it("names it in a list to choose from with its date first", () => {
    expect(sourceOptionLabel({ title: "Talks resume", outlet: "AP", publishedOn: "2024-08-25" })).toBe("25 Aug 2024 · AP: Talks resume");
    expect(sourceOptionLabel({ title: null, outlet: "AP", publishedOn: "2024-08-25" })).toBe("25 Aug 2024 · AP");
    expect(sourceOptionLabel({ title: "Talks resume", outlet: "", publishedOn: null })).toBe("undated · Talks resume");
  });
});
