import { defaultDeadline, type QuarterString, ZonesError } from "@zones/domain";
import { describe, expect, it } from "vitest";

import { ZExportFiltersSchema } from "./filters";
import {
  describeTrigger,
  dueOccurrence,
  isTimeZone,
  nextOccurrence,
  type QuarterDeadline,
  type ScheduleTrigger,
  scheduleQuarterRange,
  scheduleRunFilters,
  type TExportScheduleInput,
  triggerCron,
  ZExportScheduleSchema,
  ZScheduleQuartersSchema,
  ZScheduleTriggerSchema,
} from "./schedules";

// Pure tests: no database. The package's vitest projects run them once per database engine.

const SHANGHAI = "Asia/Shanghai";
const at = (iso: string) => new Date(iso);

const VALID: TExportScheduleInput = {
  name: "  季度 GDP  ",
  trigger: { kind: "weekly", weekday: 1, hour: 8 },
  zoneCodes: ["HB-HS", "SD-ZB", "HB-HS"],
  indicatorCodes: ["gdp"],
  quarters: { kind: "recent", count: 4 },
};

function schedule(overrides: Record<string, unknown> = {}) {
  return { ...VALID, ...overrides };
}

/** The issues of a refused input, as "path → message". */
function refusals(input: unknown): string[] {
  const result = ZExportScheduleSchema.safeParse(input);
  if (result.success) throw new Error(`expected a refusal, got ${JSON.stringify(result.data)}`);
  return result.error.issues.map((issue) => `${issue.path.join(".")} → ${issue.message}`);
}

