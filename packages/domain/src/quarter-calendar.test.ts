import { describe, expect, it } from "vitest";
import {
  defaultDeadline,
  lastFinishedQuarter,
  quarterEnd,
  quarterOfDate,
  quarterStart,
} from "./quarter-calendar";

describe("quarter dates", () => {
  it("gives first and last days", () => {
    expect(quarterStart("2025Q1")).toBe("2025-01-01");
    expect(quarterEnd("2025Q1")).toBe("2025-03-31");
    expect(quarterStart("2025Q3")).toBe("2025-07-01");
    expect(quarterEnd("2025Q2")).toBe("2025-06-30");
    expect(quarterEnd("2025Q4")).toBe("2025-12-31");
  });

  it("sets the deadline 25 days after quarter end, into the next year for Q4", () => {
    expect(defaultDeadline("2025Q1")).toBe("2025-04-25");
    expect(defaultDeadline("2025Q2")).toBe("2025-07-25");
    expect(defaultDeadline("2025Q3")).toBe("2025-10-25");
    expect(defaultDeadline("2025Q4")).toBe("2026-01-25");
  });
});

describe("quarterOfDate / lastFinishedQuarter", () => {
  it("reads the calendar in Beijing by default", () => {
    // 17:00 UTC on 31 March is 01:00 on 1 April in Shanghai.
    const date = new Date("2026-03-31T17:00:00Z");
    expect(quarterOfDate(date)).toBe("2026Q2");
    expect(lastFinishedQuarter(date)).toBe("2026Q1");
    // …but still 31 March in UTC.
    expect(quarterOfDate(date, "UTC")).toBe("2026Q1");
    expect(lastFinishedQuarter(date, "UTC")).toBe("2025Q4");
  });

  it("handles the last moment of a quarter and the new year", () => {
    expect(lastFinishedQuarter(new Date("2026-03-31T15:59:59Z"))).toBe("2025Q4");
    expect(lastFinishedQuarter(new Date("2026-03-31T16:00:00Z"))).toBe("2026Q1");
    expect(quarterOfDate(new Date("2025-12-31T16:30:00Z"))).toBe("2026Q1");
    expect(lastFinishedQuarter(new Date("2025-12-31T16:30:00Z"))).toBe("2025Q4");
  });

  it("is 2026Q3 on 2026-11-28", () => {
    expect(lastFinishedQuarter(new Date("2026-11-28T10:00:00+08:00"))).toBe("2026Q3");
  });

  it("refuses an invalid date", () => {
    expect(() => quarterOfDate(new Date("not a date"))).toThrow(/invalid/);
  });
});
