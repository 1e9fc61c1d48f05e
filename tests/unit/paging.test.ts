import { describe, expect, it } from "vitest";
import { pageHref, pageOf, pageParam, pagerLinks, rangeLabel } from "@/lib/paging";

describe("pageParam", () => {
  it("is 1 without a page, the number for a whole number from 1, null for anything else", () => {
    expect(pageParam(undefined)).toBe(1);
    expect(pageParam("")).toBe(1);
    expect(pageParam("3")).toBe(3);
    expect(pageParam(["2", "5"])).toBe(2);
    for (const bad of ["0", "-1", "1.5", "abc", "01", "99999999999"]) expect(pageParam(bad)).toBeNull();
  });
});

describe("pageOf", () => {
  it("covers rows offset+1 to offset+pageSize, the last page partly", () => {
    expect(pageOf(1, 1479, 50)).toMatchObject({ offset: 0, first: 1, last: 50, pageCount: 30 });
    expect(pageOf(30, 1479, 50)).toMatchObject({ offset: 1450, first: 1451, last: 1479, pageCount: 30 });
  });
  it("an empty list has one empty page; a page past the last does not exist", () => {
    expect(pageOf(1, 0)).toMatchObject({ pageCount: 1, first: 0, last: 0 });
    expect(pageOf(2, 0)).toBeNull();
    expect(pageOf(31, 1479, 50)).toBeNull();
    expect(pageOf(0, 10)).toBeNull();
  });
  it("every row is on exactly one page", () => {
    for (const total of [1, 49, 50, 51, 100, 1479]) {
      const seen: number[] = [];
      for (let n = 1; n <= pageOf(1, total, 50)!.pageCount; n++) {
        const p = pageOf(n, total, 50)!;
        for (let r = p.first; r <= p.last; r++) seen.push(r);
      }
      expect(seen).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    }
  });
});

describe("rangeLabel", () => {
  it("says which rows of how many", () => {
    expect(rangeLabel(pageOf(1, 1479)!, "entry", "entries")).toBe("1–50 of 1,479 entries");
    expect(rangeLabel(pageOf(2, 60)!, "entry", "entries")).toBe("51–60 of 60 entries");
    expect(rangeLabel(pageOf(1, 1)!, "entry", "entries")).toBe("1 entry");
    expect(rangeLabel(pageOf(1, 7)!, "source")).toBe("7 sources");
    expect(rangeLabel(pageOf(1, 0)!, "source")).toBe("No sources");
  });
});

describe("pageHref and pagerLinks", () => {
  it("sets the page, keeps other parameters, and page 1 has no page parameter", () => {
    expect(pageHref("/n/x/timeline?issue=3&page=4", 2)).toBe("/n/x/timeline?issue=3&page=2");
    expect(pageHref("/n/x/timeline?issue=3&page=4", 1)).toBe("/n/x/timeline?issue=3");
    expect(pageHref("/n/x/sources", 1)).toBe("/n/x/sources");
  });
  it("links the first, last and nearby pages with gaps between", () => {
    const links = pagerLinks(pageOf(10, 1479)!, "/s");
    expect(links.map((l) => (l ? l.page : "…"))).toEqual([1, "…", 8, 9, 10, 11, 12, "…", 30]);
    expect(links.find((l) => l?.current)?.page).toBe(10);
    expect(pagerLinks(pageOf(1, 120)!, "/s").map((l) => l?.page)).toEqual([1, 2, 3]);
  });
});
