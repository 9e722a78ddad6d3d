import "server-only";

import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { accountHold, dashboardAnswerScope } from "@zones/api";
import type { SessionUser } from "@zones/auth";
import type { Database } from "@zones/db/client";
import { readDataVersion } from "@zones/db/dashboard";
import { LruCache } from "@zones/domain";
import { processState } from "../../server/process-state.mjs";
import { userFromHeaders } from "./auth";

import { getReader } from "./db";
import { keptQuestion } from "./kept-question";
import { API_CONTENT_SECURITY_POLICY, FIXED_SECURITY_HEADERS } from "./security-headers";

/**
 * The dashboards' answers as sent, kept per process so that asking again costs neither Next's router nor
 * tRPC: once the tRPC route has answered a dashboard query with 200 (`keepDashboardResponse`), the same
 * address asked in the same scope (`dashboardAnswerScope`: what the caller may see, the data version read
 * now, the last finished quarter) is answered from these bytes by `answerEarly`, which the production
 * server (server.mjs) calls before Next. The data version is read on every request, as the procedures read
 * it, so an approval, a reopening or a catalogue edit in any process ends every kept answer at once.
 * What is not certain (no session in order, another shape of request, a database fault) goes to Next.
 */

/** Answers kept per process: 7–174 kB each. */
export const KEPT_RESPONSES = 256;
/** Smaller answers are sent as they are (gzip would gain little). */
const GZIP_FROM_BYTES = 1024;
/** The header naming an answer sent from kept bytes, as caches say it. */
export const KEPT_RESPONSE_HEADER = "x-cache";

interface KeptResponse {
  body: Buffer;
  contentType: string;
  cacheControl: string;
  /** Made when a client first accepts it. */
  gzipped?: Buffer;
}

const holder = globalThis as typeof globalThis & { zonesKeptResponses?: LruCache<string, KeptResponse> };

/** One store per process, whichever copy of this module (Next bundles the app more than once) asks. */
function keptResponses(): LruCache<string, KeptResponse> {
  holder.zonesKeptResponses ??= new LruCache(KEPT_RESPONSES);
  return holder.zonesKeptResponses;
}

/**
 * Where a request's answer is kept: its address and the caller's scope, or null when its answer is not kept
 * (not a kept question, no session, an account not in order, which the procedure refuses).
 */
async function slotOf(
  address: string,
  user: () => Promise<SessionUser | null>,
  reader: Database,
): Promise<string | null> {
  const question = keptQuestion(address);
  if (!question) return null;
  const caller = await user();
  if (!caller || accountHold(caller)) return null;
  const version = await readDataVersion(reader);
  return `${dashboardAnswerScope(caller, version)} ${question}`;
}

/**
 * The slot of a request the tRPC route is about to answer, read before the procedure runs and on the database
 * it will read (`reader`, the request's): an answer stored under the version read before it was computed is
 * never older than that version. (Read on another replica, a version could name data that replica has and
 * the procedure's replica has not yet.) Null on any failure: the route then answers as always.
 */
export async function dashboardResponseSlot(
  request: Request,
  user: () => Promise<SessionUser | null>,
  reader: Database,
): Promise<string | null> {
  if (request.method !== "GET" || request.headers.has("trpc-accept")) return null;
  return slotOf(request.url, user, reader).catch(() => null);
}

/** Keeps a 200 answer's bytes under its slot and returns the same answer. */
export async function keepDashboardResponse(slot: string, response: Response): Promise<Response> {
  if (response.status !== 200 || !response.body) return response;
  const body = Buffer.from(await response.arrayBuffer());
  keptResponses().set(slot, {
    body,
    contentType: response.headers.get("content-type") ?? "application/json",
    cacheControl: response.headers.get("cache-control") ?? "no-store",
  });
  return new Response(body, { status: response.status, headers: response.headers });
}

function acceptsGzip(request: IncomingMessage): boolean {
  const accepted = request.headers["accept-encoding"];
  return typeof accepted === "string" && /\bgzip\b/.test(accepted);
}

/** The headers Next gives an API response (next.config.ts), and the kept answer's own. */
function headersOf(kept: KeptResponse, body: Buffer, gzipped: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, value } of FIXED_SECURITY_HEADERS) headers[key.toLowerCase()] = value;
  headers["content-security-policy"] = API_CONTENT_SECURITY_POLICY;
  headers["content-type"] = kept.contentType;
  headers["cache-control"] = kept.cacheControl;
  headers["content-length"] = String(body.length);
  headers.vary = "Accept-Encoding";
  if (gzipped) headers["content-encoding"] = "gzip";
  headers[KEPT_RESPONSE_HEADER] = "hit";
  return headers;
}

/**
 * Answers a GET of a kept dashboard question from its kept bytes; false (nothing written) leaves the request
 * to Next. Called by server.mjs before Next's router, for every request.
 */
export async function answerEarly(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const address = request.url;
  if (request.method !== "GET" || request.headers["trpc-accept"] !== undefined || !address) return false;
  if (!keptQuestion(address)) return false;
  const cookie = request.headers.cookie;
  const headers = new Headers(cookie ? { cookie } : {});
  // Any replica will do for a lookup: a version names the same data on each database that has reached it.
  const slot = await getReader()
    .then((reader) => slotOf(address, () => userFromHeaders(headers, { cached: true }), reader))
    .catch(() => null);
  const kept = slot ? keptResponses().get(slot) : undefined;
  if (!kept) return false;
  const gzipped = acceptsGzip(request) && kept.body.length >= GZIP_FROM_BYTES;
  if (gzipped) kept.gzipped ??= gzipSync(kept.body);
  const body = gzipped && kept.gzipped ? kept.gzipped : kept.body;
  response.writeHead(200, headersOf(kept, body, gzipped));
  response.end(body);
  return true;
}

/** Lets server.mjs call `answerEarly` (src/instrumentation.ts, when the app starts). */
export function registerEarlyAnswers(): void {
  processState().answerEarly = answerEarly;
}
