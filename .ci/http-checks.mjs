// The HTTP checks of the CI steps that run the production server on a seeded PostgreSQL database:
//   direct  — the server alone (node24.sh, on the bundle the Dockerfile copies);
//   proxy   — through nginx with infra/nginx/zones.conf over TLS (nginx-smoke.sh), compared with the server.
// Run with `node --import tsx` (it reads the app's limits and demo accounts from their TypeScript sources).
// Prints one line per check; the first failure throws, and the exit status is 1.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import http2 from "node:http2";
import https from "node:https";
import { parseArgs } from "node:util";
import { MAX_UPLOAD_REQUEST_BYTES } from "@zones/api";
import { DEMO_FIRST_QUARTER, DEMO_PASSWORD } from "@zones/db/seed";
import postgres from "postgres";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    direct: { type: "string" },
    proxy: { type: "string" },
    "proxy-http": { type: "string" },
    ca: { type: "string" },
    "database-url": { type: "string" },
    "nginx-logs": { type: "string" },
  },
});
const mode = positionals[0];
if ((mode !== "direct" && mode !== "proxy") || !args.direct) {
  console.error(
    "usage: http-checks.mjs direct|proxy --direct URL [--proxy URL --proxy-http URL --ca FILE …]",
  );
  process.exit(2);
}

const ca = args.ca ? readFileSync(args.ca) : undefined;
/** Names the server by its host name (TLS, Host) but always connects over IPv4 loopback. */
const CONNECT_ADDRESS = "127.0.0.1";
const VIEWER = "viewer@demo.local";
const EXPORT_PATH = `/api/exports?zones=all&indicators=all&from=${DEMO_FIRST_QUARTER}&to=2026Q2&format=csv&lang=zh&layout=long`;

/**
 * One request with node:http(s), so that the client's own source address can be chosen (127.0.0.x, to be
 * told apart behind the proxy) and chunk arrival times recorded.
 */
function send(base, path, options = {}) {
  const url = new URL(path, base);
  const client = url.protocol === "https:" ? https : http;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = client.request(
      {
        host: CONNECT_ADDRESS,
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? "GET",
        headers: { host: url.host, ...options.headers },
        localAddress: options.from,
        servername: url.hostname,
        ca,
        agent: false,
      },
      (response) => {
        const chunks = [];
        const arrivals = [];
        const headersMs = performance.now() - started;
        response.on("data", (chunk) => {
          chunks.push(chunk);
          arrivals.push(performance.now() - started);
        });
        response.on("error", reject);
        response.on("end", () => {
          const body = Buffer.concat(chunks);
          resolve({ status: response.statusCode, headers: response.headers, body, arrivals, headersMs });
        });
      },
    );
    // Refused before the body was sent (413): the answer still comes, the rest of the body is dropped.
    request.on("error", (error) => (error.code === "EPIPE" ? undefined : reject(error)));
    request.end(options.body);
  });
}

/** One request over HTTP/2, as browsers speak to nginx (`:authority`, no Host header). */
function sendHttp2(base, path, options = {}) {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const session = http2.connect(base, { host: CONNECT_ADDRESS, servername: url.hostname, ca });
    session.on("error", reject);
    const stream = session.request({ ":method": options.method ?? "GET", ":path": path, ...options.headers });
    const chunks = [];
    let headers = {};
    stream.on("response", (received) => {
      headers = received;
    });
    stream.on("data", (chunk) => chunks.push(chunk));
    stream.on("error", reject);
    stream.on("end", () => {
      session.close();
      resolve({ status: headers[":status"], headers, body: Buffer.concat(chunks) });
    });
    stream.end(options.body);
  });
}

let count = 0;
async function check(name, run) {
  const started = performance.now();
  try {
    const detail = await run();
    count++;
    console.log(`✓ ${name} (${Math.round(performance.now() - started)} ms)${detail ? `: ${detail}` : ""}`);
  } catch (error) {
    console.error(`✗ ${name}`);
    throw error;
  }
}

async function signIn(base, email, password, from) {
  return send(base, "/api/auth/sign-in/email", {
    method: "POST",
    headers: { "content-type": "application/json", origin: new URL(base).origin },
    body: JSON.stringify({ email, password }),
    from,
  });
}

