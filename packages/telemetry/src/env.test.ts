import { describe, expect, it } from "vitest";

import { currentRequest, inRequest, newRequestContext, runWithRequest } from "./context.mjs";
import { telemetryEnv } from "./env.mjs";

describe("LOG_LEVEL, LOG_FORMAT, METRICS_TOKEN, WORKER_METRICS_PORT", () => {
  it("default to info and JSON lines, no metrics and no worker port", () => {
    expect(telemetryEnv({ NODE_ENV: "production" })).toEqual({
      logLevel: "info",
      logFormat: "json",
      metricsToken: null,
      workerMetricsPort: null,
    });
    // `npm run worker` and scripts without NODE_ENV write JSON too; `next dev` is for people.
    expect(telemetryEnv({}).logFormat).toBe("json");
    expect(telemetryEnv({ NODE_ENV: "development" }).logFormat).toBe("pretty");
    expect(telemetryEnv({ NODE_ENV: "test" }).logLevel).toBe("silent");
  });

  it("take what they are set to", () => {
    expect(
      telemetryEnv({
        LOG_LEVEL: "Debug",
        LOG_FORMAT: "pretty",
        METRICS_TOKEN: "t0ken",
        WORKER_METRICS_PORT: "9464",
      }),
    ).toEqual({ logLevel: "debug", logFormat: "pretty", metricsToken: "t0ken", workerMetricsPort: 9464 });
  });

  it("refuse a value that means nothing, naming the variable", () => {
    expect(() => telemetryEnv({ LOG_LEVEL: "verbose" })).toThrow(
      /^LOG_LEVEL: "verbose" is not one of fatal, error/,
    );
    expect(() => telemetryEnv({ LOG_FORMAT: "xml" })).toThrow(/^LOG_FORMAT: "xml"/);
    expect(() => telemetryEnv({ WORKER_METRICS_PORT: "0" })).toThrow(/^WORKER_METRICS_PORT: "0"/);
    expect(() => telemetryEnv({ WORKER_METRICS_PORT: "9464x" })).toThrow(/^WORKER_METRICS_PORT/);
  });
});

describe("the request a piece of code runs for", () => {
  it("is the one it was started in, or a new one for code called outside any", () => {
    expect(currentRequest()).toBeNull();
    const outer = newRequestContext("req-outer");
    expect(runWithRequest(outer, () => inRequest(() => currentRequest()))).toBe(outer);
    const made = inRequest(() => currentRequest());
    expect(made?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(currentRequest()).toBeNull();
  });
});
