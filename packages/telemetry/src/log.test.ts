import { afterEach, describe, expect, it } from "vitest";

import { newRequestContext, runWithRequest } from "./context.mjs";
import { createLogger, logger } from "./log.mjs";
import { captureLogs } from "./testing.mjs";

/** Everything a log line must never carry. */
const SECRETS = {
  password: "correct-horse-battery-2026",
  newPassword: "new-horse-battery-2027",
  cookie: "zones.session_token=abc123signedcookievalue",
  sessionToken: "tok_5f2b9c1e8d7a6b5c",
  authorization: "Bearer metrics-token-0123456789",
  totpSecret: "JBSWY3DPEHPK3PXP",
  backupCode: "backup-7391-2048",
  value: "1234.56789",
  note: "季度说明：内部数字",
};

function written() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => lines.push(line) } };
}

describe("what the logger never writes", () => {
  it("passwords, cookies, tokens, TOTP secrets and submitted values, at any depth", () => {
    const { lines, destination } = written();
    const log = createLogger({ level: "info", destination });
    log.info(
      {
        req: {
          method: "POST",
          headers: {
            cookie: SECRETS.cookie,
            Authorization: SECRETS.authorization,
            "set-cookie": [SECRETS.cookie],
            "x-request-id": "req-1",
          },
          body: { email: "a@b.c", password: SECRETS.password },
        },
        user: { newPassword: SECRETS.newPassword, session_token: SECRETS.sessionToken },
        twoFactor: {
          totpSecret: SECRETS.totpSecret,
          totpURI: `otpauth://totp/x?secret=${SECRETS.totpSecret}`,
        },
        backupCodes: [SECRETS.backupCode],
        submission: { zoneCode: "HB-HS", values: { gdp: SECRETS.value }, notes: { gdp: SECRETS.note } },
        input: { values: [{ indicatorCode: "gdp", value: SECRETS.value, note: SECRETS.note }] },
        deep: { a: { b: { c: { d: { token: SECRETS.sessionToken, value: SECRETS.value } } } } },
      },
      "request",
    );
    const text = lines.join("");
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    const [line] = lines.map((entry) => JSON.parse(entry));
    // What is not secret stays readable.
    expect(line).toMatchObject({
      level: "info",
      msg: "request",
      req: { method: "POST", headers: { "x-request-id": "req-1", cookie: "[redacted]" } },
      submission: { zoneCode: "HB-HS", values: "[redacted]" },
    });
  });

  it("an error's stack and message, without the values a failed query quotes", () => {
    const { lines, destination } = written();
    const log = createLogger({ level: "info", destination });
    const cause = Object.assign(new Error('new row for relation "observations" violates check constraint'), {
      detail: `Failing row contains (HB-HS, gdp, 2026Q2, ${SECRETS.value}, ${SECRETS.note}).`,
      code: "23514",
    });
    const failed = Object.assign(
      new Error(
        `Failed query: insert into "observations" values ($1, $2)\nparams: ${SECRETS.value},${SECRETS.note}`,
      ),
      { params: [SECRETS.value, SECRETS.note], query: 'insert into "observations" values ($1, $2)', cause },
    );
    log.error({ err: failed }, "procedure failed");
    const text = lines.join("");
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    const [line] = lines.map((entry) => JSON.parse(entry));
    expect(line.err.type).toBe("Error");
    expect(line.err.message).toMatch(/^Failed query: insert into "observations"/);
    expect(line.err.cause).toMatchObject({
      message: expect.stringMatching(/violates check constraint/),
      code: "23514",
    });
    expect(line.err.stack).toMatch(/log\.test\.ts/);
    expect(line.err.query).toBe('insert into "observations" values ($1, $2)');
  });
});

describe("the process logger", () => {
  let capture: ReturnType<typeof captureLogs> | null = null;
  afterEach(() => capture?.stop());

  it("writes one JSON object a line, with the id of the request it runs in", () => {
    capture = captureLogs();
    runWithRequest(newRequestContext("req-42"), () => logger.info({ runId: "r1" }, "export run started"));
    logger.info("no request");
    const [inRequest, outside] = capture.lines();
    expect(inRequest).toMatchObject({ msg: "export run started", runId: "r1", requestId: "req-42" });
    expect(typeof inRequest?.time).toBe("string");
    expect(outside).not.toHaveProperty("requestId");
  });

  it("keeps quiet under tests unless a test captures it or LOG_LEVEL says otherwise", () => {
    expect(logger.level).toBe("silent");
  });
});
