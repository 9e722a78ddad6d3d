import { expect, test } from "@playwright/test";
import { BUILT_IN_ZONES, zonesReportingIn } from "@zones/domain";

import { signInAs } from "./fixtures";

/** The demo's zones: the built-in catalogue it is seeded with, both batches, all reporting from 2019Q4 on. */
const ZONE_COUNT = BUILT_IN_ZONES.length;
/** Approved in the demo's open quarter (2026Q3): 7 zones of the first batch, 4 of the second. */
const APPROVED_IN_OPEN_QUARTER = 7 + 4;

test.describe("overview", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, "viewer");
  });

  test("shows every zone of the catalogue and a ranking chart with data, in Chinese then English and back", async ({
    page,
  }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("示范区总览");
    await expect(page.getByTestId("demo-banner")).toContainText("合成数据");
    // Only officials get the list of forms waiting for them.
    await expect(page.getByTestId("waiting-for-you")).toHaveCount(0);

    const cards = page.getByTestId("zone-card");
    await expect(cards).toHaveCount(ZONE_COUNT);
    for (const zone of BUILT_IN_ZONES) {
      await expect(page.locator(`[data-zone="${zone.code}"] .zone-name`)).toHaveText(zone.name.zh);
    }

    const chart = page.getByTestId("zone-ranking");
    await expect(chart).toHaveAttribute("data-points", String(ZONE_COUNT));
    await expect(chart.locator(".zone-ranking-bar")).toHaveCount(ZONE_COUNT);
    await expect(chart.locator("svg text", { hasText: "黄石" })).toBeVisible();

    await page.getByTestId("locale-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zones overview");
    for (const zone of BUILT_IN_ZONES) {
      await expect(page.locator(`[data-zone="${zone.code}"] .zone-name`)).toHaveText(zone.name.en);
    }
    await expect(chart.locator(".zone-ranking-bar")).toHaveCount(ZONE_COUNT);
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
    await expect(chart).toHaveAttribute("data-points", String(APPROVED_IN_OPEN_QUARTER));
    await expect(chart.locator(".zone-ranking-bar")).toHaveCount(APPROVED_IN_OPEN_QUARTER);

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
    await expect(page.getByTestId("zone-card")).toHaveCount(ZONE_COUNT);
  });

  test("every card has a sparkline per headline figure and links to its zone page", async ({ page }) => {
    await page.goto("/?quarter=2026Q2");
    await expect(page.getByTestId("zone-card")).toHaveCount(ZONE_COUNT);
    for (const zone of BUILT_IN_ZONES) {
      const card = page.locator(`[data-testid="zone-card"][data-zone="${zone.code}"]`);
      await expect(card.locator(".zone-name")).toHaveAttribute("href", `/zones/${zone.code}`);
      // Eight quarters up to 2026Q2, every one approved.
      await expect(card.locator('.headline[data-indicator="gdp"] [data-testid="sparkline"]')).toHaveAttribute(
        "data-points",
        "8",
      );
      const figures = await card.locator(".headline").count();
      expect(figures).toBeGreaterThan(0);
      await expect(card.getByTestId("sparkline")).toHaveCount(figures);
    }
    await expect(
      // The sparkline's own SVG (the line inside is drawn in a nested, stretched one).
      page.locator('[data-zone="HB-HS"] .headline[data-indicator="gdp"] [data-testid="sparkline"] > svg'),
    ).toHaveAttribute(
      "aria-label",
      /^地区生产总值近八个季度走势（年初至报告期末累计）: 2024年第三季度 .+ – 2026年第二季度 1,400.52亿元$/,
    );
  });

  test("the heat table shows every zone's percentiles for a theme kept in the URL", async ({ page }) => {
    await page.goto("/?quarter=2026Q2");
    const heat = page.getByTestId("percentile-heat-table");
    await expect(heat.locator("tbody tr")).toHaveCount(ZONE_COUNT);
    await expect(heat.locator("caption")).toContainText("经济增长 · 2026年第二季度");
    await expect(heat.locator("thead th a").first()).toHaveAttribute("href", "/indicators/gdp");
    await expect(heat.locator("tbody th a", { hasText: "黄石" })).toHaveAttribute("href", "/zones/HB-HS");
    // Growth by default: eight quarterly indicators, every zone approved, so every cell has a percentile.
    await expect(heat.locator("thead th")).toHaveCount(8);
    const gdp = heat.locator('td.heat-cell[data-column="gdp"]');
    await expect(gdp).toHaveCount(ZONE_COUNT);
    const percentiles = (await gdp.evaluateAll((cells) => cells.map((cell) => cell.dataset.percentile))).map(
      Number,
    );
    expect(percentiles.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(Math.max(...percentiles)).toBe(1);
    expect(Math.min(...percentiles)).toBe(0);
    await expect(gdp.first()).toContainText("百分位");
    await expect(page.getByText("颜色越深表示在示范区中排名越靠前（已按指标方向调整）")).toBeVisible();

    // Lower is better for unemployment: the lowest rate has the highest percentile.
    await page.getByTestId("heat-themes").getByRole("link", { name: "民生就业" }).click();
    await expect(page).toHaveURL(/theme=livelihood/);
    const unemployment = heat.locator('td.heat-cell[data-column="urban-unemployment"]');
    await expect(unemployment).toHaveCount(ZONE_COUNT);
    const rates = await unemployment.evaluateAll((cells) =>
      cells.map((cell) => ({
        value: Number(cell.firstChild?.textContent),
        percentile: Number(cell.getAttribute("data-percentile")),
      })),
    );
    const lowest = Math.min(...rates.map((rate) => rate.value));
    for (const rate of rates.filter((candidate) => candidate.value === lowest)) {
      expect(rate.percentile).toBe(Math.max(...rates.map((candidate) => candidate.percentile)));
    }
  });

  test("annual indicators in the heat table show the last year end, or dashes before the first", async ({
    page,
  }) => {
    await page.goto("/?quarter=2026Q2&theme=livelihood");
    const heat = page.getByTestId("percentile-heat-table");
    await expect(heat.locator("tbody tr")).toHaveCount(ZONE_COUNT);
    // Annual indicators show the last year end in a Q1–Q3 quarter, and the theme stays in the URL.
    await page.getByTestId("quarter-select").selectOption("2026Q1");
    await expect(page).toHaveURL(/quarter=2026Q1.*theme=livelihood/);
    await page.getByTestId("heat-themes").getByRole("link", { name: "创新驱动" }).click();
    await expect(page).toHaveURL(/theme=innovation/);
    await expect(heat.locator("thead th")).toHaveCount(3);
    await expect(heat.locator("thead th").first()).toContainText("2025年");
    await expect(heat.locator("td.heat-cell[data-percentile]")).toHaveCount(ZONE_COUNT * 3);

    // Before the first year end there is nothing to show: dashes, no percentiles.
    // The zones reporting in 2017Q1 only: the second batch joins in 2019Q4.
    await page.goto("/?quarter=2017Q1&theme=innovation");
    const reporting = zonesReportingIn({ zones: BUILT_IN_ZONES }, "2017Q1").length;
    expect(reporting).toBeLessThan(ZONE_COUNT);
    await expect(heat.locator("td.heat-cell")).toHaveCount(reporting * 3);
    await expect(heat.locator("td.heat-cell[data-percentile]")).toHaveCount(0);
    await expect(heat.locator("td.heat-cell").first()).toHaveText("—");

    const response = await page.goto("/?quarter=2026Q2&theme=nonsense");
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("selection-notice")).toContainText("nonsense");
    await expect(heat.locator("thead th")).toHaveCount(8);
  });

  test("an unknown page gets a not-found page linking back to the overview", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    await page.getByRole("link", { name: "返回总览" }).click();
    await expect(page.getByTestId("zone-card")).toHaveCount(ZONE_COUNT);
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
