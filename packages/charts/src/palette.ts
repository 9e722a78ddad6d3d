/**
 * Okabe–Ito categorical palette: distinguishable under the common forms of colour-vision
 * deficiency, so series never rely on a red/green contrast.
 * https://jfly.uni-koeln.de/color/
 */
export const palette = [
  "#0072B2", // blue
  "#E69F00", // orange
  "#009E73", // bluish green
  "#CC79A7", // reddish purple
  "#56B4E9", // sky blue
  "#D55E00", // vermillion
  "#F0E442", // yellow
  "#000000", // black
] as const;

/** Good news is blue and bad news is orange: the pair survives deuteranopia, unlike green/red. */
export const goodColor = "#0072B2";
export const badColor = "#E69F00";
/** For bars or marks that carry no good/bad judgement. */
export const neutralColor = "#999999";

/** SVG text needs an explicit CJK-capable stack, or Chinese labels may fall back to tofu boxes. */
export const chartFontFamily =
  '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/**
 * Colours for data series drawn as lines: the categorical palette without its yellow, which has
 * too little contrast against white (about 1.2:1) to read as a thin line.
 */
export const lineColors: readonly string[] = palette.filter((colour) => colour !== "#F0E442");

/**
 * Stroke patterns paired with `lineColors` by series index, so a series can be told apart without
 * colour (printouts, colour-vision deficiency). The first series is solid. Six patterns against seven
 * colours: the (colour, pattern) pair stays unique for the first 42 series.
 */
export const dashPatterns = ["", "8 4", "2 3", "10 3 2 3", "4 4", "12 3 3 3 3 3"] as const;

/** The colour and dash pattern of the series at `index`; `dash` is undefined for a solid line. */
export function seriesStyle(index: number): { color: string; dash: string | undefined } {
  const color = lineColors[index % lineColors.length] ?? palette[0];
  const dash = dashPatterns[index % dashPatterns.length];
  return { color, dash: dash === "" || dash === undefined ? undefined : dash };
}

/** Reference band behind a trend (e.g. the peer interquartile range) and its median line. */
export const bandColor = "#BDBDBD";
export const medianColor = "#666666";

/** Across-zone distribution: min–max range lightest, interquartile range darker, median darkest. */
export const distributionColors = {
  range: "#E3E3E3",
  iqr: "#B8B8B8",
  median: "#4D4D4D",
} as const;

/**
 * Sequential single-hue scale (ColorBrewer Blues, 7 classes), light = low, dark = high. One hue
 * varying in lightness stays ordered under every common colour-vision deficiency and in greyscale.
 */
export const sequentialBlues = [
  "#EFF3FF",
  "#C6DBEF",
  "#9ECAE1",
  "#6BAED6",
  "#4292C6",
  "#2171B5",
  "#084594",
] as const;

/** The step of `sequentialBlues` for a rank in 0..1 (clamped); 1 is the darkest step. */
export function blueForRank(rank: number): string {
  const steps = sequentialBlues.length;
  const clamped = Math.min(1, Math.max(0, Number.isFinite(rank) ? rank : 0));
  const index = Math.min(steps - 1, Math.floor(clamped * steps));
  return sequentialBlues[index] ?? sequentialBlues[0];
}

function channel(hex: string, offset: number): number {
  const c = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance of a `#RRGGBB` colour. */
export function relativeLuminance(hex: string): number {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) throw new Error(`Expected a #RRGGBB colour, got ${hex}`);
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG 2 contrast ratio between two `#RRGGBB` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Black or white, whichever contrasts more with `background`. One of the two always reaches at
 * least 4.58:1, above the 4.5:1 WCAG AA minimum for normal text.
 */
export function textColorOn(background: string): "#000000" | "#FFFFFF" {
  return contrastRatio(background, "#000000") >= contrastRatio(background, "#FFFFFF") ? "#000000" : "#FFFFFF";
}
