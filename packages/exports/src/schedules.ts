import {
  addQuarters,
  compareQuarters,
  DEFAULT_TIME_ZONE,
  formatQuarter,
  type IsoDate,
  type Locale,
  lastFinishedQuarter,
  MAX_QUARTER_SPAN,
  parseQuarter,
  type QuarterString,
  quarterRange,
} from "@zones/domain";
import * as cronParserModule from "cron-parser";
import { z } from "zod";

import { NO_DELIVERY, ZScheduleDeliverySchema } from "./delivery";
import {
  EXPORT_FORMATS,
  MAX_WIDE_QUARTERS,
  parseExportFilters,
  type TExportFilters,
  ZExportEncodingSchema,
  ZExportHeaderLanguageSchema,
  ZExportIndicatorCodesSchema,
  ZExportLayoutSchema,
  ZExportStatusesSchema,
  ZExportZoneCodesSchema,
} from "./filters";

/**
 * Export schedules: when a recurring export runs and what each run contains. Pure (no database, no IO), so
 * that forms can validate and describe a schedule through `@zones/exports/schedules`, and the job runner
 * can work out which occurrence is due. Every message names its field path (`trigger.cron: …`), and each
 * issue carries that path (["trigger", "cron"]).
 */

type CronParser = typeof cronParserModule;
/** cron-parser is CommonJS: under Node's own ESM loader only its `default` export exists, bundlers give both. */
const cronParser: CronParser =
  (cronParserModule as CronParser & { default?: CronParser }).default ?? cronParserModule;

export const SCHEDULE_TRIGGER_KINDS = ["cron", "weekly", "monthly", "quarterly", "all-approved"] as const;
export const SCHEDULE_QUARTER_KINDS = ["fixed", "recent"] as const;

export const MAX_SCHEDULE_NAME_LENGTH = 100;
/** Most days after a quarter's reporting deadline a quarterly trigger may wait. */
export const MAX_DAYS_AFTER_DEADLINE = 90;
/** Most quarters a "recent quarters" range may cover (ten years). */
export const MAX_RECENT_QUARTERS = MAX_QUARTER_SPAN;
/** Most finished files a schedule keeps; the default keeps two years of quarterly runs. */
export const MAX_RETENTION = 100;
export const DEFAULT_RETENTION = 8;

export type ScheduleTriggerKind = (typeof SCHEDULE_TRIGGER_KINDS)[number];

export type ScheduleTrigger =
  /** A standard 5-field cron expression (minute hour day-of-month month day-of-week). */
  | { kind: "cron"; cron: string }
  /** `weekday` 0–6, 0 = Sunday (the cron convention); `hour` 0–23. */
  | { kind: "weekly"; weekday: number; hour: number }
  /** `day` 1–28, a day every month has. */
  | { kind: "monthly"; day: number; hour: number }
  /** `daysAfterDeadline` 0–90 days after each quarter's reporting deadline, at `hour`. */
  | { kind: "quarterly"; daysAfterDeadline: number; hour: number }
  /** An event: every zone's submission for a quarter has been approved. */
  | { kind: "all-approved" };

export type ScheduleQuarters =
  | { kind: "fixed"; from: QuarterString; to: QuarterString }
  /** The last `count` (1–40) quarters: see scheduleQuarterRange. */
  | { kind: "recent"; count: number };

/** A quarter's reporting deadline: a calendar date (`YYYY-MM-DD`) in the schedule's time zone. */
export type QuarterDeadline = { quarter: QuarterString; deadline: IsoDate };

function quoted(input: unknown): string {
  if (input === undefined) return "nothing";
  if (typeof input === "number" && !Number.isFinite(input)) return String(input);
  return JSON.stringify(input) ?? String(input);
}

