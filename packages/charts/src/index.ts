export { badColor, chartFontFamily, goodColor, neutralColor, palette } from "./palette";
export type { ZoneRankingDatum, ZoneRankingProps } from "./zone-ranking";
export { ZoneRanking } from "./zone-ranking";
