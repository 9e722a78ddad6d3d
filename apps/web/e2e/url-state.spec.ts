import { expect, type Page, test } from "@playwright/test";

import { signInAs } from "./fixtures";

/**
 * One rule for a quarter in any URL (see `readQuarterInUrl`): a quarter spelt otherwise than canonically
 * redirects to the canonical URL (same path, every other parameter kept); something that is not a quarter
 * at all is a 404 in a path segment, and an ignored parameter, named in the page's notice, in a query.
 * Read-only: the admin may open every page here.
 */

async function redirectOf(page: Page, path: string): Promise<{ status: number; location: string | null }> {
  const response = await page.request.get(path, { maxRedirects: 0 });
  return { status: response.status(), location: response.headers().location ?? null };
}

test.describe("a quarter in a URL", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, "admin");
  });

  test("spelt otherwise, it redirects to the canonical URL, in a path and in a query alike", async ({
    page,
  }) => {
    const cases: [string, string][] = [
      ["/entry/HB-HS/2026q3", "/entry/HB-HS/2026Q3"],
      ["/entry/HB-HS/%202026Q3", "/entry/HB-HS/2026Q3"],
      ["/review/HB-HS/2026q3", "/review/HB-HS/2026Q3"],
      ["/zones/HB-HS?from=2025q3&to=2026Q2&mode=single", "/zones/HB-HS?from=2025Q3&to=2026Q2&mode=single"],
      [
        "/indicators/gdp?quarter=2026q2&zones=HB-HS,SD-ZB",
        "/indicators/gdp?quarter=2026Q2&zones=HB-HS,SD-ZB",
      ],
      [
        "/compare?zones=HB-HS,SD-ZB&indicators=gdp&from=2025q3&to=2026q2&mode=ytd",
        "/compare?zones=HB-HS,SD-ZB&indicators=gdp&from=2025Q3&to=2026Q2&mode=ytd",
      ],
      ["/review?status=submitted&quarter=2026q3", "/review?status=submitted&quarter=2026Q3"],
      ["/completeness?to=2025q3", "/completeness?to=2025Q3"],
      ["/exports?zones=HB-HS&from=2025q1&to=2025Q4", "/exports?zones=HB-HS&from=2025Q1&to=2025Q4"],
      ["/?quarter=2026q2&indicator=gdp", "/?quarter=2026Q2&indicator=gdp"],
    ];
    for (const [path, canonical] of cases) {
      expect.soft(await redirectOf(page, path), path).toEqual({ status: 307, location: canonical });
    }
    await page.goto("/zones/HB-HS?from=2025q3&to=2026Q2");
    await expect(page).toHaveURL(/\/zones\/HB-HS\?from=2025Q3&to=2026Q2$/);
    await expect(page.getByTestId("range-from")).toHaveValue("2025Q3");
    await expect(page.getByTestId("selection-notice")).toHaveCount(0);
  });

  test("not a quarter at all, it is a 404 in a path and an ignored parameter in a query", async ({
    page,
  }) => {
    for (const path of ["/entry/HB-HS/2026Q9", "/review/HB-HS/2026Q9", "/review/HB-HS/Q3"]) {
      expect.soft((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
    }
    await page.goto("/review?quarter=2026Q9");
    await expect(page.getByTestId("queue-notice")).toContainText("2026Q9");
    await page.goto("/completeness?to=2026Q9");
    await expect(page.getByText("2026Q9")).toBeVisible();
    await page.goto("/exports?from=2026Q9");
    await expect(page.getByTestId("exports-notice")).toContainText("from=2026Q9");
  });
});
