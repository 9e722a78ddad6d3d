/** Test-only: requests through the proxy (TLS with its throwaway certificate) or straight to a web process. */
import http from "node:http";
import https from "node:https";

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The client's own source address (127.0.0.x), to be told apart behind the proxy. */
  from?: string;
}

/**
 * A client of one base URL: `https://localhost:<port>` (trusting `ca`) or `http://127.0.0.1:<port>`. Given
 * another `origin` (a web process behind the proxy, called directly), it sends what the proxy would: the
 * public host and scheme as X-Forwarded-Host/-Proto (believed from 127.0.0.1, TRUSTED_PROXIES), and that origin
 * on state-changing requests, as the app's pages would.
 */
export function client(base: string, ca?: Buffer, origin = base) {
  const target = new URL(base);
  const transport = target.protocol === "https:" ? https : http;
  const publicUrl = new URL(origin);
  const forwarded: Record<string, string> =
    origin === base
      ? {}
      : { "x-forwarded-host": publicUrl.host, "x-forwarded-proto": publicUrl.protocol.slice(0, -1) };

  /** Starts a request; the response as it arrives (for downloads read chunk by chunk). */
  function open(path: string, options: RequestOptions = {}): Promise<http.IncomingMessage> {
    return new Promise((resolve, reject) => {
      const request = transport.request(
        {
          host: "127.0.0.1",
          port: target.port,
          path,
          method: options.method ?? "GET",
          headers: { host: target.host, ...forwarded, ...options.headers },
          localAddress: options.from,
          servername: target.hostname,
          ca,
          agent: false,
        },
        resolve,
      );
      request.on("error", reject);
      request.end(options.body);
    });
  }

  async function send(path: string, options: RequestOptions = {}): Promise<Answer> {
    const response = await open(path, options);
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    return { status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) };
  }

  return { base, origin, open, send };
}

export type Client = ReturnType<typeof client>;

/** The Cookie header of the cookies an answer sets. */
export function cookiesOf(answer: Answer): string {
  return (answer.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]).join("; ");
}

/** Signs in (better-auth's endpoint, as the login page calls it); the session's Cookie header. */
export async function signIn(to: Client, email: string, password: string, from?: string): Promise<Answer> {
  return to.send("/api/auth/sign-in/email", {
    method: "POST",
    headers: { "content-type": "application/json", origin: to.origin },
    body: JSON.stringify({ email, password }),
    from,
  });
}

/** A tRPC call as the app's client makes it (superjson's `{ json }` envelope); its data, or throws. */
export async function trpc<T>(
  to: Client,
  cookie: string,
  procedure: string,
  input: unknown,
  kind: "query" | "mutation" = "query",
  requestId?: string,
): Promise<T> {
  const envelope = JSON.stringify({ json: input });
  const headers: Record<string, string> = { cookie, ...(requestId ? { "x-request-id": requestId } : {}) };
  const answer =
    kind === "query"
      ? await to.send(`/api/trpc/${procedure}?input=${encodeURIComponent(envelope)}`, { headers })
      : await to.send(`/api/trpc/${procedure}`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json", origin: to.origin },
          body: envelope,
        });
  const parsed = JSON.parse(answer.body.toString("utf8")) as {
    result?: { data?: { json: T } };
    error?: unknown;
  };
  if (answer.status !== 200 || !parsed.result?.data) {
    throw new Error(`${procedure} answered ${answer.status}: ${answer.body.toString("utf8").slice(0, 300)}`);
  }
  return parsed.result.data.json;
}
