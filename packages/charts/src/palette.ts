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
