import type { Indicator, Quarter, QuarterNumber } from "@zones/domain";

import { noise } from "./random";

/**
 * Synthetic demo figures, plausible but invented: levels and growth rates near the published figures of
 * the zones (e.g. Huangshi GDP growth 7.7 % in 2017, Zibo ~3,450 亿元 for Q1–Q3 2023), year-to-date
 * amounts that grow within a year, and the national pattern of 2020 (slump) and 2021 (rebound).
 * The UI labels every installation seeded with these as demo data.
 */

interface ZoneProfile {
  /** GDP of 2016, 亿元. */
  gdp2016: number;
  /** Percentage points above (or below) the national real growth rate. */
  growthOffset: number;
  /** 0..1: how far along the transformation is (shares, R&D, services). */
  advancement: number;
  /** Foreign trade as a share of GDP. */
  openness: number;
}

const PROFILES: Record<string, ZoneProfile> = {
  "LN-C": { gdp2016: 7000, growthOffset: -1.6, advancement: 0.6, openness: 0.18 },
  "JL-C": { gdp2016: 6100, growthOffset: -1.0, advancement: 0.55, openness: 0.14 },
  "NM-W": { gdp2016: 6400, growthOffset: -0.4, advancement: 0.35, openness: 0.06 },
  "HE-TS": { gdp2016: 5900, growthOffset: 0.2, advancement: 0.35, openness: 0.2 },
  "SX-CZ": { gdp2016: 1700, growthOffset: 0.4, advancement: 0.3, openness: 0.05 },
  "SD-ZB": { gdp2016: 2950, growthOffset: -0.6, advancement: 0.65, openness: 0.22 },
  "AH-TL": { gdp2016: 790, growthOffset: 0.3, advancement: 0.5, openness: 0.45 },
  "HB-HS": { gdp2016: 1300, growthOffset: 1.0, advancement: 0.55, openness: 0.2 },
  "HN-C": { gdp2016: 5550, growthOffset: 1.2, advancement: 0.6, openness: 0.1 },
  "CQ-M": { gdp2016: 3200, growthOffset: 1.4, advancement: 0.45, openness: 0.15 },
  "SC-ZG": { gdp2016: 1130, growthOffset: 0.6, advancement: 0.4, openness: 0.06 },
  "NX-NE": { gdp2016: 710, growthOffset: -0.2, advancement: 0.25, openness: 0.08 },
  // The second batch reports from 2019Q4; its figures still compound from 2016 like the first's.
  "BJ-JX": { gdp2016: 1250, growthOffset: 0.4, advancement: 0.7, openness: 0.1 },
  "LN-DL": { gdp2016: 6800, growthOffset: -0.6, advancement: 0.6, openness: 0.5 },
  "HL-DQ": { gdp2016: 2600, growthOffset: -2.0, advancement: 0.3, openness: 0.06 },
  "JS-XZ": { gdp2016: 5800, growthOffset: 0.8, advancement: 0.55, openness: 0.08 },
  "JX-PX": { gdp2016: 1030, growthOffset: 1.2, advancement: 0.4, openness: 0.05 },
  "HA-W": { gdp2016: 5500, growthOffset: 0.6, advancement: 0.45, openness: 0.07 },
  "GD-SG": { gdp2016: 1220, growthOffset: 0.2, advancement: 0.4, openness: 0.1 },
  "GZ-LPS": { gdp2016: 1310, growthOffset: 1.8, advancement: 0.25, openness: 0.03 },
};

const DEFAULT_PROFILE: ZoneProfile = { gdp2016: 2000, growthOffset: 0, advancement: 0.45, openness: 0.12 };

/** National real GDP growth, year to date, by year and quarter (approximately the published series). */
const NATIONAL_GROWTH: Record<number, [number, number, number, number]> = {
  2016: [6.7, 6.7, 6.7, 6.8],
  2017: [6.9, 6.9, 6.9, 6.9],
  2018: [6.8, 6.8, 6.7, 6.7],
  2019: [6.3, 6.3, 6.2, 6.0],
  2020: [-6.8, -1.6, 0.7, 2.3],
  2021: [18.7, 12.9, 9.9, 8.4],
  2022: [4.8, 2.5, 3.0, 3.0],
  2023: [4.5, 5.5, 5.2, 5.2],
  2024: [5.3, 5.0, 4.8, 5.0],
  2025: [5.4, 5.3, 5.2, 5.0],
  2026: [5.2, 5.1, 5.0, 5.0],
};

/** Share of the full year's amount reached by the end of each quarter (累计 profile). */
const YTD_SHARE = { gdp: [0.22, 0.47, 0.72, 1], even: [0.24, 0.5, 0.75, 1], jobs: [0.27, 0.56, 0.82, 1] };

const FIRST_YEAR = 2016;

export function zoneProfile(zoneCode: string): ZoneProfile {
  return PROFILES[zoneCode] ?? DEFAULT_PROFILE;
}

function nationalGrowth(year: number, q: QuarterNumber): number {
  const row = NATIONAL_GROWTH[year] ?? NATIONAL_GROWTH[2026] ?? [5, 5, 5, 5];
  return row[q - 1] ?? 5;
}

/** Zone real growth, YTD: national + the zone's offset + a little noise per year. */
function realGrowth(zoneCode: string, year: number, q: QuarterNumber): number {
  const profile = zoneProfile(zoneCode);
  return nationalGrowth(year, q) + profile.growthOffset + 0.6 * noise(`${zoneCode}:growth:${year}`);
}

