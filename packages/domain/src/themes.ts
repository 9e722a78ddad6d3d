import { deepFreeze } from "./deep-freeze";
import type { Theme, ThemeCode } from "./types";

/** Indicator themes in display order. */
export const THEMES: readonly Theme[] = deepFreeze([
  { code: "growth", name: { zh: "经济增长", en: "Economic growth" } },
  { code: "structure", name: { zh: "产业结构", en: "Industrial structure" } },
  { code: "innovation", name: { zh: "创新驱动", en: "Innovation" } },
  { code: "business", name: { zh: "营商环境", en: "Business environment" } },
  { code: "green", name: { zh: "绿色低碳", en: "Green and low-carbon" } },
  { code: "livelihood", name: { zh: "民生就业", en: "Jobs and livelihoods" } },
  { code: "urban", name: { zh: "城市更新", en: "Urban renewal" } },
]);

export const THEME_CODES = [
  "growth",
  "structure",
  "innovation",
  "business",
  "green",
  "livelihood",
  "urban",
] as const satisfies readonly ThemeCode[];

export function findTheme(code: string): Theme | undefined {
  return THEMES.find((theme) => theme.code === code);
}

export function getTheme(code: string): Theme {
  const theme = findTheme(code);
  if (!theme) throw new RangeError(`unknown theme code ${JSON.stringify(code)}`);
  return theme;
}
