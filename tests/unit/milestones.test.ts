import { describe, expect, it } from "vitest";
import { asOfQuickPicks, milestoneLabel } from "@/lib/milestones";

describe("milestoneLabel", () => {
  it("names a milestone by its day, as every date is shown, and its title", () => {
    expect(milestoneLabel({ day: "2024-08-25", title: "Talks in Cairo" })).toBe("25 Aug 2024 — Talks in Cairo");
  });
});

describe("asOfQuickPicks", () => {
  const marks = [
    { id: 3, day: "2025-01-15", title: "Deal announced" },
    { id: 1, day: "2024-08-25", title: "Talks in Cairo" },
    { id: 2, day: "2024-08-25", title: "Talks in Cairo" },
    { id: 4, day: "2024-08-25", title: "Proposal tabled" },
  ];

  it("offers each day and title once, oldest first, and marks the one on the as-of day", () => {
    expect(asOfQuickPicks(marks, "2024-08-25")).toEqual([
      { id: 1, day: "2024-08-25", title: "Talks in Cairo", current: true },
      { id: 4, day: "2024-08-25", title: "Proposal tabled", current: true },
      { id: 3, day: "2025-01-15", title: "Deal announced", current: false },
    ]);
  });

  it("marks none when the as-of day has no milestone, and offers nothing without milestones", () => {
    expect(asOfQuickPicks(marks, "2024-09-01").some((p) => p.current)).toBe(false);
    expect(asOfQuickPicks([], "2024-09-01")).toEqual([]);
  });
});
