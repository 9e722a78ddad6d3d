import { logger } from "@zones/telemetry/log";
import { metrics } from "@zones/telemetry/metrics";

import type { RunOutcome } from "./run-export";

/** What an attempt is, in each of its lines: the run, and which attempt of how many. */
export interface AttemptLabel {
  runId: string;
  attempt: number;
  maxAttempts: number;
}

/**
 * The log lines and metrics of one export run attempt: started, then finished (rows, bytes), failed (final or
 * retrying), or cancelled, each with its duration. Lines written while the attempt runs for a request carry
 * the request's id (the job brought it along, see worker.ts).
 */
export function exportAttemptLog(label: AttemptLabel) {
  const started = performance.now();
  const ended = (outcome: RunOutcome) => {
    const durationMs = Math.round(performance.now() - started);
    metrics.exportRuns.inc({ status: outcome });
    metrics.exportRunDuration.observe({ status: outcome }, durationMs / 1000);
    return { ...label, outcome, durationMs };
  };
  logger.info(label, "export run started");
  return {
    finished(file: { rowCount: number; byteSize: number; format: string }) {
      logger.info(
        { ...ended("succeeded"), rows: file.rowCount, bytes: file.byteSize, format: file.format },
        "export run finished",
      );
    },
    /** A failure no retry can cure (`reason`), or an error: final, or retried by pg-boss. */
    failed(failure: { reason: string } | { error: unknown; final: boolean }) {
      if ("reason" in failure) {
        logger.warn({ ...ended("failed"), final: true, reason: failure.reason }, "export run failed");
        return;
      }
      const outcome = failure.final ? "failed" : "retrying";
      logger.error({ ...ended(outcome), final: failure.final, err: failure.error }, "export run failed");
    },
    cancelled() {
      logger.info(ended("cancelled"), "export run cancelled");
    },
    /** The schedule's old files could not all be deleted (retention tries again after its next run). */
    pruneFailed(error: unknown) {
      logger.warn({ ...label, err: error }, "export files not pruned");
    },
    /** Taken over by a newer attempt (this worker was taken for dead): the newer one reports the run. */
    superseded() {
      logger.warn(ended("skipped"), "export run taken over");
    },
  };
}
