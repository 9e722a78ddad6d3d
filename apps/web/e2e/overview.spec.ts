import { expect, test } from "@playwright/test";
import { ZONES } from "@zones/domain";

import { signInAs } from "./fixtures";

test.describe("overview", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, "viewer");
  });

  test("shows the twelve zones and a ranking chart with data, in Chinese then English and back", async ({
    page,
  }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("示范区总览");
    await expect(page.getByTestId("demo-banner")).toContainText("合成数据");

    const cards = page.getByTestId("zone-card");
    await expect(cards).toHaveCount(12);
    for (const zone of ZONES) {
      await expect(page.locator(`[data-zone="${zone.code}"] .zone-name`)).toHaveText(zone.name.zh);
    }

    const chart = page.getByTestId("zone-ranking");
    await expect(chart).toHaveAttribute("data-points", "12");
    await expect(chart.locator(".zone-ranking-bar")).toHaveCount(12);
    await expect(chart.locator("svg text", { hasText: "黄石" })).toBeVisible();

    await page.getByTestId("locale-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zones overview");
    for (const zone of ZONES) {
      await expect(page.locator(`[data-zone="${zone.code}"] .zone-name`)).toHaveText(zone.name.en);
    }
    await expect(chart.locator(".zone-ranking-bar")).toHaveCount(12);
    await expect(chart.locator("svg text", { hasText: "Huangshi" })).toBeVisible();

    // The choice sticks across a reload (cookie), then switches back.
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByTestId("locale-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("示范区总览");
  });

  test("keeps the quarter and indicator in the URL; the open quarter shows approved zones only", async ({
    page,
  }) => {
    await page.goto("/");
    await page.getByTestId("quarter-select").selectOption("2026Q3");
    await expect(page).toHaveURL(/quarter=2026Q3/);
    const chart = page.getByTestId("zone-ranking");
    await expect(chart).toHaveAttribute("data-points", "7");
    await expect(chart.locator(".zone-ranking-bar")).toHaveCount(7);

    await page.getByTestId("indicator-select").selectOption("urban-unemployment");
    await expect(page).toHaveURL(/indicator=urban-unemployment/);
    await expect(page.getByRole("heading", { level: 2, name: /城镇登记失业率/ })).toBeVisible();

    await page.goto("/?quarter=2026Q3&indicator=urban-unemployment");
    await expect(page.getByTestId("quarter-select")).toHaveValue("2026Q3");
    await expect(page.getByTestId("indicator-select")).toHaveValue("urban-unemployment");
  });

  test("a malformed quarter in the URL falls back to the default view with a notice", async ({ page }) => {
    const response = await page.goto("/?quarter=2025Q5&indicator=nonsense");
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("selection-notice")).toContainText("2025Q5");
    await expect(page.getByTestId("zone-card")).toHaveCount(12);
  });

  test("an unknown page gets a not-found page linking back to the overview", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    await page.getByRole("link", { name: "返回总览" }).click();
    await expect(page.getByTestId("zone-card")).toHaveCount(12);
  });
});

test("tRPC refuses a malformed quarter with BAD_REQUEST and a message naming the rule", async ({ page }) => {
  await signInAs(page, "viewer");
  const input = encodeURIComponent(JSON.stringify({ json: { quarter: "2025Q5" } }));
  const response = await page.request.get(`/api/trpc/overview.get?input=${input}`);
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(body.error.json.data.code).toBe("BAD_REQUEST");
  expect(body.error.json.message).toContain("quarter");
  expect(body.error.json.message).toContain("2025Q5");
});
