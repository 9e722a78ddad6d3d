import {
  addQuarters,
  compareQuarters,
  findZone,
  getIndicator,
  isIndicatorCode,
  isZoneCode,
  localized,
  type QuarterString,
  ZQuarterSchema,
} from "@zones/domain";
import { getLocale, getTranslations } from "next-intl/server";

import {
  COMPARE_DEFAULTS,
  type CompareSelection,
  compareInput,
  MAX_COMPARE_INDICATORS,
  MAX_COMPARE_ZONES,
  MIN_COMPARE_ZONES,
} from "~/components/compare/compare-selection";
import { CompareView } from "~/components/compare/compare-view";
import { toLocale } from "~/i18n/locales";
import { requireUser } from "~/server/auth";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";
import "./compare.css";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Translate = Awaited<ReturnType<typeof getTranslations<"compare">>>;

export async function generateMetadata() {
  return { title: (await getTranslations("compare"))("title") };
}

/**
 * Two to four zones side by side: a trend chart per indicator and the latest values in a table, for
 * `/compare?zones=HB-HS,SD-ZB&indicators=gdp,gdp-growth&from=2024Q3&to=2026Q2&mode=ytd`. Everything is in
 * the URL; a bad value in a shared link is corrected to a valid view with a notice, never a 500.
 */
export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  await requireUser(`/compare?${new URLSearchParams(params as Record<string, string>).toString()}`);
  const t = await getTranslations("compare");
  const locale = toLocale(await getLocale());

  // The quarters with approved data (newest first) bound the range pickers; the overview's quarter (the
  // newest one every zone has approved) ends the default range, so the default view has no gaps at its end.
  const overviewOptions = trpc.overview.get.queryOptions({});
  const overview = await getQueryClient().fetchQuery(overviewOptions);
  // Only its quarters are needed here: keep the rest of the overview out of the page's payload.
  getQueryClient().removeQueries({ queryKey: overviewOptions.queryKey });
  const quarters = [...overview.quarters].reverse() as QuarterString[];
  const latest = (overview.quarter ?? overview.quarters[0] ?? null) as QuarterString | null;

  const separator = locale === "zh-CN" ? "、" : ", ";
  const names = {
    zones: (codes: readonly string[]) =>
      codes
        .map((code) => localized(findZone(code)?.shortName ?? { zh: code, en: code }, locale))
        .join(separator),
    indicators: (codes: readonly string[]) =>
      codes.map((code) => localized(getIndicator(code).name, locale)).join(separator),
  };
  const { selection, notices } = resolveSelection(params, quarters, latest, t, names);

  const ready =
    selection !== null && selection.zones.length >= MIN_COMPARE_ZONES && selection.indicators.length >= 1;
  if (ready) {
    await prefetch(trpc.dashboard.compare.queryOptions(compareInput(selection)));
  }
  return (
    <HydrateClient>
      <CompareView
        selection={selection}
        quarters={quarters}
        isDemo={overview.isDemo}
        notice={notices.length > 0 ? notices.join(" ") : null}
      />
    </HydrateClient>
  );
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A list parameter; `zones=A&zones=B` reads as `zones=A,B`. */
function joined(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(",") : value;
}

/** A comma-separated list from the URL: trimmed, without empty entries. */
function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

/**
 * The view the URL asks for, made valid. Absent parameters take the defaults (黄石 and 淄博; GDP, its growth
 * and R&D intensity; the last 8 quarters up to `latest`; year to date). An explicitly empty `zones=` or
 * `indicators=` is kept (it is where unticking leaves the page), and shows a prompt instead of charts.
 * Null when there is no approved data at all.
 */
function resolveSelection(
  params: Record<string, string | string[] | undefined>,
  quarters: readonly QuarterString[],
  latest: QuarterString | null,
  t: Translate,
  names: {
    zones: (codes: readonly string[]) => string;
    indicators: (codes: readonly string[]) => string;
  },
): { selection: CompareSelection | null; notices: string[] } {
  const notices: string[] = [];
  const first = quarters[0];
  const last = quarters[quarters.length - 1];
  if (!latest || !first || !last) return { selection: null, notices };

  // Zones: known codes, each once, at most four; a link whose zones are all unusable gets the defaults.
  const zoneParam = joined(params.zones);
  let zones: string[] = [...COMPARE_DEFAULTS.zones];
  if (zoneParam !== undefined) {
    const asked = [...new Set(list(zoneParam))];
    const unknown = asked.filter((code) => !isZoneCode(code));
    zones = asked.filter(isZoneCode);
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

  const indicatorParam = joined(params.indicators);
  let indicators: string[] = [...COMPARE_DEFAULTS.indicators];
  if (indicatorParam !== undefined) {
    const asked = [...new Set(list(indicatorParam))];
    const unknown = asked.filter((code) => !isIndicatorCode(code));
    indicators = asked.filter(isIndicatorCode);
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

  // The range: well-formed quarters within the data (the pickers offer nothing else), `from` ≤ `to`.
  const quarter = (name: "from" | "to"): QuarterString | undefined => {
    const value = single(params[name]);
    if (value === undefined || value === "") return undefined;
    const parsed = ZQuarterSchema.safeParse(value);
    if (!parsed.success) {
      notices.push(t("notice.badQuarter", { value: quoted(value) }));
      return undefined;
    }
    if (compareQuarters(parsed.data, first) < 0 || compareQuarters(parsed.data, last) > 0) {
      const clamped = compareQuarters(parsed.data, first) < 0 ? first : last;
      notices.push(t("notice.outOfRange", { value: parsed.data, first, last, clamped }));
      return clamped;
    }
    return parsed.data;
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

  const modeParam = single(params.mode);
  let mode: CompareSelection["mode"] = "ytd";
  if (modeParam === "single" || modeParam === "ytd") mode = modeParam;
  else if (modeParam !== undefined) notices.push(t("notice.badMode", { value: quoted(modeParam) }));

  return { selection: { zones, indicators, from, to, mode }, notices };
}

/** Text from the URL as a notice quotes it: at most 40 characters. */
function quoted(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function maxQuarter(a: QuarterString, b: QuarterString): QuarterString {
  return compareQuarters(a, b) >= 0 ? a : b;
}
