import { z } from "zod";
import { INDICATOR_CODE_PATTERN, ZONE_CODE_PATTERN } from "./code-patterns";
import { hasAtMostDecimals } from "./decimal";
import { appliesToQuarter, findIndicator, INDICATOR_CODES } from "./indicators";
import type { QuarterString } from "./quarter";
import { compareQuarters, formatQuarter, parseQuarter } from "./quarter";
import type { Locale } from "./types";
import { BUILT_IN_ZONES, isZoneCode } from "./zones";

/**
 * Input schemas. Every message names the field and the rule it breaks, so that it can be shown
 * to the person filling in the form as it is.
 */

function describeInput(input: unknown): string {
  if (input === undefined) return "nothing";
  if (typeof input === "number" && !Number.isFinite(input)) return String(input);
  return JSON.stringify(input) ?? String(input);
}

/** A quarter such as `2025Q3` (exact form, see `parseQuarter`). Outputs the typed `QuarterString`. */
export const ZQuarterSchema = z
  .string({ error: (issue) => `quarter must be a string like 2025Q3, got ${describeInput(issue.input)}` })
  .transform((input, ctx): QuarterString => {
    const result = parseQuarter(input);
    if (!result.ok) {
      ctx.issues.push({ code: "custom", message: result.error, input });
      return z.NEVER;
    }
    return formatQuarter(result.value);
  });
export type TQuarter = z.infer<typeof ZQuarterSchema>;

/** An inclusive range of quarters; "to" may equal "from" but not come before it. */
export const ZQuarterRangeSchema = z
  .object({ from: ZQuarterSchema, to: ZQuarterSchema })
  .superRefine((range, ctx) => {
    if (compareQuarters(range.to, range.from) < 0) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `quarter range: "to" (${range.to}) is before "from" (${range.from})`,
        input: range,
      });
    }
  });
export type TQuarterRange = z.infer<typeof ZQuarterRangeSchema>;

/**
 * Zone and indicator codes (`code-patterns.ts`): the schemas check only the shape (bounded), since the catalogue
 * in the database says which codes exist (`requireZone` / `requireIndicator` in the API). Catalogue edits use
 * the same patterns for new codes.
 */
const ZONE_CODE_MAX = 12;
const INDICATOR_CODE_MAX = 40;

function codeSchema(field: string, pattern: RegExp, max: number, example: string) {
  const refusal = (input: unknown) =>
    `unknown ${field} ${describeInput(input)}: expected a code like ${example}`;
  return z
    .string({ error: (issue) => refusal(issue.input) })
    .max(max, { error: (issue) => refusal(issue.input) })
    .regex(pattern, { error: (issue) => refusal(issue.input) });
}

export const ZZoneCodeSchema = codeSchema("zone code", ZONE_CODE_PATTERN, ZONE_CODE_MAX, "HB-HS");
export type TZoneCode = z.infer<typeof ZZoneCodeSchema>;

export const ZIndicatorCodeSchema = codeSchema(
  "indicator code",
  INDICATOR_CODE_PATTERN,
  INDICATOR_CODE_MAX,
  "gdp-growth",
);
export type TIndicatorCode = z.infer<typeof ZIndicatorCodeSchema>;

export const LOCALES = ["zh-CN", "en"] as const satisfies readonly Locale[];

export const ZLocaleSchema = z.enum(LOCALES, {
  error: (issue) => `locale must be "zh-CN" or "en", got ${describeInput(issue.input)}`,
});
export type TLocale = z.infer<typeof ZLocaleSchema>;

/**
 * One figure of the built-in catalogue (the seed's and the bench's generated data): codes are checked against
 * it, not against the database's catalogue.
 */
const ZBuiltInZoneCodeSchema = z.string().refine(isZoneCode, {
  error: (issue) =>
    `unknown zone code ${describeInput(issue.input)}: expected one of ${BUILT_IN_ZONES.map((zone) => zone.code).join(", ")}`,
});
const ZBuiltInIndicatorCodeSchema = z.enum(INDICATOR_CODES, {
  error: (issue) => `unknown indicator code ${describeInput(issue.input)}`,
});

/**
 * One figure as a zone enters it. Hard rules: the value is a finite number within the indicator's
 * physically possible range, with no more decimals than the indicator allows; annual indicators only with Q4.
 * The cross-field rules run even when another field is wrong, so a form can show every error at once.
 */
export const ZObservationInputSchema = z
  .object({
    zoneCode: ZBuiltInZoneCodeSchema,
    indicatorCode: ZBuiltInIndicatorCodeSchema,
    quarter: ZQuarterSchema,
    value: z.number({
      error: (issue) => `value must be a finite number, got ${describeInput(issue.input)}`,
    }),
  })
  .superRefine(
    (observation, ctx) => {
      // Runs even if other fields failed (see `when`), so every field is checked again here.
      const indicator =
        typeof observation.indicatorCode === "string" ? findIndicator(observation.indicatorCode) : undefined;
      if (!indicator) return;
      const { value } = observation;
      if (typeof value === "number" && Number.isFinite(value)) {
        const { min, max } = indicator.validRange;
        const unit = indicator.unit.en;
        const unitSuffix = unit === "%" ? " %" : ` (${unit})`;
        if (value < min || value > max) {
          ctx.addIssue({
            code: "custom",
            path: ["value"],
            message: `value of "${indicator.code}" must be between ${min} and ${max}${unitSuffix}, got ${value}`,
            input: value,
          });
        } else if (!hasAtMostDecimals(value, indicator.decimals)) {
          ctx.addIssue({
            code: "custom",
            path: ["value"],
            message: `value of "${indicator.code}" must have at most ${indicator.decimals} decimal places, got ${value}`,
            input: value,
          });
        }
      }
      const quarter = typeof observation.quarter === "string" ? parseQuarter(observation.quarter) : undefined;
      if (quarter?.ok && !appliesToQuarter(indicator, quarter.value)) {
        ctx.addIssue({
          code: "custom",
          path: ["quarter"],
          message: `quarter of "${indicator.code}" must be a Q4: the indicator is annual and is entered with Q4 only, got ${observation.quarter}`,
          input: observation.quarter,
        });
      }
    },
    // Run despite issues in single fields, but only on an object.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );
export type TObservationInput = z.infer<typeof ZObservationInputSchema>;
