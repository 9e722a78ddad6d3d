import type { Indicator } from "@zones/domain";

/**
 * A full form's values: mid-range with each indicator's decimals, in two alternating sets (by `round`), so that
 * every save changes every value. `form` is the indicators the quarter's form asks, from the database's
 * catalogue (`indicatorsInForceIn`).
 */
export function alternatingFormValues(
  form: readonly Pick<Indicator, "code" | "validRange" | "decimals">[],
  round: number,
): Record<string, string> {
  return Object.fromEntries(
    form.map((indicator) => {
      const mid = Math.min(indicator.validRange.max, Math.max(indicator.validRange.min, 50));
      return [indicator.code, (mid + (round % 2) / 10 ** indicator.decimals).toFixed(indicator.decimals)];
    }),
  );
}
