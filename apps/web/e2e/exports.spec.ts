import { expect, test } from "@playwright/test";

import { signInAs } from "./fixtures";

/** The on-demand export endpoint, as a signed-in viewer's browser calls it. */
test("a viewer downloads a CSV export: BOM, CRLF, Chinese headers, approved rows only", async ({ page }) => {
  await signInAs(page, "viewer");
  const response = await page.request.get(
    "/api/exports?zones=HB-HS&indicators=gdp,urban-unemployment&from=2025Q1&to=2025Q4&format=csv&lang=zh",
  );
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(
    /attachment; filename="zones-export-HB-HS-[\w.-]+\.csv"/,
  );
  expect(response.headers()["x-export-rows"]).toBe("8");
  const bytes = await response.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").split("\r\n").filter(Boolean);
  expect(lines[0]).toBe("示范区代码,示范区,指标代码,指标,单位,季度,数值,状态,修订次数,数据性质,上报说明");
  expect(lines).toHaveLength(1 + 8);
  expect(lines.slice(1).every((line) => line.startsWith("HB-HS,") && line.includes(",已审核,"))).toBe(true);

  // A viewer may not ask for unapproved data; a reversed range is refused naming the field.
  const submitted = await page.request.get(
    "/api/exports?zones=HB-HS&indicators=gdp&from=2026Q3&to=2026Q3&statuses=approved,submitted",
  );
  expect(submitted.status()).toBe(403);
  const reversed = await page.request.get("/api/exports?zones=HB-HS&indicators=gdp&from=2026Q2&to=2025Q1");
  expect(reversed.status()).toBe(400);
  expect(await reversed.text()).toMatch(/to/);
});

test("signed out, the export endpoint answers 401", async ({ request }) => {
  const response = await request.get("/api/exports?zones=HB-HS&indicators=gdp&from=2025Q1&to=2025Q4");
  expect(response.status()).toBe(401);
});

test("downloads reach the browser as they are, never gzipped by the app; pages still are", async ({
  page,
}) => {
  await signInAs(page, "official");
  const gzip = { headers: { "accept-encoding": "gzip" } };
  const exported = await page.request.get(
    "/api/exports?zones=HB-HS&indicators=gdp,urban-unemployment&from=2020Q1&to=2026Q2&format=csv&lang=en",
    gzip,
  );
  // CSV, a type the app would gzip (an XLSX, a ZIP already, it leaves alone by its type).
  const template = await page.request.get(
    "/api/templates?zones=HB-HS&from=2026Q3&to=2026Q3&format=csv",
    gzip,
  );
  for (const download of [exported, template]) {
    expect(download.status()).toBe(200);
    expect(download.headers()["cache-control"]).toBe("no-store, no-transform");
    expect(download.headers()["content-encoding"]).toBeUndefined();
    // Text, and above the size from which the app compresses what it may.
    expect(download.headers()["content-type"]).toMatch(/^text\/csv/);
    expect((await download.body()).length).toBeGreaterThan(1024);
  }
  const overview = await page.request.get("/", gzip);
  expect(overview.status()).toBe(200);
  expect(overview.headers()["content-encoding"]).toBe("gzip");
});