/** A whole number in [min, max]; every failure gets the same message, naming the field and the rule. */
function wholeNumber(field: string, min: number, max: number, rule: string) {
  const error = (issue: { input?: unknown }) => `${field}: ${rule}, got ${quoted(issue.input)}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

const hour = (field: string) => wholeNumber(field, 0, 23, "an hour 0–23");

// ---------------------------------------------------------------------------------------------------------
// Trigger

const CRON_FIELDS = "minute hour day-of-month month day-of-week";
/** Days of each month (1–12), February in a leap year. */
const DAYS_IN_MONTH: readonly number[] = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Why `cron` is not a valid 5-field cron expression, or null when it is one. */
function cronProblem(cron: string): string | null {
  const fields = cron === "" ? [] : cron.split(" ");
  if (fields.length !== 5) {
    const seconds = fields.length === 6 ? " (a seconds field is not supported)" : "";
    return `expected 5 fields, got ${fields.length}${seconds}`;
  }
  try {
    const expression = cronParser.parseExpression(cron, {
      tz: "UTC",
      currentDate: new Date(Date.UTC(2000, 0, 1)),
    });
    // Parsing alone accepts some expressions that never occur (`0 0 31 4,6 *`). Those days of the month
    // are refused at once; anything else that never occurs, by looking for an occurrence (which gives up
    // after cron-parser's loop limit, taking a while).
    const { dayOfMonth, month, dayOfWeek } = expression.fields;
    const anyWeekday = dayOfWeek.length === 8;
    const dayExists = dayOfMonth.some(
      (day) => day === "L" || month.some((m) => day <= (DAYS_IN_MONTH[m] ?? 31)),
    );
    if (anyWeekday && !dayExists) return "it never occurs: none of its months has such a day";
    expression.next();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const ZCronSchema = z
  .string({
    error: (issue) =>
      `trigger.cron: expected a cron expression such as "0 8 * * 1", got ${quoted(issue.input)}`,
  })
  .transform((input, ctx) => {
    const cron = input.trim().split(/\s+/).join(" ");
    const problem = cronProblem(cron);
    if (problem) {
      ctx.issues.push({
        code: "custom",
        message: `trigger.cron: ${quoted(input)} is not a valid cron expression (${CRON_FIELDS}): ${problem}`,
        input,
      });
      return z.NEVER;
    }
    return cron;
  });

/** When a schedule runs; a discriminated union on `kind`. */
export const ZScheduleTriggerSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("cron"), cron: ZCronSchema }),
    z.object({
      kind: z.literal("weekly"),
      weekday: wholeNumber("trigger.weekday", 0, 6, "a day of the week 0–6 (0 = Sunday)"),
      hour: hour("trigger.hour"),
    }),
    z.object({
      kind: z.literal("monthly"),
      day: wholeNumber("trigger.day", 1, 28, "a day of the month 1–28 (one that every month has)"),
      hour: hour("trigger.hour"),
    }),
    z.object({
      kind: z.literal("quarterly"),
      daysAfterDeadline: wholeNumber(
        "trigger.daysAfterDeadline",
        0,
        MAX_DAYS_AFTER_DEADLINE,
        `a whole number of days 0–${MAX_DAYS_AFTER_DEADLINE}`,
      ),
      hour: hour("trigger.hour"),
    }),
    z.object({ kind: z.literal("all-approved") }),
  ],
  {
    error: (issue) => {
      const kinds = SCHEDULE_TRIGGER_KINDS.map((kind) => `"${kind}"`).join(", ");
      if (issue.code === "invalid_union") {
        const input = issue.input as { kind?: unknown } | undefined;
        return `trigger.kind: one of ${kinds}, got ${quoted(input?.kind)}`;
      }
      return `trigger: expected an object with a kind (${kinds}), got ${quoted(issue.input)}`;
    },
  },
);

// ---------------------------------------------------------------------------------------------------------
// Quarters

/** A quarter like ZQuarterSchema, with messages that name the field. */
function quarterField(field: string) {
  return z
    .string({ error: (issue) => `${field}: expected a quarter like 2025Q3, got ${quoted(issue.input)}` })
    .transform((input, ctx): QuarterString => {
      const result = parseQuarter(input);
      if (!result.ok) {
        ctx.issues.push({ code: "custom", message: `${field}: ${result.error}`, input });
        return z.NEVER;
      }
      return formatQuarter(result.value);
    });
}

/** Which quarters each run exports: a fixed range, or the most recent `count` quarters at each run. */
export const ZScheduleQuartersSchema = z.discriminatedUnion(
  "kind",
  [
    z
      .object({
        kind: z.literal("fixed"),
        from: quarterField("quarters.from"),
        to: quarterField("quarters.to"),
      })
      .superRefine((range, ctx) => {
        if (compareQuarters(range.to, range.from) < 0) {
          ctx.addIssue({
            code: "custom",
            path: ["to"],
            message: `quarters.to: ${range.to} is before from (${range.from}); the range runs from the earlier quarter to the later`,
            input: range.to,
          });
        }
      }),
    z.object({
      kind: z.literal("recent"),
      count: wholeNumber(
        "quarters.count",
        1,
        MAX_RECENT_QUARTERS,
        `a whole number of quarters 1–${MAX_RECENT_QUARTERS}`,
      ),
    }),
  ],
  {
    error: (issue) => {
      if (issue.code === "invalid_union") {
        const input = issue.input as { kind?: unknown } | undefined;
        return `quarters.kind: "fixed" or "recent", got ${quoted(input?.kind)}`;
      }
      return `quarters: expected an object with a kind ("fixed" or "recent"), got ${quoted(issue.input)}`;
    },
  },
);

// ---------------------------------------------------------------------------------------------------------
// Schedule

const timeZoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter of wall-clock time in `timeZone`, or null when it is not a time zone. */
function wallClockFormatter(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = timeZoneFormatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      return null;
    }
    timeZoneFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `name` is a time zone this runtime knows (an IANA name such as `Asia/Shanghai`, or `UTC`). */
export function isTimeZone(name: string): boolean {
  return name.trim() !== "" && wallClockFormatter(name) !== null;
}

const ZTimeZoneSchema = z
  .string({
    error: (issue) => `timezone: expected a time zone name such as Asia/Shanghai, got ${quoted(issue.input)}`,
  })
  .transform((input, ctx) => {
    const name = input.trim();
    const formatter = name === "" ? null : wallClockFormatter(name);
    if (!formatter) {
      ctx.issues.push({
        code: "custom",
        message: `timezone: ${quoted(input)} is not a time zone: expected an IANA name such as Asia/Shanghai or UTC`,
        input,
      });
      return z.NEVER;
    }
    // `asia/shanghai` → `Asia/Shanghai`; an alias (`EST`) stays as it was written.
    const canonical = formatter.resolvedOptions().timeZone;
    return canonical.toLowerCase() === name.toLowerCase() ? canonical : name;
  });

/**
 * A recurring export: when it runs (`trigger`, in `timezone`), what each run contains (the fields of
 * ZExportFiltersSchema, with the same rules and messages, and `quarters` instead of from/to), its file
 * format and how many finished files to keep. With the wide layout, a fixed range or a recent count is at
 * most MAX_WIDE_QUARTERS quarters.
 */
export const ZExportScheduleSchema = z
  .object({
    name: z
      .string({ error: (issue) => `name: expected text, got ${quoted(issue.input)}` })
      .trim()
      .min(1, { error: "name: give the schedule a name" })
      .refine((name) => [...name].length <= MAX_SCHEDULE_NAME_LENGTH, {
        error: (issue) =>
          `name: at most ${MAX_SCHEDULE_NAME_LENGTH} characters, got ${[...String(issue.input)].length}`,
      }),
    trigger: ZScheduleTriggerSchema,
    timezone: ZTimeZoneSchema.default(DEFAULT_TIME_ZONE),
    zoneCodes: ZExportZoneCodesSchema,
    indicatorCodes: ZExportIndicatorCodesSchema,
    statuses: ZExportStatusesSchema,
    layout: ZExportLayoutSchema,
    headerLanguage: ZExportHeaderLanguageSchema,
    encoding: ZExportEncodingSchema,
    quarters: ZScheduleQuartersSchema,
    format: z
      .enum(EXPORT_FORMATS, { error: (issue) => `format: "csv" or "xlsx", got ${quoted(issue.input)}` })
      .default("csv"),
    retention: wholeNumber(
      "retention",
      1,
      MAX_RETENTION,
      `how many finished files to keep, a whole number 1–${MAX_RETENTION}`,
    ).default(DEFAULT_RETENTION),
    /** Who gets each finished file, and how (nobody unless given). */
    delivery: ZScheduleDeliverySchema.default(NO_DELIVERY),
  })
  .superRefine((schedule, ctx) => {
    const trigger = schedule.trigger as { kind?: unknown } | undefined;
    if (schedule.delivery?.bulletin && trigger?.kind !== "all-approved") {
      ctx.addIssue({
        code: "custom",
        path: ["delivery", "bulletin"],
        message:
          "delivery.bulletin: the bulletin is attached only by schedules run when every zone's quarter is approved",
        input: schedule.delivery.bulletin,
      });
    }
    const quarters = schedule.quarters as ScheduleQuarters | undefined;
    if (schedule.layout !== "wide" || typeof quarters !== "object" || quarters === null) return;
    if (quarters.kind === "fixed") {
      if (typeof quarters.from !== "string" || typeof quarters.to !== "string") return;
      const span = quarterRange(quarters.from, quarters.to).length;
      if (span > MAX_WIDE_QUARTERS) {
        ctx.addIssue({
          code: "custom",
          path: ["quarters", "to"],
          message: `quarters.to: the wide layout has one column per quarter, at most ${MAX_WIDE_QUARTERS}; ${quarters.from}–${quarters.to} spans ${span}`,
          input: quarters.to,
        });
      }
    } else if (quarters.kind === "recent" && quarters.count > MAX_WIDE_QUARTERS) {
      ctx.addIssue({
        code: "custom",
        path: ["quarters", "count"],
        message: `quarters.count: the wide layout has one column per quarter, at most ${MAX_WIDE_QUARTERS}; got ${quarters.count}`,
        input: quarters.count,
      });
    }
  });

export type TExportSchedule = z.output<typeof ZExportScheduleSchema>;
export type TExportScheduleInput = z.input<typeof ZExportScheduleSchema>;

// The hand-written types above and the schemas' outputs are the same types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameTrigger: Same<ScheduleTrigger, z.output<typeof ZScheduleTriggerSchema>> = true;
const sameQuarters: Same<ScheduleQuarters, z.output<typeof ZScheduleQuartersSchema>> = true;
void sameTrigger;
void sameQuarters;

// ---------------------------------------------------------------------------------------------------------
// Occurrences

/** 5-field cron for cron/weekly/monthly (weekly {weekday:1,hour:8} → "0 8 * * 1"); null for the others. */
export function triggerCron(trigger: ScheduleTrigger): string | null {
  switch (trigger.kind) {
    case "cron":
      return trigger.cron;
    case "weekly":
      return `0 ${trigger.hour} * * ${trigger.weekday}`;
    case "monthly":
      return `0 ${trigger.hour} ${trigger.day} * *`;
    case "quarterly":
    case "all-approved":
      return null;
  }
}

function checkDate(date: Date, what: string): number {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError(`${what} is an invalid date`);
  return time;
}

/** The cron expression of a clock trigger, evaluated in `timezone` from `currentDate`. */
function cronExpression(cron: string, timezone: string, currentDate: Date) {
  if (!isTimeZone(timezone)) throw new RangeError(`"${timezone}" is not a time zone`);
  return cronParser.parseExpression(cron, { tz: timezone, currentDate });
}

/** Offset of `timeZone` from UTC at the instant `time`, in milliseconds. */
function zoneOffset(time: number, timeZone: string): number {
  const formatter = wallClockFormatter(timeZone);
  if (!formatter) throw new RangeError(`"${timeZone}" is not a time zone`);
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(time))) parts[part.type] = Number(part.value);
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - (time - (((time % 1000) + 1000) % 1000));
}

/**
 * The instant at which the wall clock of `timeZone` shows `wall` (given as if it were UTC). A time that
 * does not exist (skipped by a daylight-saving change) moves forward by the gap; a repeated one is the first.
 */
function zonedInstant(wall: number, timeZone: string): number {
  const first = wall - zoneOffset(wall, timeZone);
  const second = wall - zoneOffset(first, timeZone);
  const candidates = [first, second].filter((time) => time + zoneOffset(time, timeZone) === wall);
  return candidates.length > 0 ? Math.min(...candidates) : Math.max(first, second);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** When a quarterly trigger runs for one deadline: the deadline + daysAfterDeadline days, at hour:00. */
function quarterlyDueAt(
  deadline: IsoDate,
  trigger: { daysAfterDeadline: number; hour: number },
  timezone: string,
): number {
  const match = ISO_DATE.exec(deadline);
  const [year, month, day] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!match || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new RangeError(`the deadline ${quoted(deadline)} is not a YYYY-MM-DD date`);
  }
  const wall = Date.UTC(year, month - 1, day + trigger.daysAfterDeadline, trigger.hour);
  return zonedInstant(wall, timezone);
}

/**
 * The latest occurrence in the window (after, upTo] — `after` excluded, `upTo` included — or null.
 * Clock triggers (cron, weekly, monthly) follow their cron expression in `timezone`; `quarter` is null.
 * A quarterly trigger occurs for each deadline given, `daysAfterDeadline` days after it at `hour`:00 in
 * `timezone`; `quarter` is that deadline's quarter. all-approved is event driven: always null.
 */
export function dueOccurrence(
  schedule: { trigger: ScheduleTrigger; timezone: string },
  window: { after: Date; upTo: Date },
  deadlines: readonly QuarterDeadline[],
): { dueAt: Date; quarter: QuarterString | null } | null {
  const { trigger, timezone } = schedule;
  const after = checkDate(window.after, "window.after");
  const upTo = checkDate(window.upTo, "window.upTo");
  if (upTo <= after) return null;
  if (trigger.kind === "all-approved") return null;
  if (trigger.kind === "quarterly") {
    let due: { dueAt: number; quarter: QuarterString } | null = null;
    for (const { quarter, deadline } of deadlines) {
      const dueAt = quarterlyDueAt(deadline, trigger, timezone);
      if (dueAt <= after || dueAt > upTo) continue;
      if (!due || dueAt > due.dueAt || (dueAt === due.dueAt && compareQuarters(quarter, due.quarter) > 0)) {
        due = { dueAt, quarter };
      }
    }
    return due && { dueAt: new Date(due.dueAt), quarter: due.quarter };
  }
  const cron = triggerCron(trigger) ?? "";
  // `prev` looks strictly before its start: start 1 ms after `upTo` so that `upTo` itself counts.
  const previous = cronExpression(cron, timezone, new Date(upTo + 1))
    .prev()
    .getTime();
  return previous > after ? { dueAt: new Date(previous), quarter: null } : null;
}

/**
 * The next occurrence strictly after `now` (for "next run" displays), by the rules of dueOccurrence; null
 * for all-approved, and for quarterly when no deadline given leads to an occurrence after `now`.
 */
export function nextOccurrence(
  schedule: { trigger: ScheduleTrigger; timezone: string },
  now: Date,
  deadlines: readonly QuarterDeadline[],
): Date | null {
  const { trigger, timezone } = schedule;
  const time = checkDate(now, "now");
  if (trigger.kind === "all-approved") return null;
  if (trigger.kind === "quarterly") {
    let next: number | null = null;
    for (const { deadline } of deadlines) {
      const dueAt = quarterlyDueAt(deadline, trigger, timezone);
      if (dueAt > time && (next === null || dueAt < next)) next = dueAt;
    }
    return next === null ? null : new Date(next);
  }
  const cron = triggerCron(trigger) ?? "";
  return cronExpression(cron, timezone, now).next().toDate();
}

// ---------------------------------------------------------------------------------------------------------
// Runs

/**
 * The quarters a run covers. fixed: as given. recent: `count` quarters ending at `anchor.quarter` when
 * given (the quarter of a quarterly or all-approved occurrence), else at the last quarter that finished
 * before `anchor.at` on the calendar of `anchor.timezone`.
 */
export function scheduleQuarterRange(
  quarters: ScheduleQuarters,
  anchor: { at: Date; timezone: string; quarter?: QuarterString | null },
): { from: QuarterString; to: QuarterString } {
  if (quarters.kind === "fixed") return { from: quarters.from, to: quarters.to };
  const to = anchor.quarter ?? lastFinishedQuarter(anchor.at, anchor.timezone);
  return { from: addQuarters(to, 1 - quarters.count), to };
}

/**
 * The export filters of one run of the schedule (validated again, so that a stored schedule that no longer
 * fits the catalogue is refused, as an invalid request, rather than exported).
 */
export function scheduleRunFilters(
  schedule: TExportSchedule,
  anchor: { at: Date; quarter?: QuarterString | null },
): TExportFilters {
  const { from, to } = scheduleQuarterRange(schedule.quarters, {
    at: anchor.at,
    timezone: schedule.timezone,
    quarter: anchor.quarter ?? null,
  });
  return parseExportFilters({
    zoneCodes: schedule.zoneCodes,
    indicatorCodes: schedule.indicatorCodes,
    from,
    to,
    statuses: schedule.statuses,
    layout: schedule.layout,
    headerLanguage: schedule.headerLanguage,
    encoding: schedule.encoding,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Descriptions

const WEEKDAYS_ZH = ["日", "一", "二", "三", "四", "五", "六"];
const WEEKDAYS_EN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function clock(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

function ordinal(day: number): string {
  const teen = day % 100 >= 11 && day % 100 <= 13;
  const suffix = teen ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[day % 10] ?? "th");
  return `${day}${suffix}`;
}

/**
 * The trigger in words, e.g. "每周一 08:00（Asia/Shanghai）" / "Every Monday at 08:00 (Asia/Shanghai)".
 * Every trigger but all-approved (an event) names its time zone.
 */
export function describeTrigger(trigger: ScheduleTrigger, timezone: string, locale: Locale): string {
  const zh = locale === "zh-CN";
  const zone = zh ? `（${timezone}）` : ` (${timezone})`;
  switch (trigger.kind) {
    case "cron":
      return zh ? `Cron：${trigger.cron}${zone}` : `Cron: ${trigger.cron}${zone}`;
    case "weekly":
      return zh
        ? `每周${WEEKDAYS_ZH[trigger.weekday] ?? trigger.weekday} ${clock(trigger.hour)}${zone}`
        : `Every ${WEEKDAYS_EN[trigger.weekday] ?? trigger.weekday} at ${clock(trigger.hour)}${zone}`;
    case "monthly":
      return zh
        ? `每月 ${trigger.day} 日 ${clock(trigger.hour)}${zone}`
        : `On the ${ordinal(trigger.day)} of every month at ${clock(trigger.hour)}${zone}`;
    case "quarterly": {
      const days = trigger.daysAfterDeadline;
      const at = clock(trigger.hour);
      if (zh)
        return days === 0 ? `每季度填报截止当天 ${at}${zone}` : `每季度填报截止后 ${days} 天 ${at}${zone}`;
      if (days === 0) return `On each quarter's reporting deadline at ${at}${zone}`;
      return `${days} ${days === 1 ? "day" : "days"} after each quarter's reporting deadline at ${at}${zone}`;
    }
    case "all-approved":
      return zh ? "全部示范区审核通过时" : "When every zone's submission for a quarter is approved";
  }
}
