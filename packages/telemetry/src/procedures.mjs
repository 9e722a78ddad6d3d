// One line and two metrics per tRPC procedure call: a batch of three calls is three lines, each naming its
// procedure, and the batch's request line lists them.
import { currentRequest } from "./context.mjs";
import { logger } from "./log.mjs";
import { metrics } from "./metrics.mjs";

/**
 * @typedef {{
 *   procedure: string;
 *   type: string;
 *   status: number;
 *   durationMs: number;
 *   userId: string | null;
 * }} ProcedureCall
 */

/**
 * Logs and counts a finished procedure call (its request's id comes with the line).
 *
 * @param {ProcedureCall} call
 */
export function recordProcedureCall(call) {
  const request = currentRequest();
  if (request) {
    request.procedures.push(call.procedure);
    if (call.userId) request.userId = call.userId;
  }
  const durationMs = Math.round(call.durationMs * 10) / 10;
  const line = { ...call, durationMs };
  if (call.status >= 500) logger.error(line, "procedure");
  else logger.info(line, "procedure");
  metrics.procedureCalls.inc({ procedure: call.procedure, type: call.type, status: String(call.status) });
  metrics.procedureDuration.observe({ procedure: call.procedure, type: call.type }, call.durationMs / 1000);
}
