import { expect, test } from "@playwright/test";

import { unreachablePort } from "../playwright.config";

test("GET /api/health answers 200 with the database up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "up" });
});

test("GET /api/health answers 503 when the database cannot be reached", async ({ request }) => {
  const response = await request.get(`http://127.0.0.1:${unreachablePort}/api/health`);
  expect(response.status()).toBe(503);
  const body = await response.json();
  expect(body).toMatchObject({ status: "unavailable", database: "down" });
  // Why it is down (the address, the user, the driver's words) is for the log, not for anyone who asks.
  expect(Object.keys(body).sort()).toEqual(["database", "status"]);
  expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|unreachable|zones@/);
});

test("the browser's favicon request finds an icon, not a 404 on every page", async ({ page, request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  await page.goto("/login");
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /favicon\.ico/);
});
