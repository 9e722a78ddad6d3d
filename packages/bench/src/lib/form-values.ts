import { appliesToQuarter, INDICATORS, type QuarterString } from "@zones/domain";

/**
 * A full form's values for `quarter`: mid-range with each indicator's decimals, in two alternating sets (by
 * `round`), so that every save changes every value.
 */
export function alternatingFormValues(quarter: QuarterString, round: number): Record<string, string> {
  return Object.fromEntries(
    INDICATORS.filter((indicator) => appliesToQuarter(indicator, quarter)).map((indicator) => {
      const mid = Math.min(indicator.validRange.max, Math.max(indicator.validRange.min, 50));
      return [indicator.code, (mid + (round % 2) / 10 ** indicator.decimals).toFixed(indicator.decimals)];
    }),
  );
}