/** Nominal full-year GDP (亿元), compounding real growth plus ~2 % price change from 2016. */
function annualGdp(zoneCode: string, year: number): number {
  let gdp = zoneProfile(zoneCode).gdp2016;
  for (let y = FIRST_YEAR + 1; y <= year; y++) {
    const deflator = y === 2020 ? 0.8 : 2 + 0.5 * noise(`${zoneCode}:deflator:${y}`);
    gdp *= 1 + (realGrowth(zoneCode, y, 4) + deflator) / 100;
  }
  return gdp;
}

/** A level that trends from `start` by `step` a year from 2017, with a little noise. */
function trend(key: string, year: number, start: number, step: number, spread: number): number {
  return start + step * (year - 2017) + spread * noise(key);
}

/** The synthetic value of one indicator for one zone and quarter, before rounding. */
export function syntheticValue(zoneCode: string, indicator: Indicator, quarter: Quarter): number {
  const { year, q } = quarter;
  const p = zoneProfile(zoneCode);
  const key = `${zoneCode}:${indicator.code}:${year}Q${q}`;
  const n = noise(key);
  const gdpYtd = annualGdp(zoneCode, year) * (YTD_SHARE.gdp[q - 1] ?? 1);
  const growth = realGrowth(zoneCode, year, q);
  const scale = p.gdp2016 / 1300; // relative size, Huangshi = 1
  const years = year - 2017;

  switch (indicator.code) {
    case "gdp":
      return gdpYtd;
    case "gdp-growth":
      return growth;
    case "industrial-va-growth":
      return growth + 0.8 + 1.5 * n;
    case "fixed-asset-investment-growth":
      return growth + 1.5 + 4 * n;
    case "tech-upgrade-investment-growth":
      return growth + 6 + 8 * n;
    case "private-investment-growth":
      return growth - 1 + 4 * n;
    case "retail-sales":
      return gdpYtd * (0.36 + 0.04 * noise(`${zoneCode}:retail`)) * (1 + 0.02 * n);
    case "budget-revenue":
      return gdpYtd * (0.065 + 0.015 * noise(`${zoneCode}:budget`)) * (1 + 0.03 * n);
    case "foreign-trade":
      return gdpYtd * p.openness * (1 + 0.08 * n);
    case "manufacturing-share":
      return trend(key, year, 22 + 14 * p.advancement, 0.25, 1);
    case "hightech-manufacturing-share":
      return trend(`${zoneCode}:htm:${year}`, year, 6 + 14 * p.advancement, 0.9, 1) + 0.3 * q + 0.2 * n;
    case "strategic-emerging-share":
      return trend(key, year, 8 + 10 * p.advancement, 0.8, 1);
    case "tertiary-share":
      return trend(key, year, 38 + 16 * p.advancement, 0.7, 1.5);
    case "rd-intensity":
      return trend(key, year, 1 + 2 * p.advancement, 0.07, 0.1);
    case "hightech-enterprises":
      return 120 * scale * (0.6 + p.advancement) * 1.13 ** years * (1 + 0.05 * n);
    case "rd-platforms":
      return 25 * scale * (0.6 + p.advancement) * 1.07 ** years * (1 + 0.05 * n);
    case "new-business-registrations":
      return 2.6 * scale * 1.04 ** years * (YTD_SHARE.even[q - 1] ?? 1) * (1 + 0.06 * n);
    case "online-government-services":
      return Math.min(99.5, trend(key, year, 62 + 10 * p.advancement, 4.5, 2));
    case "energy-intensity-reduction":
      return (year === 2021 ? 1.5 : 3.4) + 1.2 * n;
    case "solid-waste-utilisation":
      return Math.min(98, trend(key, year, 60 + 20 * p.advancement, 1.8, 3));
    case "pm25": {
      const seasonal = [1.35, 1.12, 0.95, 1][q - 1] ?? 1;
      return (52 - 8 * p.advancement) * 0.955 ** years * seasonal * (1 + 0.05 * n);
    }
    case "good-air-days": {
      const seasonal = [-6, -2, 2, 0][q - 1] ?? 0;
      return Math.min(
        97,
        trend(`${zoneCode}:air:${year}`, year, 68 + 8 * p.advancement, 1.6, 2) + seasonal + n,
      );
    }
    case "land-restored":
      return 180 * scale * (1.4 - p.advancement) * (1 + 0.3 * n);
    case "new-urban-jobs":
      return 5.2 * scale ** 0.8 * (YTD_SHARE.jobs[q - 1] ?? 1) * (1 + 0.05 * n);
    case "urban-unemployment":
      return (year === 2020 || year === 2022 ? 3.9 : 3.4) - 0.4 * p.advancement + 0.25 * n;
    case "urban-income":
      return 31000 * (0.85 + 0.4 * p.advancement) * 1.065 ** years * (YTD_SHARE.jobs[q - 1] ?? 1);
    case "rural-income":
      return 13500 * (0.85 + 0.4 * p.advancement) * 1.08 ** years * ([0.31, 0.52, 0.74, 1][q - 1] ?? 1);
    case "urbanisation-rate":
      return Math.min(92, trend(key, year, 56 + 16 * p.advancement, 0.85, 0.4));
    case "relocation-projects":
      return 6 + 14 * (1 - p.advancement) + 5 * n;
    case "heritage-projects":
      return 4 + 2 * years * (0.5 + p.advancement) + 2 * n;
    default:
      // An indicator added to the catalogue later gets a neutral mid-range figure.
      return (indicator.validRange.min + indicator.validRange.max) / 2;
  }
}

/** Rounds to the indicator's decimals and keeps the value inside its valid range, as exact text. */
export function syntheticNumeric(zoneCode: string, indicator: Indicator, quarter: Quarter): string {
  const raw = syntheticValue(zoneCode, indicator, quarter);
  const clamped = Math.min(indicator.validRange.max, Math.max(indicator.validRange.min, raw));
  return clamped.toFixed(indicator.decimals);
}
