/// <reference path="../types/autocannon.d.ts" />
import autocannon from "autocannon";

import { type Latency, latency } from "./stats";

/** A tRPC query as the browser's client sends it without batching: GET with superjson `{"json": input}`. */
export function trpcQueryPath(procedure: string, input: unknown): string {
  return `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}

/** Signs in through better-auth's HTTP endpoint; returns the Cookie header the session needs. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
    redirect: "manual",
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`sign-in as ${email} answered ${response.status}: ${body.slice(0, 300)}`);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0] ?? "");
  if (cookies.length === 0) throw new Error(`sign-in as ${email} set no cookie`);
  return cookies.join("; ");
}

/** One request, checked: status 200 and a tRPC result (not an error envelope); returns the body's size. */
export async function checkQuery(baseUrl: string, path: string, cookie: string): Promise<number> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  const body = await response.text();
  if (response.status !== 200) {
    throw new Error(`GET ${path.slice(0, 80)} answered ${response.status}: ${body.slice(0, 300)}`);
  }
  const parsed = JSON.parse(body) as { result?: { data?: unknown } };
  if (!parsed.result?.data) throw new Error(`GET ${path.slice(0, 80)}: no result in ${body.slice(0, 200)}`);
  return Buffer.byteLength(body);
}

export interface HttpLoad {
  latency: Latency;
  requests: number;
  /** Responses other than 2xx, and connection errors or timeouts. */
  failures: number;
}

/**
 * autocannon at `connections` concurrent clients, for `seconds` or until `amount` responses (then every
 * request sent is answered and counted: no slow request is cut off at the end); every latency is kept.
 */
export function httpLoad(
  url: string,
  options: { connections: number; seconds?: number; amount?: number; headers: Record<string, string> },
): Promise<HttpLoad> {
  return new Promise((resolve, reject) => {
    const samples: number[] = [];
    let failures = 0;
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 1 }),
        headers: options.headers,
        timeout: 60,
      },
      (error, result) => {
        if (error) reject(error);
        else {
          resolve({
            latency: latency(samples),
            requests: samples.length,
            failures: failures + result.errors + result.timeouts,
          });
        }
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode < 200 || statusCode >= 300) failures++;
      else samples.push(responseTime);
    });
  });
}
