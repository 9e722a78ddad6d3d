/** Class names of the charts' stylesheet (charts.css, which the app loads once). */
export const chartClass = {
  heatTable: "zc-heat",
  visuallyHidden: "zc-hidden",
  sparkline: "zc-sparkline",
} as const;

/** A sparkline's margin around its line, in pixels (charts.css pads `.zc-sparkline` by as much). */
export const SPARKLINE_MARGIN = 4;
