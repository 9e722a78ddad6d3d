import {
  addQuarters,
  type Catalogue,
  catalogueIndicator,
  catalogueZone,
  compareQuarters,
  type QuarterString,
} from "@zones/domain";
import type { getTranslations } from "next-intl/server";

import type { readCompareParams } from "~/url-state/compare";
import {
  COMPARE_DEFAULTS,
  type CompareSelection,
  MAX_COMPARE_INDICATORS,
  MAX_COMPARE_ZONES,
  MIN_COMPARE_ZONES,
} from "./compare-selection";

type Translate = Awaited<ReturnType<typeof getTranslations<"compare">>>;

/**
 * The view the URL asks for, made valid. Absent parameters take the defaults (黄石 and 淄博; GDP, its growth
 * and R&D intensity; the last 8 quarters up to `latest`; year to date). An explicitly empty `zones=` or
 * `indicators=` is kept (it is where unticking leaves the page), and shows a prompt instead of charts.
 * Null when there is no approved data at all.
 */
export function resolveSelection(
  { values, ignored }: ReturnType<typeof readCompareParams>,
  quarters: readonly QuarterString[],
  latest: QuarterString | null,
  t: Translate,
  names: {
    zones: (codes: readonly string[]) => string;
    indicators: (codes: readonly string[]) => string;
  },
  /** The database's catalogue: a code it lacks (however well formed) is dropped with a notice. */
  catalogue: Pick<Catalogue, "zones" | "indicators">,
): { selection: CompareSelection | null; notices: string[] } {
  const notices: string[] = [];
  const isZoneCode = (code: string) => catalogueZone(catalogue, code) !== undefined;
  const isIndicatorCode = (code: string) => catalogueIndicator(catalogue, code) !== undefined;
  const first = quarters[0];
  const last = quarters[quarters.length - 1];
  if (!latest || !first || !last) return { selection: null, notices };

  // Zones: known codes, each once, at most four; a link whose zones are all unusable gets the defaults.
  let zones: string[] = [...COMPARE_DEFAULTS.zones];
  if (values.zones !== null) {
    const unknown = values.zones.filter((code) => !isZoneCode(code));
    zones = values.zones.filter(isZoneCode);
    if (unknown.length > 0) notices.push(t("notice.unknownZones", { codes: quoted(unknown.join(", ")) }));
    if (zones.length > MAX_COMPARE_ZONES) {
      zones = zones.slice(0, MAX_COMPARE_ZONES);
      notices.push(t("notice.tooManyZones", { max: MAX_COMPARE_ZONES, zones: names.zones(zones) }));
    }
    if (unknown.length > 0 && zones.length < MIN_COMPARE_ZONES) {
      zones = [...COMPARE_DEFAULTS.zones];
      notices.push(t("notice.defaultZones", { zones: names.zones(zones) }));
    }
  }

  let indicators: string[] = [...COMPARE_DEFAULTS.indicators];
  if (values.indicators !== null) {
    const unknown = values.indicators.filter((code) => !isIndicatorCode(code));
    indicators = values.indicators.filter(isIndicatorCode);
    if (unknown.length > 0)
      notices.push(t("notice.unknownIndicators", { codes: quoted(unknown.join(", ")) }));
    if (indicators.length > MAX_COMPARE_INDICATORS) {
      notices.push(t("notice.tooManyIndicators", { max: MAX_COMPARE_INDICATORS }));
      indicators = indicators.slice(0, MAX_COMPARE_INDICATORS);
    }
    if (unknown.length > 0 && indicators.length === 0) {
      indicators = [...COMPARE_DEFAULTS.indicators];
      notices.push(t("notice.defaultIndicators", { indicators: names.indicators(indicators) }));
    }
  }

  // The range: quarters within the data (the pickers offer nothing else), `from` ≤ `to`; an empty
  // `from=` or `to=` counts as absent.
  const ignoredValue = (name: string) => ignored.find((param) => param.name === name)?.value;
  const quarter = (name: "from" | "to"): QuarterString | undefined => {
    const bad = ignoredValue(name);
    if (bad) notices.push(t("notice.badQuarter", { value: quoted(bad) }));
    const asked = values[name];
    if (!asked) return undefined;
    if (compareQuarters(asked, first) < 0 || compareQuarters(asked, last) > 0) {
      const clamped = compareQuarters(asked, first) < 0 ? first : last;
      notices.push(t("notice.outOfRange", { value: asked, first, last, clamped }));
      return clamped;
    }
    return asked;
  };
  const askedFrom = quarter("from");
  const askedTo = quarter("to");
  let to = askedTo ?? latest;
  let from = askedFrom ?? maxQuarter(addQuarters(to, 1 - COMPARE_DEFAULTS.quarters), first);
  if (compareQuarters(from, to) > 0) {
    if (askedFrom && askedTo) {
      [from, to] = [to, from];
      notices.push(t("notice.reversed", { from, to }));
    } else if (askedFrom) {
      // Only `from` given, after the default end: end the range at the newest data instead.
      to = last;
    } else {
      from = maxQuarter(addQuarters(to, 1 - COMPARE_DEFAULTS.quarters), first);
    }
  }

  const badMode = ignored.find((param) => param.name === "mode");
  if (badMode) notices.push(t("notice.badMode", { value: quoted(badMode.value) }));
  return { selection: { zones, indicators, from, to, mode: values.mode ?? "ytd" }, notices };
}

/** Text from the URL as a notice quotes it: at most 40 characters. */
function quoted(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function maxQuarter(a: QuarterString, b: QuarterString): QuarterString {
  return compareQuarters(a, b) >= 0 ? a : b;
}
