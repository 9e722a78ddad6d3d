import {
  type APIRequestContext,
  type APIResponse,
  expect,
  request as playwrightRequest,
  test,
} from "@playwright/test";
import { DEMO_PASSWORD } from "@zones/db/seed";

import { apiSignIn, demoAccount, ownOrigin } from "./fixtures";

// A dashboard query asked again in the same scope is answered from the bytes the tRPC route sent before,
// ahead of Next's router (src/server/dashboard-responses.ts); `x-cache: hit` names such an answer.

const ZONE_QUERY = `/api/trpc/dashboard.zone?input=${encodeURIComponent(
  JSON.stringify({ json: { zoneCode: "HB-HS", includeSubmitted: true } }),
)}`;
/** Headers an answer must carry whichever way it was sent. */
const SAME_HEADERS = [
  "content-type",
  "cache-control",
  "content-security-policy",
  "x-content-type-options",
  "x-frame-options",
  "referrer-policy",
  "permissions-policy",
  "cross-origin-opener-policy",
  "cross-origin-resource-policy",
];

/** A change every dashboard answer depends on: an admin closes an already closed quarter again. */
async function changeData(admin: APIRequestContext, origin: string) {
  const response = await admin.post("/api/trpc/period.update", {
    headers: { origin, "content-type": "application/json" },
    data: { json: { quarter: "2024Q4", status: "closed" } },
  });
  expect(response.status(), await response.text()).toBe(200);
}

async function ask(context: APIRequestContext, headers: Record<string, string> = {}) {
  const response = await context.get(ZONE_QUERY, { headers });
  expect(response.status(), await response.text()).toBe(200);
  return response;
}

function kept(response: APIResponse): boolean {
  return response.headers()["x-cache"] === "hit";
}

async function includesSubmitted(response: APIResponse): Promise<boolean> {
  return (await response.json()).result.data.json.includesSubmitted;
}

test("a dashboard query asked again is answered from kept bytes, per scope, until the data change", async ({
  baseURL,
}) => {
  const origin = ownOrigin(baseURL);
  const admin = await apiSignIn(baseURL, demoAccount("admin").email, DEMO_PASSWORD);
  const official = await apiSignIn(baseURL, demoAccount("official").email, DEMO_PASSWORD);
  // The first read of approved values after earlier specs' approvals recomputes the stale peer statistics,
  // which moves the data version itself: read once so that the steps below start from settled statistics.
  await ask(official);
  await changeData(admin, origin);

  // Asked first: the route answers and keeps the bytes; asked again: the same bytes and headers, kept.
  const first = await ask(admin);
  expect(kept(first)).toBe(false);
  const again = await ask(admin);
  expect(kept(again)).toBe(true);
  expect(await again.body()).toEqual(await first.body());
  for (const name of SAME_HEADERS) expect(again.headers()[name], name).toBe(first.headers()[name]);
  expect(await includesSubmitted(again)).toBe(true);
  const zipped = await ask(admin, { "accept-encoding": "gzip" });
  expect(kept(zipped)).toBe(true);
  expect(zipped.headers()["content-encoding"]).toBe("gzip");
  expect(await zipped.body()).toEqual(await first.body());

  // An official may not see submitted values: the admin's kept answer is not theirs.
  const officials = await ask(official);
  expect(kept(officials)).toBe(false);
  expect(await includesSubmitted(officials)).toBe(false);
  expect(kept(await ask(official))).toBe(true);

  // No session, no answer: tRPC's refusal, not kept bytes.
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const refused = await anonymous.get(ZONE_QUERY);
  expect(refused.status()).toBe(401);
  expect(kept(refused)).toBe(false);

  // A change of the data ends every kept answer at once.
  await changeData(admin, origin);
  const changed = await ask(admin);
  expect(kept(changed)).toBe(false);
  expect(kept(await ask(admin))).toBe(true);

  // Signed out: the same cookie gets nothing more.
  const cookies = (await admin.storageState()).cookies;
  const signedOut = await admin.post("/api/auth/sign-out", { headers: { origin }, data: {} });
  expect(signedOut.status()).toBe(200);
  const replay = await playwrightRequest.newContext({ baseURL, storageState: { cookies, origins: [] } });
  const afterSignOut = await replay.get(ZONE_QUERY);
  expect(afterSignOut.status()).toBe(401);
  expect(kept(afterSignOut)).toBe(false);
});

test("an account that must first change its password gets the refusal, not a kept answer", async ({
  baseURL,
}) => {
  const origin = ownOrigin(baseURL);
  const admin = await apiSignIn(baseURL, demoAccount("admin").email, DEMO_PASSWORD);
  // The admin's answer is kept; another admin's account in the same scope, but held, is refused.
  await ask(admin);
  expect(kept(await ask(admin))).toBe(true);
  const email = `kept-held-${Date.now()}@demo.local`;
  const password = "kept-held-official-2026";
  const created = await admin.post("/api/trpc/user.create", {
    headers: { origin, "content-type": "application/json" },
    data: { json: { email, name: "待改密", role: "admin", password, mustChangePassword: true } },
  });
  expect(created.status(), await created.text()).toBe(200);
  const held = await apiSignIn(baseURL, email, password);
  const refused = await held.get(ZONE_QUERY);
  expect(refused.status()).toBe(403);
  expect(kept(refused)).toBe(false);
});