describe("ZExportScheduleSchema: accepted input", () => {
  it("fills the defaults, trims the name and names each code once, as the filters do", () => {
    expect(ZExportScheduleSchema.parse(VALID)).toEqual({
      name: "季度 GDP",
      trigger: { kind: "weekly", weekday: 1, hour: 8 },
      timezone: "Asia/Shanghai",
      zoneCodes: ["HB-HS", "SD-ZB"],
      indicatorCodes: ["gdp"],
      statuses: ["approved"],
      layout: "long",
      headerLanguage: "zh",
      encoding: "utf-8-bom",
      quarters: { kind: "recent", count: 4 },
      format: "csv",
      retention: 8,
      delivery: {
        accounts: [],
        addresses: [],
        mode: "link",
        zip: false,
        linkDays: 7,
        bulletin: false,
        webhooks: [],
      },
    });
  });

  it("takes every trigger kind at its limits", () => {
    const triggers: ScheduleTrigger[] = [
      { kind: "cron", cron: "*/15 8-18 * * 1-5" },
      { kind: "cron", cron: "0 9 29 2 *" },
      { kind: "cron", cron: "0 9 L 2,4 *" },
      { kind: "cron", cron: "0 9 31 2,4 1" },
      { kind: "weekly", weekday: 0, hour: 0 },
      { kind: "weekly", weekday: 6, hour: 23 },
      { kind: "monthly", day: 1, hour: 0 },
      { kind: "monthly", day: 28, hour: 23 },
      { kind: "quarterly", daysAfterDeadline: 0, hour: 8 },
      { kind: "quarterly", daysAfterDeadline: 90, hour: 8 },
      { kind: "all-approved" },
    ];
    for (const trigger of triggers) {
      expect(ZExportScheduleSchema.parse(schedule({ trigger })).trigger).toEqual(trigger);
    }
  });

  it("writes a cron expression with single spaces", () => {
    const parsed = ZScheduleTriggerSchema.parse({ kind: "cron", cron: "  0   8 *\t* 1 " });
    expect(parsed).toEqual({ kind: "cron", cron: "0 8 * * 1" });
  });

  it("takes an IANA time zone, written in any case", () => {
    expect(ZExportScheduleSchema.parse(schedule({ timezone: "America/New_York" })).timezone).toBe(
      "America/New_York",
    );
    expect(ZExportScheduleSchema.parse(schedule({ timezone: "asia/shanghai" })).timezone).toBe(SHANGHAI);
    expect(ZExportScheduleSchema.parse(schedule({ timezone: "UTC" })).timezone).toBe("UTC");
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Base")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });

  it("takes a fixed range of one quarter, a name of 100 characters, and the limits of the numbers", () => {
    const parsed = ZExportScheduleSchema.parse(
      schedule({
        name: "示".repeat(100),
        quarters: { kind: "fixed", from: "2026Q1", to: "2026Q1" },
        format: "xlsx",
        retention: 100,
      }),
    );
    expect(parsed.quarters).toEqual({ kind: "fixed", from: "2026Q1", to: "2026Q1" });
    expect(parsed.format).toBe("xlsx");
    expect(ZExportScheduleSchema.parse(schedule({ retention: 1 })).retention).toBe(1);
    expect(ZScheduleQuartersSchema.parse({ kind: "recent", count: 40 })).toEqual({
      kind: "recent",
      count: 40,
    });
    expect(ZScheduleQuartersSchema.parse({ kind: "recent", count: 1 })).toEqual({ kind: "recent", count: 1 });
  });

  it("lets the wide layout span exactly MAX_WIDE_QUARTERS quarters, and 40 recent ones", () => {
    const wide = { layout: "wide" };
    const fixed = { kind: "fixed", from: "1977Q1", to: "2026Q4" }; // 50 years = 200 quarters
    expect(ZExportScheduleSchema.safeParse(schedule({ ...wide, quarters: fixed })).success).toBe(true);
    const recent = { kind: "recent", count: 40 };
    expect(ZExportScheduleSchema.safeParse(schedule({ ...wide, quarters: recent })).success).toBe(true);
    const long = { kind: "fixed", from: "1949Q1", to: "2026Q4" };
    expect(ZExportScheduleSchema.safeParse(schedule({ quarters: long })).success).toBe(true);
  });
});

describe("ZExportScheduleSchema: refusals name their field", () => {
  it("attaches the quarterly bulletin only to schedules run when every zone's quarter is approved", () => {
    expect(refusals(schedule({ delivery: { bulletin: true } }))).toEqual([
      "delivery.bulletin → delivery.bulletin: the bulletin is attached only by schedules run when every zone's quarter is approved",
    ]);
    const approved = ZExportScheduleSchema.parse(
      schedule({ trigger: { kind: "all-approved" }, delivery: { bulletin: true } }),
    );
    expect(approved.delivery.bulletin).toBe(true);
    expect(ZExportScheduleSchema.parse(schedule()).delivery.bulletin).toBe(false);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["an empty name", { name: "   " }, "name → name: give the schedule a name"],
    ["a long name", { name: "x".repeat(101) }, "name → name: at most 100 characters, got 101"],
    ["no name", { name: undefined }, "name → name: expected text, got nothing"],
    [
      "a time zone that does not exist",
      { timezone: "Mars/Base" },
      'timezone → timezone: "Mars/Base" is not a time zone: expected an IANA name such as Asia/Shanghai or UTC',
    ],
    [
      "an empty time zone",
      { timezone: "" },
      'timezone → timezone: "" is not a time zone: expected an IANA name such as Asia/Shanghai or UTC',
    ],
    [
      "a time zone that is not text",
      { timezone: 8 },
      "timezone → timezone: expected a time zone name such as Asia/Shanghai, got 8",
    ],
    ["a format", { format: "pdf" }, 'format → format: "csv" or "xlsx", got "pdf"'],
    [
      "no retention",
      { retention: 0 },
      "retention → retention: how many finished files to keep, a whole number 1–100, got 0",
    ],
    [
      "too much retention",
      { retention: 101 },
      "retention → retention: how many finished files to keep, a whole number 1–100, got 101",
    ],
    [
      "a fraction of retention",
      { retention: 2.5 },
      "retention → retention: how many finished files to keep, a whole number 1–100, got 2.5",
    ],
    [
      "retention as text",
      { retention: "8" },
      'retention → retention: how many finished files to keep, a whole number 1–100, got "8"',
    ],
  ])("refuses %s", (_, overrides, refusal) => {
    expect(refusals(schedule(overrides))).toEqual([refusal]);
  });

  it.each<[string, unknown, string]>([
    [
      "an unknown kind",
      { kind: "daily", hour: 8 },
      'trigger.kind → trigger.kind: one of "cron", "weekly", "monthly", "quarterly", "all-approved", got "daily"',
    ],
    [
      "no kind",
      { hour: 8 },
      'trigger.kind → trigger.kind: one of "cron", "weekly", "monthly", "quarterly", "all-approved", got nothing',
    ],
    [
      "a trigger that is not an object",
      "weekly",
      'trigger → trigger: expected an object with a kind ("cron", "weekly", "monthly", "quarterly", "all-approved"), got "weekly"',
    ],
    [
      "weekday 7",
      { kind: "weekly", weekday: 7, hour: 8 },
      "trigger.weekday → trigger.weekday: a day of the week 0–6 (0 = Sunday), got 7",
    ],
    [
      "weekday -1",
      { kind: "weekly", weekday: -1, hour: 8 },
      "trigger.weekday → trigger.weekday: a day of the week 0–6 (0 = Sunday), got -1",
    ],
    [
      "weekday 1.5",
      { kind: "weekly", weekday: 1.5, hour: 8 },
      "trigger.weekday → trigger.weekday: a day of the week 0–6 (0 = Sunday), got 1.5",
    ],
    [
      "weekday as text",
      { kind: "weekly", weekday: "1", hour: 8 },
      'trigger.weekday → trigger.weekday: a day of the week 0–6 (0 = Sunday), got "1"',
    ],
    [
      "hour 24",
      { kind: "weekly", weekday: 1, hour: 24 },
      "trigger.hour → trigger.hour: an hour 0–23, got 24",
    ],
    ["no hour", { kind: "weekly", weekday: 1 }, "trigger.hour → trigger.hour: an hour 0–23, got nothing"],
    [
      "day 29",
      { kind: "monthly", day: 29, hour: 8 },
      "trigger.day → trigger.day: a day of the month 1–28 (one that every month has), got 29",
    ],
    [
      "day 0",
      { kind: "monthly", day: 0, hour: 8 },
      "trigger.day → trigger.day: a day of the month 1–28 (one that every month has), got 0",
    ],
    [
      "hour -1 (monthly)",
      { kind: "monthly", day: 5, hour: -1 },
      "trigger.hour → trigger.hour: an hour 0–23, got -1",
    ],
    [
      "91 days after the deadline",
      { kind: "quarterly", daysAfterDeadline: 91, hour: 8 },
      "trigger.daysAfterDeadline → trigger.daysAfterDeadline: a whole number of days 0–90, got 91",
    ],
    [
      "a day before the deadline",
      { kind: "quarterly", daysAfterDeadline: -1, hour: 8 },
      "trigger.daysAfterDeadline → trigger.daysAfterDeadline: a whole number of days 0–90, got -1",
    ],
    [
      "hour 8.5 (quarterly)",
      { kind: "quarterly", daysAfterDeadline: 5, hour: 8.5 },
      "trigger.hour → trigger.hour: an hour 0–23, got 8.5",
    ],
    [
      "a minute out of range",
      { kind: "cron", cron: "61 * * * *" },
      'trigger.cron → trigger.cron: "61 * * * *" is not a valid cron expression (minute hour day-of-month month day-of-week): Constraint error, got value 61 expected range 0-59',
    ],
    [
      "a seconds field",
      { kind: "cron", cron: "0 0 8 * * 1" },
      'trigger.cron → trigger.cron: "0 0 8 * * 1" is not a valid cron expression (minute hour day-of-month month day-of-week): expected 5 fields, got 6 (a seconds field is not supported)',
    ],
    [
      "four fields",
      { kind: "cron", cron: "0 8 * *" },
      'trigger.cron → trigger.cron: "0 8 * *" is not a valid cron expression (minute hour day-of-month month day-of-week): expected 5 fields, got 4',
    ],
    [
      "a macro",
      { kind: "cron", cron: "@daily" },
      'trigger.cron → trigger.cron: "@daily" is not a valid cron expression (minute hour day-of-month month day-of-week): expected 5 fields, got 1',
    ],
    [
      "an empty expression",
      { kind: "cron", cron: "  " },
      'trigger.cron → trigger.cron: "  " is not a valid cron expression (minute hour day-of-month month day-of-week): expected 5 fields, got 0',
    ],
    [
      "letters",
      { kind: "cron", cron: "a b c d e" },
      'trigger.cron → trigger.cron: "a b c d e" is not a valid cron expression (minute hour day-of-month month day-of-week): Invalid characters, got value: a',
    ],
    [
      "a day of the week out of range",
      { kind: "cron", cron: "0 8 * * 8" },
      'trigger.cron → trigger.cron: "0 8 * * 8" is not a valid cron expression (minute hour day-of-month month day-of-week): Constraint error, got value 8 expected range 0-7',
    ],
    [
      "an expression that never occurs",
      { kind: "cron", cron: "0 0 31 4,6 *" },
      'trigger.cron → trigger.cron: "0 0 31 4,6 *" is not a valid cron expression (minute hour day-of-month month day-of-week): it never occurs: none of its months has such a day',
    ],
    [
      "a cron that is not text",
      { kind: "cron", cron: 5 },
      'trigger.cron → trigger.cron: expected a cron expression such as "0 8 * * 1", got 5',
    ],
  ])("refuses a trigger with %s", (_, trigger, refusal) => {
    expect(refusals(schedule({ trigger }))).toEqual([refusal]);
  });

  it.each<[string, unknown, string]>([
    [
      "a reversed range",
      { kind: "fixed", from: "2026Q1", to: "2025Q1" },
      "quarters.to → quarters.to: 2025Q1 is before from (2026Q1); the range runs from the earlier quarter to the later",
    ],
    [
      "a quarter that does not exist",
      { kind: "fixed", from: "2026Q5", to: "2026Q4" },
      'quarters.from → quarters.from: "2026Q5" is not a quarter: expected a four-digit year, "Q" and a quarter number 1–4, like 2025Q3',
    ],
    [
      "no end",
      { kind: "fixed", from: "2026Q1" },
      "quarters.to → quarters.to: expected a quarter like 2025Q3, got nothing",
    ],
    [
      "an unknown kind",
      { kind: "rolling", count: 4 },
      'quarters.kind → quarters.kind: "fixed" or "recent", got "rolling"',
    ],
    [
      "quarters that are not an object",
      "recent",
      'quarters → quarters: expected an object with a kind ("fixed" or "recent"), got "recent"',
    ],
    [
      "no recent quarters",
      { kind: "recent", count: 0 },
      "quarters.count → quarters.count: a whole number of quarters 1–40, got 0",
    ],
    [
      "41 recent quarters",
      { kind: "recent", count: 41 },
      "quarters.count → quarters.count: a whole number of quarters 1–40, got 41",
    ],
    [
      "a fraction of a quarter",
      { kind: "recent", count: 2.5 },
      "quarters.count → quarters.count: a whole number of quarters 1–40, got 2.5",
    ],
  ])("refuses quarters with %s", (_, quarters, refusal) => {
    expect(refusals(schedule({ quarters }))).toEqual([refusal]);
  });

  it("refuses a wide layout of more than MAX_WIDE_QUARTERS quarters", () => {
    const quarters = { kind: "fixed", from: "1976Q4", to: "2026Q4" };
    expect(refusals(schedule({ layout: "wide", quarters }))).toEqual([
      "quarters.to → quarters.to: the wide layout has one column per quarter, at most 200; 1976Q4–2026Q4 spans 201",
    ]);
  });

  it("reports every field at fault at once", () => {
    expect(refusals({ trigger: { kind: "monthly", day: 31, hour: 8 }, timezone: "Mars/Base" })).toEqual([
      "name → name: expected text, got nothing",
      "trigger.day → trigger.day: a day of the month 1–28 (one that every month has), got 31",
      'timezone → timezone: "Mars/Base" is not a time zone: expected an IANA name such as Asia/Shanghai or UTC',
      "zoneCodes → zoneCodes: expected a list of zone codes, got nothing",
      "indicatorCodes → indicatorCodes: expected a list of indicator codes, got nothing",
      'quarters → quarters: expected an object with a kind ("fixed" or "recent"), got nothing',
    ]);
  });

  it.each<[string, unknown]>([
    ["zoneCodes", []],
    ["zoneCodes", ["XX_YY"]],
    ["zoneCodes", "HB-HS"],
    ["indicatorCodes", []],
    ["indicatorCodes", ["Not an indicator"]],
    ["statuses", ["draft"]],
    ["statuses", []],
    ["layout", "tall"],
    ["headerLanguage", "fr"],
    ["encoding", "latin1"],
  ])("refuses %s %j with the same path and message as ZExportFiltersSchema", (field, value) => {
    const filters = ZExportFiltersSchema.safeParse({
      zoneCodes: ["HB-HS"],
      indicatorCodes: ["gdp"],
      from: "2025Q1",
      to: "2025Q4",
      [field]: value,
    });
    const expected = filters.error?.issues.map((issue) => `${issue.path.join(".")} → ${issue.message}`);
    expect(expected?.[0]?.startsWith(field)).toBe(true);
    expect(refusals(schedule({ [field]: value }))).toEqual(expected);
  });
});

describe("triggerCron", () => {
  it("compiles clock triggers to 5-field cron", () => {
    expect(triggerCron({ kind: "weekly", weekday: 1, hour: 8 })).toBe("0 8 * * 1");
    expect(triggerCron({ kind: "weekly", weekday: 0, hour: 23 })).toBe("0 23 * * 0");
    expect(triggerCron({ kind: "monthly", day: 5, hour: 9 })).toBe("0 9 5 * *");
    expect(triggerCron({ kind: "cron", cron: "*/15 8-18 * * 1-5" })).toBe("*/15 8-18 * * 1-5");
  });

  it("is null for the quarterly and all-approved triggers", () => {
    expect(triggerCron({ kind: "quarterly", daysAfterDeadline: 5, hour: 8 })).toBeNull();
    expect(triggerCron({ kind: "all-approved" })).toBeNull();
  });
});

const MONDAY_8 = { trigger: { kind: "weekly", weekday: 1, hour: 8 }, timezone: SHANGHAI } as const;
// 2026-11-30 is a Monday; 08:00 in Beijing (UTC+8) is 00:00 UTC.
const MONDAY_8_DUE = at("2026-11-30T00:00:00Z");

/** The deadlines of 2026Q2–2026Q4 (25 days after quarter end): 07-25, 10-25, 2027-01-25. */
const DEADLINES: QuarterDeadline[] = (["2026Q2", "2026Q3", "2026Q4"] as QuarterString[]).map((quarter) => ({
  quarter,
  deadline: defaultDeadline(quarter),
}));

describe("dueOccurrence: clock triggers", () => {
  it("finds the weekly occurrence in the window, on Beijing time", () => {
    const window = { after: at("2026-11-29T00:00:00Z"), upTo: at("2026-11-30T00:00:30Z") };
    expect(dueOccurrence(MONDAY_8, window, [])).toEqual({ dueAt: MONDAY_8_DUE, quarter: null });
  });

  it("includes the end of the window and excludes its start", () => {
    expect(dueOccurrence(MONDAY_8, { after: at("2026-11-29T00:00:00Z"), upTo: MONDAY_8_DUE }, [])).toEqual({
      dueAt: MONDAY_8_DUE,
      quarter: null,
    });
    expect(dueOccurrence(MONDAY_8, { after: MONDAY_8_DUE, upTo: at("2026-12-06T00:00:00Z") }, [])).toBeNull();
  });

  it("is null for a window ending 1 s before the occurrence", () => {
    const window = { after: at("2026-11-29T00:00:00Z"), upTo: at("2026-11-29T23:59:59Z") };
    expect(dueOccurrence(MONDAY_8, window, [])).toBeNull();
  });

  it("gives the latest of several occurrences in a long window", () => {
    const window = { after: at("2026-11-01T00:00:00Z"), upTo: at("2026-11-30T12:00:00Z") };
    expect(dueOccurrence(MONDAY_8, window, [])?.dueAt).toEqual(MONDAY_8_DUE);
  });

  it("reads the clock in the schedule's time zone", () => {
    const window = { after: at("2026-11-29T00:00:00Z"), upTo: at("2026-11-30T00:00:30Z") };
    expect(dueOccurrence({ ...MONDAY_8, timezone: "UTC" }, window, [])).toBeNull();
    const utcWindow = { after: at("2026-11-30T07:00:00Z"), upTo: at("2026-11-30T09:00:00Z") };
    expect(dueOccurrence({ ...MONDAY_8, timezone: "UTC" }, utcWindow, [])?.dueAt).toEqual(
      at("2026-11-30T08:00:00Z"),
    );
  });

  it("is null for an empty or reversed window", () => {
    expect(dueOccurrence(MONDAY_8, { after: MONDAY_8_DUE, upTo: MONDAY_8_DUE }, [])).toBeNull();
    expect(
      dueOccurrence(MONDAY_8, { after: at("2026-12-01T00:00:00Z"), upTo: at("2026-11-29T00:00:00Z") }, []),
    ).toBeNull();
  });

  it("finds monthly and cron occurrences", () => {
    const monthly = { trigger: { kind: "monthly", day: 5, hour: 9 }, timezone: SHANGHAI } as const;
    const november = { after: at("2026-11-01T00:00:00Z"), upTo: at("2026-11-30T00:00:00Z") };
    expect(dueOccurrence(monthly, november, [])).toEqual({
      dueAt: at("2026-11-05T01:00:00Z"),
      quarter: null,
    });
    // Weekdays at 06:30 Beijing: Friday 2026-11-27 06:30 is 2026-11-26T22:30Z; nothing at the weekend.
    const cron = { trigger: { kind: "cron", cron: "30 6 * * 1-5" }, timezone: SHANGHAI } as const;
    const weekend = { after: at("2026-11-27T00:00:00Z"), upTo: at("2026-11-29T00:00:00Z") };
    expect(dueOccurrence(cron, weekend, [])).toBeNull();
    const friday = { after: at("2026-11-26T00:00:00Z"), upTo: at("2026-11-29T00:00:00Z") };
    expect(dueOccurrence(cron, friday, [])).toEqual({ dueAt: at("2026-11-26T22:30:00Z"), quarter: null });
  });

  it("ignores the deadlines", () => {
    const window = { after: at("2026-11-29T00:00:00Z"), upTo: at("2026-11-30T00:00:30Z") };
    expect(dueOccurrence(MONDAY_8, window, DEADLINES)).toEqual({ dueAt: MONDAY_8_DUE, quarter: null });
  });
});

describe("dueOccurrence: quarterly and all-approved triggers", () => {
  const fiveDays = {
    trigger: { kind: "quarterly", daysAfterDeadline: 5, hour: 8 },
    timezone: SHANGHAI,
  } as const;

  it("runs 5 days after the 2026Q3 deadline (2026-10-25) at 08:00 Beijing, for 2026Q3", () => {
    const window = { after: at("2026-10-01T00:00:00Z"), upTo: at("2026-11-29T00:00:00Z") };
    const deadlines = [{ quarter: "2026Q3" as const, deadline: "2026-10-25" }];
    expect(dueOccurrence(fiveDays, window, deadlines)).toEqual({
      dueAt: at("2026-10-30T00:00:00Z"),
      quarter: "2026Q3",
    });
  });

  it("includes the end of the window, excludes its start, and gives the latest quarter", () => {
    const due = at("2026-10-30T00:00:00Z");
    expect(dueOccurrence(fiveDays, { after: at("2026-10-29T00:00:00Z"), upTo: due }, DEADLINES)).toEqual({
      dueAt: due,
      quarter: "2026Q3",
    });
    expect(
      dueOccurrence(
        fiveDays,
        { after: at("2026-10-29T00:00:00Z"), upTo: at("2026-10-29T23:59:59Z") },
        DEADLINES,
      ),
    ).toBeNull();
    expect(dueOccurrence(fiveDays, { after: due, upTo: at("2026-12-31T00:00:00Z") }, DEADLINES)).toBeNull();
    // A window holding 2026Q2's occurrence (2026-07-30) and 2026Q3's: the later one.
    const both = { after: at("2026-07-01T00:00:00Z"), upTo: at("2026-11-29T00:00:00Z") };
    expect(dueOccurrence(fiveDays, both, DEADLINES)).toEqual({ dueAt: due, quarter: "2026Q3" });
    const july = { after: at("2026-07-01T00:00:00Z"), upTo: at("2026-10-01T00:00:00Z") };
    expect(dueOccurrence(fiveDays, july, DEADLINES)).toEqual({
      dueAt: at("2026-07-30T00:00:00Z"),
      quarter: "2026Q2",
    });
  });

  it("gives the later quarter when two share a deadline, whatever their order", () => {
    const window = { after: at("2026-10-01T00:00:00Z"), upTo: at("2026-11-29T00:00:00Z") };
    const shared = [
      { quarter: "2026Q2" as const, deadline: "2026-10-25" },
      { quarter: "2026Q3" as const, deadline: "2026-10-25" },
    ];
    const expected = { dueAt: at("2026-10-30T00:00:00Z"), quarter: "2026Q3" };
    expect(dueOccurrence(fiveDays, window, shared)).toEqual(expected);
    expect(dueOccurrence(fiveDays, window, [...shared].reverse())).toEqual(expected);
  });

  it("counts days across month ends, on the calendar of the time zone", () => {
    const tenDays = {
      trigger: { kind: "quarterly", daysAfterDeadline: 10, hour: 8 },
      timezone: SHANGHAI,
    } as const;
    const window = { after: at("2026-10-01T00:00:00Z"), upTo: at("2026-11-29T00:00:00Z") };
    expect(dueOccurrence(tenDays, window, DEADLINES)?.dueAt).toEqual(at("2026-11-04T00:00:00Z"));
    // Midnight of the deadline in Beijing is still the day before in UTC.
    const midnight = {
      trigger: { kind: "quarterly", daysAfterDeadline: 0, hour: 0 },
      timezone: SHANGHAI,
    } as const;
    expect(dueOccurrence(midnight, window, DEADLINES)?.dueAt).toEqual(at("2026-10-24T16:00:00Z"));
    // New York: UTC-4 in October (daylight saving time), UTC-5 in January.
    const newYork = { ...fiveDays, timezone: "America/New_York" };
    expect(dueOccurrence(newYork, window, DEADLINES)?.dueAt).toEqual(at("2026-10-30T12:00:00Z"));
    const january = { after: at("2027-01-01T00:00:00Z"), upTo: at("2027-02-28T00:00:00Z") };
    expect(dueOccurrence(newYork, january, DEADLINES)).toEqual({
      dueAt: at("2027-01-30T13:00:00Z"),
      quarter: "2026Q4",
    });
  });

  it("moves an hour skipped by daylight saving time forward, like cron", () => {
    // 2026-03-08 02:00 does not exist in New York: the clock jumps from 02:00 EST to 03:00 EDT (07:00Z).
    const twoAm = {
      trigger: { kind: "quarterly", daysAfterDeadline: 0, hour: 2 },
      timezone: "America/New_York",
    } as const;
    const window = { after: at("2026-03-01T00:00:00Z"), upTo: at("2026-03-31T00:00:00Z") };
    const deadlines = [{ quarter: "2025Q4" as const, deadline: "2026-03-08" }];
    expect(dueOccurrence(twoAm, window, deadlines)?.dueAt).toEqual(at("2026-03-08T07:00:00Z"));
  });

  it("is null without deadlines, and refuses a deadline that is not a date", () => {
    const window = { after: at("2026-10-01T00:00:00Z"), upTo: at("2026-11-29T00:00:00Z") };
    expect(dueOccurrence(fiveDays, window, [])).toBeNull();
    expect(() => dueOccurrence(fiveDays, window, [{ quarter: "2026Q3", deadline: "2026-02-30" }])).toThrow(
      'the deadline "2026-02-30" is not a YYYY-MM-DD date',
    );
    expect(() => dueOccurrence(fiveDays, window, [{ quarter: "2026Q3", deadline: "25/10/2026" }])).toThrow(
      RangeError,
    );
  });

  it("is always null for all-approved (event driven)", () => {
    const allApproved = { trigger: { kind: "all-approved" }, timezone: SHANGHAI } as const;
    const window = { after: at("2000-01-01T00:00:00Z"), upTo: at("2100-01-01T00:00:00Z") };
    expect(dueOccurrence(allApproved, window, DEADLINES)).toBeNull();
  });
});

describe("nextOccurrence", () => {
  it("gives the next clock occurrence strictly after now", () => {
    expect(nextOccurrence(MONDAY_8, at("2026-11-28T12:00:00Z"), [])).toEqual(MONDAY_8_DUE);
    expect(nextOccurrence(MONDAY_8, at("2026-11-29T23:59:59.999Z"), [])).toEqual(MONDAY_8_DUE);
    expect(nextOccurrence(MONDAY_8, MONDAY_8_DUE, [])).toEqual(at("2026-12-07T00:00:00Z"));
    expect(nextOccurrence(MONDAY_8, at("2026-11-30T00:00:00.500Z"), [])).toEqual(at("2026-12-07T00:00:00Z"));
    const monthly = { trigger: { kind: "monthly", day: 5, hour: 9 }, timezone: SHANGHAI } as const;
    expect(nextOccurrence(monthly, at("2026-11-28T00:00:00Z"), [])).toEqual(at("2026-12-05T01:00:00Z"));
    const cron = { trigger: { kind: "cron", cron: "0 8 * * 1" }, timezone: SHANGHAI } as const;
    expect(nextOccurrence(cron, at("2026-11-28T12:00:00Z"), [])).toEqual(MONDAY_8_DUE);
  });

  it("gives the next quarterly occurrence, or null when no deadline is ahead", () => {
    const fiveDays = {
      trigger: { kind: "quarterly", daysAfterDeadline: 5, hour: 8 },
      timezone: SHANGHAI,
    } as const;
    expect(nextOccurrence(fiveDays, at("2026-11-28T00:00:00Z"), DEADLINES)).toEqual(
      at("2027-01-30T00:00:00Z"),
    );
    expect(nextOccurrence(fiveDays, at("2026-08-01T00:00:00Z"), DEADLINES)).toEqual(
      at("2026-10-30T00:00:00Z"),
    );
    expect(nextOccurrence(fiveDays, at("2026-10-30T00:00:00Z"), DEADLINES)).toEqual(
      at("2027-01-30T00:00:00Z"),
    );
    expect(nextOccurrence(fiveDays, at("2027-01-30T00:00:00Z"), DEADLINES)).toBeNull();
    expect(nextOccurrence(fiveDays, at("2026-11-28T00:00:00Z"), [])).toBeNull();
  });

  it("is null for all-approved", () => {
    const allApproved = { trigger: { kind: "all-approved" }, timezone: SHANGHAI } as const;
    expect(nextOccurrence(allApproved, at("2026-11-28T00:00:00Z"), DEADLINES)).toBeNull();
  });
});

describe("scheduleQuarterRange", () => {
  const recent4 = { kind: "recent", count: 4 } as const;

  it("gives the 4 quarters up to the last finished one (2026Q3 on 2026-11-29)", () => {
    expect(scheduleQuarterRange(recent4, { at: at("2026-11-29T00:00:00Z"), timezone: SHANGHAI })).toEqual({
      from: "2025Q4",
      to: "2026Q3",
    });
    expect(
      scheduleQuarterRange(
        { kind: "recent", count: 1 },
        { at: at("2026-11-29T00:00:00Z"), timezone: SHANGHAI },
      ),
    ).toEqual({
      from: "2026Q3",
      to: "2026Q3",
    });
  });

  it("judges the last finished quarter on the calendar of the time zone", () => {
    // 2026-12-31T16:30Z is 2027-01-01 00:30 in Beijing: 2026Q4 has ended there, not yet in UTC.
    const newYear = at("2026-12-31T16:30:00Z");
    expect(scheduleQuarterRange(recent4, { at: newYear, timezone: SHANGHAI })).toEqual({
      from: "2026Q1",
      to: "2026Q4",
    });
    expect(scheduleQuarterRange(recent4, { at: newYear, timezone: "UTC" })).toEqual({
      from: "2025Q4",
      to: "2026Q3",
    });
  });

  it("ends at the occurrence's quarter when there is one", () => {
    const anchor = { at: at("2026-11-29T00:00:00Z"), timezone: SHANGHAI };
    expect(scheduleQuarterRange(recent4, { ...anchor, quarter: "2026Q2" })).toEqual({
      from: "2025Q3",
      to: "2026Q2",
    });
    expect(scheduleQuarterRange(recent4, { ...anchor, quarter: null })).toEqual({
      from: "2025Q4",
      to: "2026Q3",
    });
  });

  it("gives a fixed range as it is", () => {
    const fixed = { kind: "fixed", from: "2024Q1", to: "2025Q2" } as const;
    expect(
      scheduleQuarterRange(fixed, { at: at("2026-11-29T00:00:00Z"), timezone: SHANGHAI, quarter: "2026Q3" }),
    ).toEqual({ from: "2024Q1", to: "2025Q2" });
  });
});

describe("scheduleRunFilters", () => {
  it("gives the export filters of a run", () => {
    const parsed = ZExportScheduleSchema.parse(
      schedule({
        statuses: ["submitted", "approved"],
        layout: "wide",
        headerLanguage: "en",
        encoding: "gb18030",
      }),
    );
    expect(scheduleRunFilters(parsed, { at: at("2026-11-29T00:00:00Z") })).toEqual({
      zoneCodes: ["HB-HS", "SD-ZB"],
      indicatorCodes: ["gdp"],
      from: "2025Q4",
      to: "2026Q3",
      statuses: ["approved", "submitted"],
      layout: "wide",
      headerLanguage: "en",
      encoding: "gb18030",
    });
  });

  it("anchors recent quarters at the occurrence's quarter, in the schedule's time zone", () => {
    const parsed = ZExportScheduleSchema.parse(schedule({ quarters: { kind: "recent", count: 2 } }));
    const filters = scheduleRunFilters(parsed, { at: at("2026-11-29T00:00:00Z"), quarter: "2026Q1" });
    expect([filters.from, filters.to]).toEqual(["2025Q4", "2026Q1"]);
    const newYear = at("2026-12-31T16:30:00Z");
    const shanghai = scheduleRunFilters(parsed, { at: newYear });
    expect([shanghai.from, shanghai.to]).toEqual(["2026Q3", "2026Q4"]);
    const utc = scheduleRunFilters({ ...parsed, timezone: "UTC" }, { at: newYear });
    expect([utc.from, utc.to]).toEqual(["2026Q2", "2026Q3"]);
  });

  it("refuses a stored schedule that no longer passes the filter rules", () => {
    const parsed = ZExportScheduleSchema.parse(VALID);
    expect(() =>
      scheduleRunFilters({ ...parsed, zoneCodes: [] }, { at: at("2026-11-29T00:00:00Z") }),
    ).toThrow(ZonesError);
  });
});

describe("describeTrigger", () => {
  it.each<[ScheduleTrigger, string, string]>([
    [
      { kind: "weekly", weekday: 1, hour: 8 },
      "每周一 08:00（Asia/Shanghai）",
      "Every Monday at 08:00 (Asia/Shanghai)",
    ],
    [
      { kind: "weekly", weekday: 0, hour: 18 },
      "每周日 18:00（Asia/Shanghai）",
      "Every Sunday at 18:00 (Asia/Shanghai)",
    ],
    [
      { kind: "monthly", day: 5, hour: 9 },
      "每月 5 日 09:00（Asia/Shanghai）",
      "On the 5th of every month at 09:00 (Asia/Shanghai)",
    ],
    [
      { kind: "monthly", day: 1, hour: 0 },
      "每月 1 日 00:00（Asia/Shanghai）",
      "On the 1st of every month at 00:00 (Asia/Shanghai)",
    ],
    [
      { kind: "quarterly", daysAfterDeadline: 10, hour: 8 },
      "每季度填报截止后 10 天 08:00（Asia/Shanghai）",
      "10 days after each quarter's reporting deadline at 08:00 (Asia/Shanghai)",
    ],
    [
      { kind: "quarterly", daysAfterDeadline: 1, hour: 8 },
      "每季度填报截止后 1 天 08:00（Asia/Shanghai）",
      "1 day after each quarter's reporting deadline at 08:00 (Asia/Shanghai)",
    ],
    [
      { kind: "quarterly", daysAfterDeadline: 0, hour: 17 },
      "每季度填报截止当天 17:00（Asia/Shanghai）",
      "On each quarter's reporting deadline at 17:00 (Asia/Shanghai)",
    ],
    [
      { kind: "all-approved" },
      "全部示范区审核通过时",
      "When every zone's submission for a quarter is approved",
    ],
    [
      { kind: "cron", cron: "0 8 * * 1" },
      "Cron：0 8 * * 1（Asia/Shanghai）",
      "Cron: 0 8 * * 1 (Asia/Shanghai)",
    ],
  ])("describes %j", (trigger, zh, en) => {
    expect(describeTrigger(trigger, SHANGHAI, "zh-CN")).toBe(zh);
    expect(describeTrigger(trigger, SHANGHAI, "en")).toBe(en);
  });

  it.each([
    [2, "2nd"],
    [3, "3rd"],
    [4, "4th"],
    [11, "11th"],
    [12, "12th"],
    [13, "13th"],
    [21, "21st"],
    [22, "22nd"],
    [23, "23rd"],
    [28, "28th"],
  ])("writes day %i as %s in English", (day, text) => {
    expect(describeTrigger({ kind: "monthly", day, hour: 9 }, "UTC", "en")).toBe(
      `On the ${text} of every month at 09:00 (UTC)`,
    );
  });

  it("names the time zone it is given", () => {
    expect(describeTrigger({ kind: "weekly", weekday: 5, hour: 23 }, "UTC", "zh-CN")).toBe(
      "每周五 23:00（UTC）",
    );
  });
});
