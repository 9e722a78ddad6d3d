/** Latency samples → the percentiles the table prints (nearest rank). */
export interface Latency {
  count: number;
  p50: number;
  p95: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function latency(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

export const MB = 1024 * 1024;

export function ms(value: number): string {
  if (!Number.isFinite(value)) return "–";
  return value < 10
    ? `${value.toFixed(2)} ms`
    : value < 100
      ? `${value.toFixed(1)} ms`
      : `${Math.round(value)} ms`;
}

export function seconds(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} s` : "–";
}

export function count(value: number): string {
  return Math.round(value).toLocaleString("en");
}

/** 393600 → "394k", 4560000 → "4.56M": the scale labels of the table. */
export function compact(value: number): string {
  if (value >= 1_000_000) return `${(value / 1_000_000).toFixed(2)}M`;
  if (value >= 10_000) return `${Math.round(value / 1000)}k`;
  if (value >= 1000) return `${(value / 1000).toFixed(1)}k`;
  return String(value);
}

export function ratio(value: number): string {
  if (!Number.isFinite(value)) return "–";
  return value >= 10 ? `${value.toFixed(0)}×` : `${value.toFixed(2)}×`;
}
