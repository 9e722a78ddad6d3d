/** What other packages see of `src/scrape.mjs` (checked against it by src/declarations.ts). */

export interface ScrapeAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export declare const WORKER_METRICS_PATH: "/metrics";
export declare function scrapeAnswer(authorization: string | null | undefined): Promise<ScrapeAnswer>;
export declare function metricsResponse(request: Request): Promise<Response>;
export declare function startMetricsServer(options?: {
  port?: number | null;
  host?: string;
}): Promise<{ port: number; close(): Promise<void> } | null>;
