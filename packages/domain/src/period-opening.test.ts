import { describe, expect, it } from "vitest";

import {
  automaticOpening,
  oldestQuarterToCatchUp,
  PERIOD_CATCH_UP_QUARTERS,
  quartersDueToOpen,
} from "./period-opening";
import { DEFAULT_DEADLINE_DAYS } from "./quarter-calendar";

/** An instant written on Beijing's clock. */
const beijing = (local: string) => new Date(`${local}+08:00`);

describe("which quarter's period opens by itself", () => {
  it("opens the quarter that ended, at 00:00 Beijing and not a minute before", () => {
    const existing = ["2026Q2"];
    expect(quartersDueToOpen(beijing("2026-09-30T23:59:59"), existing)).toEqual([]);
    expect(quartersDueToOpen(beijing("2026-10-01T00:00:00"), existing)).toEqual(["2026Q3"]);
  });

  it("judges the quarter's end in Beijing, not UTC", () => {
    // 2026-09-30T16:00Z is already October 1st in Beijing; 15:59Z is still September 30th.
    expect(quartersDueToOpen(new Date("2026-09-30T16:00:00Z"), ["2026Q2"])).toEqual(["2026Q3"]);
    expect(quartersDueToOpen(new Date("2026-09-30T15:59:59Z"), ["2026Q2"])).toEqual([]);
    // In UTC the quarter would not have ended yet.
    expect(quartersDueToOpen(new Date("2026-09-30T16:00:00Z"), ["2026Q2"], "UTC")).toEqual([]);
  });

  it("crosses the year: Q4 opens on January 1st with a deadline in the new year", () => {
    expect(quartersDueToOpen(beijing("2026-12-31T23:59:59"), ["2026Q3"])).toEqual([]);
    expect(quartersDueToOpen(beijing("2027-01-01T00:00:00"), ["2026Q3"])).toEqual(["2026Q4"]);
    expect(automaticOpening("2026Q4")).toEqual({ quarter: "2026Q4", status: "open", deadline: "2027-01-25" });
  });

  it("gives the default deadline, 25 days after the quarter's end", () => {
    expect(DEFAULT_DEADLINE_DAYS).toBe(25);
    expect(automaticOpening("2026Q3").deadline).toBe("2026-10-25");
    expect(automaticOpening("2027Q1").deadline).toBe("2027-04-25");
  });

  it("leaves a quarter an admin set up in advance: one with a period opens nothing", () => {
    expect(quartersDueToOpen(beijing("2026-10-01T00:00:00"), ["2026Q2", "2026Q3"])).toEqual([]);
    // Set up ahead of time for the next quarter too: still nothing to open now.
    expect(quartersDueToOpen(beijing("2026-11-15T12:00:00"), ["2026Q3", "2026Q4"])).toEqual([]);
  });

  it("is safe at any time of the quarter: the same answer all quarter long", () => {
    expect(quartersDueToOpen(beijing("2026-11-15T12:00:00"), ["2026Q2"])).toEqual(["2026Q3"]);
    expect(quartersDueToOpen(beijing("2026-12-31T23:59:59"), ["2026Q2"])).toEqual(["2026Q3"]);
  });

  it("catches up quarters missed while no worker ran, oldest first", () => {
    expect(quartersDueToOpen(beijing("2027-01-02T08:00:00"), ["2026Q1", "2026Q2"])).toEqual([
      "2026Q3",
      "2026Q4",
    ]);
  });

  it("catches up at most a year; with no recent period only the last ended quarter opens", () => {
    expect(PERIOD_CATCH_UP_QUARTERS).toBe(4);
    expect(quartersDueToOpen(beijing("2027-01-02T08:00:00"), ["2026Q1"])).toEqual([
      "2026Q2",
      "2026Q3",
      "2026Q4",
    ]);
    expect(quartersDueToOpen(beijing("2027-01-02T08:00:00"), ["2025Q4"])).toEqual(["2026Q4"]);
    expect(quartersDueToOpen(beijing("2027-01-02T08:00:00"), [])).toEqual(["2026Q4"]);
  });

  it("does not fill gaps before the newest period of the last year", () => {
    expect(quartersDueToOpen(beijing("2027-01-02T08:00:00"), ["2026Q1", "2026Q3"])).toEqual(["2026Q4"]);
  });

  it("refuses an invalid instant", () => {
    expect(() => quartersDueToOpen(new Date(Number.NaN), [])).toThrow(RangeError);
  });
});

describe("the catch-up window", () => {
  it("starts three quarters before the last ended one", () => {
    expect(oldestQuarterToCatchUp(beijing("2027-01-01T00:00:00"))).toBe("2026Q1");
    expect(oldestQuarterToCatchUp(beijing("2026-12-31T23:59:59"))).toBe("2025Q4");
  });
});
