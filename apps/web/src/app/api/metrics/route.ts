import { metricsResponse } from "@zones/telemetry/scrape";

export const dynamic = "force-dynamic";

/**
 * Prometheus metrics of this process, answered only to `Authorization: Bearer $METRICS_TOKEN`; anyone else,
 * and everyone while METRICS_TOKEN is unset, gets a 404 (the rule is `scrapeAnswer` of @zones/telemetry,
 * which the worker's own port answers by too).
 */
export function GET(request: Request): Promise<Response> {
  return metricsResponse(request);
}