function sessionCookie(response) {
  const cookies = response.headers["set-cookie"] ?? [];
  assert.ok(cookies.length > 0, `sign-in set no cookie (status ${response.status})`);
  return { cookies, header: cookies.map((cookie) => cookie.split(";")[0]).join("; ") };
}

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** The server alone: health, sign-in, the overview, an export. */
async function directChecks(base) {
  await check("GET /api/health answers 200", async () => {
    const response = await send(base, "/api/health");
    assert.equal(response.status, 200, response.body.toString());
  });
  let cookie = "";
  await check(`sign-in as ${VIEWER}`, async () => {
    const response = await signIn(base, VIEWER, DEMO_PASSWORD);
    assert.equal(response.status, 200, response.body.toString());
    cookie = sessionCookie(response).header;
  });
  await check("the overview page renders", async () => {
    const response = await send(base, "/", { headers: { cookie } });
    assert.equal(response.status, 200);
    assert.match(response.headers["content-type"] ?? "", /^text\/html/);
    assert.match(response.body.toString(), /示范区总览/);
  });
  await check("an export downloads", async () => {
    const response = await send(base, EXPORT_PATH, { headers: { cookie } });
    assert.equal(response.status, 200, response.body.toString().slice(0, 300));
    assert.match(response.headers["content-type"] ?? "", /^text\/csv/);
    assert.ok(Number(response.headers["x-export-rows"]) > 0, "no rows");
    return `${response.headers["x-export-rows"]} rows, ${response.body.length} bytes`;
  });
  return cookie;
}

