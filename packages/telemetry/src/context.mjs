// What one request (or one job a request started) is: its id, and who made it once that is known. Kept in an
// AsyncLocalStorage, so that every log line written while it runs carries its id, without passing it down.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

import { processSingleton } from "./process-singleton.mjs";

/**
 * @typedef {{
 *   requestId: string;
 *   userId: string | null;
 *   procedures: string[];
 * }} RequestContext
 */

/** @type {AsyncLocalStorage<RequestContext>} */
const storage = processSingleton("request-context", () => new AsyncLocalStorage());

/**
 * @param {string} requestId
 * @returns {RequestContext}
 */
export function newRequestContext(requestId) {
  return { requestId, userId: null, procedures: [] };
}

/**
 * Runs `fn` as part of the request (or job) `context`.
 *
 * @template T
 * @param {RequestContext} context
 * @param {() => T} fn
 * @returns {T}
 */
export function runWithRequest(context, fn) {
  return storage.run(context, fn);
}

/**
 * Makes `context` the request of everything that runs from here on in this turn of the event loop and what it
 * starts: for a listener that runs before the server's own one (see http.mjs).
 *
 * @param {RequestContext} context
 */
export function enterRequest(context) {
  storage.enterWith(context);
}

/** @returns {RequestContext | null} the request this code runs for, or null (a timer, start-up). */
export function currentRequest() {
  return storage.getStore() ?? null;
}

/**
 * Who the request's user is, once their session has been read: its request line names them.
 *
 * @param {string | null | undefined} userId
 */
export function noteRequestUser(userId) {
  const context = storage.getStore();
  if (context && userId) context.userId = userId;
}

/**
 * Runs `fn` in the current request, or in a new one when there is none (a procedure called in-process by a
 * script or a test), so that what it logs and the jobs it starts share one id.
 *
 * @template T
 * @param {() => T} fn
 * @returns {T}
 */
export function inRequest(fn) {
  return storage.getStore() ? fn() : storage.run(newRequestContext(randomUUID()), fn);
}