/** Through nginx: everything the site promises, each compared with what the server says directly. */
async function proxyChecks(proxy, direct) {
  assert.ok(args["proxy-http"] && args["database-url"] && args["nginx-logs"], "proxy mode needs all options");
  const nginxLog = (name) => readFileSync(`${args["nginx-logs"]}/${name}`, "utf8");
  const sql = postgres(args["database-url"], { max: 1, onnotice: () => {} });
  try {
    await check("plain http is redirected to https", async () => {
      const response = await send(args["proxy-http"], "/login?next=%2F");
      assert.equal(response.status, 301);
      // To the standard port, as in production (CI's https port differs; the path and query are kept).
      assert.equal(response.headers.location, `https://${new URL(proxy).hostname}/login?next=%2F`);
    });

    await check(
      "every answer carries x-request-id: nginx's, or a well-formed one the client sent",
      async () => {
        const own = await send(proxy, "/api/health");
        assert.equal(own.status, 200);
        assert.match(own.headers["x-request-id"] ?? "", /^[0-9a-f]{32}$/);
        const given = await send(proxy, "/api/health", { headers: { "x-request-id": "ci-check.42" } });
        assert.equal(given.headers["x-request-id"], "ci-check.42");
        const junk = await send(proxy, "/api/health", { headers: { "x-request-id": "a b<script>" } });
        assert.match(junk.headers["x-request-id"] ?? "", /^[0-9a-f]{32}$/);
      },
    );

    await check(
      "same-site requests pass the app's origin check through nginx (HTTP/1.1 and HTTP/2), others not",
      async () => {
        // An admin-only mutation, signed out: 401 once the Origin matched the host nginx passed on; 403 otherwise.
        const mutation = (origin) => ({
          method: "POST",
          headers: { "content-type": "application/json", origin },
          body: JSON.stringify({ json: { quarter: "2026Q4", status: "open" } }),
        });
        const own = await send(proxy, "/api/trpc/period.update", mutation(proxy));
        assert.equal(own.status, 401, own.body.toString());
        const overHttp2 = await sendHttp2(proxy, "/api/trpc/period.update", mutation(proxy));
        assert.equal(overHttp2.status, 401, overHttp2.body.toString());
        const foreign = await send(proxy, "/api/trpc/period.update", mutation("https://zones.example.net"));
        assert.equal(foreign.status, 403, foreign.body.toString());
      },
    );

    let cookie = "";
    await check(`sign-in as ${VIEWER} over https: a Secure session cookie`, async () => {
      const response = await signIn(proxy, VIEWER, DEMO_PASSWORD);
      assert.equal(response.status, 200, response.body.toString());
      const { cookies, header } = sessionCookie(response);
      assert.ok(
        cookies.every((line) => /;\s*secure/i.test(line)),
        `cookies without Secure: ${cookies.join(" | ")}`,
      );
      cookie = header;
    });

    await check("the overview page through nginx, with HSTS (the app saw X-Forwarded-Proto)", async () => {
      const response = await send(proxy, "/", { headers: { cookie } });
      assert.equal(response.status, 200);
      assert.match(response.headers["content-type"] ?? "", /^text\/html/);
      assert.match(response.body.toString(), /示范区总览/);
      assert.match(response.headers["strict-transport-security"] ?? "", /max-age=\d+/);
    });

    await check("an export streams through nginx, uncompressed, byte for byte the server's", async () => {
      const through = await send(proxy, EXPORT_PATH, {
        headers: { cookie, "accept-encoding": "gzip, br" },
      });
      assert.equal(through.status, 200, through.body.toString().slice(0, 300));
      assert.match(through.headers["content-type"] ?? "", /^text\/csv/);
      assert.equal(through.headers["content-encoding"], undefined, "compressed download");
      assert.equal(through.headers["content-length"], undefined, "a length known ahead: not streamed");
      assert.equal(through.headers["transfer-encoding"], "chunked");
      const alone = await send(direct, EXPORT_PATH, { headers: { cookie } });
      assert.equal(alone.status, 200);
      assert.equal(through.headers["x-export-rows"], alone.headers["x-export-rows"]);
      assert.equal(sha256(through.body), sha256(alone.body), "the bytes differ from the server's");
      assert.ok(through.arrivals.length > 1, "the body came in one piece");
      assert.doesNotMatch(
        nginxLog("zones.error.log"),
        /an upstream response is buffered/,
        "buffered to disk",
      );
      const first = through.arrivals[0] ?? 0;
      const last = through.arrivals.at(-1) ?? 0;
      assert.ok(last - first > 0, "every chunk came at once");
      return `${through.headers["x-export-rows"]} rows, ${through.body.length} bytes in ${through.arrivals.length} chunks from ${Math.round(first)} to ${Math.round(last)} ms`;
    });

    await check(
      "the client's address reaches the app: sessions and the sign-in throttle see it",
      async () => {
        // 127.0.0.3 signs in; its session records 127.0.0.3, not nginx's 127.0.0.1.
        const reviewer = await signIn(proxy, "reviewer@demo.local", DEMO_PASSWORD, "127.0.0.3");
        assert.equal(reviewer.status, 200, reviewer.body.toString());
        const [session] = await sql`
        select s.ip_address from sessions s join users u on u.id = s.user_id
        where u.email = 'reviewer@demo.local' order by s.created_at desc limit 1`;
        assert.equal(session?.ip_address, "127.0.0.3");
        // Five failures from 127.0.0.4 (five accounts, each under its own limit) lock that address out, even with
        // a forged X-Forwarded-For, which nginx replaces…
        for (let attempt = 1; attempt <= 5; attempt++) {
          const failed = await signIn(
            proxy,
            `nobody-${attempt}@demo.local`,
            "wrong-password-2026",
            "127.0.0.4",
          );
          assert.equal(failed.status, 401, failed.body.toString());
        }
        const forged = await send(proxy, "/api/auth/sign-in/email", {
          method: "POST",
          headers: { "content-type": "application/json", origin: proxy, "x-forwarded-for": "203.0.113.9" },
          body: JSON.stringify({ email: "admin@demo.local", password: DEMO_PASSWORD }),
          from: "127.0.0.4",
        });
        assert.equal(forged.status, 429, forged.body.toString());
        // …while another client behind the same proxy still signs in.
        const other = await signIn(proxy, "admin@demo.local", DEMO_PASSWORD, "127.0.0.5");
        assert.equal(other.status, 200, other.body.toString());
        // The counters, by the address they count (the limiter may prefix its keys).
        const rows = await sql`select key from login_throttles where key like '%ip:%' order by key`;
        assert.deepEqual(
          rows.map((row) => row.key.slice(row.key.indexOf("ip:"))),
          ["ip:127.0.0.4"],
        );
      },
    );

    await check(
      `uploads: ${MAX_UPLOAD_REQUEST_BYTES} bytes reach the app, one more is refused by nginx (413)`,
      async () => {
        const upload = (size) =>
          send(proxy, "/api/trpc/imports.preview", {
            method: "POST",
            headers: { "content-type": "application/octet-stream", "content-length": String(size) },
            body: Buffer.alloc(size, 0x61),
          });
        const atLimit = await upload(MAX_UPLOAD_REQUEST_BYTES);
        // The app's own answer (no Origin: refused as cross-site), so nginx let the whole body through.
        assert.notEqual(atLimit.status, 413, atLimit.body.toString().slice(0, 200));
        assert.match(atLimit.headers["content-type"] ?? "", /json/);
        const over = await upload(MAX_UPLOAD_REQUEST_BYTES + 1);
        assert.equal(over.status, 413);
        assert.match(over.body.toString(), /<center>nginx<\/center>/, "the 413 did not come from nginx");
        assert.match(over.headers["x-request-id"] ?? "", /^[0-9a-f]{32}$/);
        return `at the limit: ${atLimit.status} from the app`;
      },
    );
  } finally {
    await sql.end();
  }
}

try {
  if (mode === "direct") await directChecks(args.direct);
  else await proxyChecks(args.proxy ?? "", args.direct);
  console.log(`${count} passed, 0 failed`);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  console.log(`${count} passed, 1 failed`);
  process.exit(1);
}
