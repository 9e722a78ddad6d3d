import { readFile } from "node:fs/promises";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { BUILT_IN_ZONES, THEMES } from "@zones/domain";

import { expectNoSeriousViolations, switchToEnglish } from "./a11y";
import { chartTable, signInAs } from "./fixtures";

/** The demo's zones: the built-in catalogue it is seeded with (both batches, all reporting in 2026Q2). */
const DEMO_ZONE_CODES = BUILT_IN_ZONES.map((zone) => zone.code);
const ZONE_COUNT = DEMO_ZONE_CODES.length;

/**
 * The zone and indicator dashboards. Exact figures stay at 2026Q2 or earlier: specs that run before this
 * one may approve more of 2026Q3.
 */

const ZONE_URL = "/zones/HB-HS?from=2025Q3&to=2026Q2";

function zoneChart(page: Page, indicatorCode: string): Locator {
  return page.locator(`[data-testid="zone-indicator"][data-indicator="${indicatorCode}"]`);
}

/**
 * A small multiple scrolled into view, as a reader does: each is drawn only within half a screen of the
 * viewport (its frame, title and table are there before).
 */
async function shownZoneChart(page: Page, indicatorCode: string): Promise<Locator> {
  const frame = zoneChart(page, indicatorCode);
  await frame.scrollIntoViewIfNeeded();
  return frame;
}

/** The accessible table under a chart: header texts and body rows (row header + cells), as shown. */
async function readTable(frame: Locator): Promise<{ columns: string[]; rows: string[][] }> {
  const table = await chartTable(frame);
  const columns = await table.locator("thead th").allTextContents();
  const rows = await table
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? "")));
  return { columns, rows };
}

/** The first value column of a chart's table (the zone's values), as numbers. */
async function firstSeries(frame: Locator): Promise<(number | null)[]> {
  const { rows } = await readTable(frame);
  return rows.map((row) => toNumber(row[1] ?? ""));
}

/** "1,984.52" → 1984.52; "—" → null. */
function toNumber(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === "—" || trimmed === "" ? null : Number(trimmed.replace(/,/g, ""));
}

test.describe("zone dashboard", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, "viewer");
  });

  test("shows every theme and the GDP chart: one zone line of four points with the peer band", async ({
    page,
  }) => {
    await page.goto(ZONE_URL);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("湖北黄石");
    await expect(page.getByTestId("member-cities")).toHaveText("黄石");
    for (const theme of THEMES) {
      await expect(page.getByRole("heading", { level: 2, name: theme.name.zh, exact: true })).toBeVisible();
    }
    await expect(page.getByRole("link", { name: "地区生产总值", exact: true })).toHaveAttribute(
      "href",
      "/indicators/gdp?highlight=HB-HS",
    );

    const gdp = await shownZoneChart(page, "gdp");
    await expect(gdp.locator("figcaption")).toHaveText("地区生产总值（亿元）");
    const chart = gdp.getByTestId("indicator-trend");
    await expect(chart).toHaveAttribute("data-series", "1");
    await expect(chart).toHaveAttribute("data-points", "4");
    await expect(chart.locator(".trend-line")).toHaveCount(1);
    await expect(chart.locator(".trend-dot")).toHaveCount(4);
    await expect(chart.locator(".trend-band")).toHaveCount(1);
    await expect(chart.locator(".trend-median")).toHaveCount(1);
    await expect(chart.locator(".trend-legend-item")).toHaveText([
      "黄石",
      "示范区四分位区间",
      "示范区中位数",
    ]);

    // Annual indicators say so; only reviewers and admins get the submitted-data switch.
    await expect(zoneChart(page, "rd-intensity").locator("figure")).toContainText("年度指标，仅四季度");
    await expect(page.getByTestId("include-submitted")).toHaveCount(0);
    await expect(page.getByText("包含已报送未审核数据")).toHaveCount(0);
  });

  test("单季值 puts the mode in the URL and changes the cumulative values", async ({ page }) => {
    await page.goto(ZONE_URL);
    const gdp = await shownZoneChart(page, "gdp");
    await expect(gdp.getByTestId("indicator-trend")).toHaveAttribute("data-points", "4");
    const ytd = await firstSeries(gdp);
    expect(ytd).toHaveLength(4);
    expect(ytd.every((value) => value !== null && value > 0)).toBe(true);
    await expect(page.getByTestId("mode-hint")).toContainText("增速、比重");

    await page.getByRole("radio", { name: "单季值" }).check();
    await expect(page).toHaveURL(/mode=single/);
    await expect(page).toHaveURL(/from=2025Q3&to=2026Q2/);
    await expect(page.getByRole("radio", { name: "单季值" })).toBeChecked();
    await expect.poll(() => firstSeries(gdp)).not.toEqual(ytd);
    const single = await firstSeries(gdp);
    // 2025Q3 single = Q1–Q3 minus H1, smaller than the year to date; a Q1 is the same either way.
    expect(single[0]).toBeLessThan(ytd[0] ?? 0);
    expect(single[2]).toBe(ytd[2]);
    await expect(gdp.locator("figure")).toContainText("单季值");
    // Growth rates cannot be split into quarters: the same numbers, and the frame says so.
    await expect(zoneChart(page, "gdp-growth").locator("figure")).toContainText("不能拆分为单季");

    // The URL alone reopens the single-quarter view.
    await page.goto(page.url());
    await expect(page.getByRole("radio", { name: "单季值" })).toBeChecked();
    expect(await firstSeries(zoneChart(page, "gdp"))).toEqual(single);
  });

  test("the chart's CSV holds the numbers of the accessible table", async ({ page }) => {
    await page.goto(ZONE_URL);
    const gdp = await shownZoneChart(page, "gdp");
    await expect(gdp.getByTestId("indicator-trend")).toHaveAttribute("data-points", "4");
    const table = await readTable(gdp);
    expect(table.columns).toEqual(["季度", "黄石", "示范区第25百分位", "示范区中位数", "示范区第75百分位"]);
    expect(table.rows.map((row) => row[0])).toEqual(["2025Q3", "2025Q4", "2026Q1", "2026Q2"]);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      gdp.getByTestId("download-csv").click(),
    ]);
    expect(download.suggestedFilename()).toBe("zone-HB-HS-gdp-2025Q3-2026Q2.csv");
    const path = await download.path();
    const text = (await readFile(path)).toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter((line) => line !== "");
    const [header, ...rows] = lines.map((line) => line.split(","));
    expect(header).toEqual(table.columns);
    expect(rows).toHaveLength(table.rows.length);
    rows.forEach((row, r) => {
      const shown = table.rows[r] ?? [];
      expect(row[0]).toBe(shown[0]);
      const csvNumbers = row.slice(1).map((cell) => (cell === "" ? null : Number(cell)));
      expect(csvNumbers).toEqual(shown.slice(1).map(toNumber));
      expect(csvNumbers.every((value) => value !== null && Number.isFinite(value))).toBe(true);
    });
  });

  test("a malformed quarter falls back to the default range with a notice", async ({ page }) => {
    const response = await page.goto("/zones/HB-HS?from=2026Q9");
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("selection-notice")).toContainText("2026Q9");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("湖北黄石");
    // The default: twelve quarters up to the newest approved one.
    const chart = (await shownZoneChart(page, "gdp")).getByTestId("indicator-trend");
    await expect(chart).toHaveAttribute("data-series", "1");
    expect(Number(await chart.getAttribute("data-points"))).toBeGreaterThanOrEqual(11);
    const from = await page.getByTestId("range-from").inputValue();
    const to = await page.getByTestId("range-to").inputValue();
    expect(from).toMatch(/^\d{4}Q[1-4]$/);
    expect(to >= "2026Q2").toBe(true);
  });

  test("a reversed range is swapped and says so", async ({ page }) => {
    await page.goto("/zones/HB-HS?from=2026Q2&to=2025Q3");
    await expect(page.getByTestId("selection-notice")).toContainText("对调");
    await expect(page.getByTestId("range-from")).toHaveValue("2025Q3");
    await expect(page.getByTestId("range-to")).toHaveValue("2026Q2");
    await expect((await shownZoneChart(page, "gdp")).getByTestId("indicator-trend")).toHaveAttribute(
      "data-points",
      "4",
    );
  });

  test("an unknown zone gets the not-found page, which links back to the overview", async ({ page }) => {
    const response = await page.goto("/zones/XX-YY");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    await page.getByRole("link", { name: "返回总览" }).click();
    await expect(page.getByTestId("zone-card")).toHaveCount(ZONE_COUNT);

    const indicator = await page.goto("/indicators/no-such-indicator");
    expect(indicator?.status()).toBe(404);
  });

  test("draws a small multiple only as it nears the viewport, its table there before", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(ZONE_URL);
    const frames = page.getByTestId("zone-indicator");
    await expect(frames.first()).toBeAttached();
    const count = await frames.count();
    expect(count).toBeGreaterThan(20);
    const last = frames.last();
    // The page has settled: the charts within half a screen of the top are drawn (or none is, on a short
    // screen) and the last one, several screens down, is not; its table waits behind its disclosure.
    await page.waitForLoadState("networkidle");
    await expect(last.getByTestId("deferred-chart")).toHaveAttribute("data-drawn", "false");
    await expect(last.locator("details summary")).toBeAttached();
    await expect(last.locator("table")).toHaveCount(0);
    const drawnOnLoad = await page.locator('[data-testid="deferred-chart"][data-drawn="true"]').count();
    expect(drawnOnLoad).toBeLessThan(count / 2);
    await last.scrollIntoViewIfNeeded();
    await expect(last.getByTestId("deferred-chart")).toHaveAttribute("data-drawn", "true");
    await expect(last.getByTestId("indicator-trend")).toBeVisible();
  });

  test("does not prefetch its forty indicator links; a click still opens the indicator", async ({ page }) => {
    const prefetched: string[] = [];
    page.on("request", (request) => {
      if (request.headers()["next-router-prefetch"]) prefetched.push(new URL(request.url()).pathname);
    });
    await page.goto(ZONE_URL);
    const links = page.locator(".indicator-links a");
    expect(await links.count()).toBeGreaterThan(20);
    await page.waitForLoadState("networkidle");
    expect(prefetched.filter((path) => path.startsWith("/indicators/"))).toEqual([]);
    await links.first().click();
    await expect(page).toHaveURL(/\/indicators\/[^?]+\?.*highlight=HB-HS/);
  });

  test("has no serious accessibility violations, in Chinese and in English", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(ZONE_URL);
    await expect((await shownZoneChart(page, "gdp")).locator(".trend-dot")).toHaveCount(4);
    await expectNoSeriousViolations(page);

    await switchToEnglish(page);
    await expect(page.getByRole("heading", { level: 2, name: "Economic growth" })).toBeVisible();
    await expect((await shownZoneChart(page, "gdp")).locator(".trend-dot")).toHaveCount(4);
    await expectNoSeriousViolations(page);
  });
});

test.describe("indicator dashboard", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, "viewer");
  });

  const trendChart = (page: Page) => page.getByTestId("trend-section").getByTestId("indicator-trend");
  const zoneBox = (page: Page, code: string) =>
    page.getByTestId("zone-picker").locator(`input[type="checkbox"][value="${code}"]`);
  const shortName = (code: string | undefined) =>
    BUILT_IN_ZONES.find((zone) => zone.code === code)?.shortName.zh ?? "";
  /** The ranking's first four zones, best first (its links to the zone pages, in rank order). */
  const leadersOf = async (page: Page): Promise<[string, string, string, string]> => {
    const links = page.getByTestId("ranking-links").getByRole("link");
    await expect(links).toHaveCount(ZONE_COUNT);
    const hrefs = await links.evaluateAll((anchors) =>
      anchors.map((anchor) => anchor.getAttribute("href") ?? ""),
    );
    const [a = "", b = "", c = "", d = ""] = hrefs.map((href) => href.replace("/zones/", ""));
    return [a, b, c, d];
  };

  test("ranks every zone and draws one trend line per selected zone", async ({ page }) => {
    await page.goto("/indicators/gdp?quarter=2026Q2");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("地区生产总值");
    await expect(page.getByTestId("indicator-meta")).toContainText("亿元");
    await expect(page.getByTestId("indicator-meta")).toContainText("数值越高越好");

    const ranking = page.getByTestId("zone-ranking");
    await expect(ranking).toHaveAttribute("data-points", String(ZONE_COUNT));
    await expect(ranking.locator(".zone-ranking-bar")).toHaveCount(ZONE_COUNT);
    await expect(page.getByTestId("quarter-select")).toHaveValue("2026Q2");
    const links = page.getByTestId("ranking-links").getByRole("link");
    await expect(links).toHaveCount(ZONE_COUNT);
    await expect(page.getByTestId("ranking-links").getByRole("link", { name: "黄石" })).toHaveAttribute(
      "href",
      "/zones/HB-HS",
    );

    // By default the four leaders of the ranking (best first): as many checked boxes as lines.
    const leaders = await leadersOf(page);
    const checked = page.getByTestId("zone-picker").getByRole("checkbox", { checked: true });
    await expect(checked).toHaveCount(4);
    for (const code of leaders) await expect(zoneBox(page, code)).toBeChecked();
    await expect(trendChart(page)).toHaveAttribute("data-series", "4");
    await expect(trendChart(page).locator(".trend-line")).toHaveCount(4);
    await expect(trendChart(page).locator(".trend-legend-item").first()).toHaveText(shortName(leaders[0]));

    const another = DEMO_ZONE_CODES.find((code) => !leaders.includes(code)) ?? "";
    await zoneBox(page, another).check();
    await expect(page).toHaveURL(new RegExp(`zones=${[...leaders, another].join(",")}`));
    await expect(checked).toHaveCount(5);
    await expect(trendChart(page)).toHaveAttribute("data-series", "5");
    await expect(trendChart(page).locator(".trend-line")).toHaveCount(5);

    await zoneBox(page, leaders[0]).uncheck();
    await expect(checked).toHaveCount(4);
    await expect(trendChart(page).locator(".trend-line")).toHaveCount(4);

    // The distribution chart spans all zones and highlights the first selected one.
    const band = page.getByTestId("distribution-section").getByTestId("distribution-band");
    await expect(band).toHaveAttribute("data-highlight-points", /^[1-9]\d*$/);
    await expect(page.getByTestId("distribution-section")).toContainText(shortName(leaders[1]));
  });

  test("from a zone's page, that zone leads the trend lines and is the distribution's highlight", async ({
    page,
  }) => {
    await page.goto("/zones/SX-CZ");
    await page
      .getByRole("navigation", { name: "各指标详情" })
      .getByRole("link", { name: "地区生产总值", exact: true })
      .click();
    await expect(page).toHaveURL(/\/indicators\/gdp\?highlight=SX-CZ$/);
    await expect(zoneBox(page, "SX-CZ")).toBeChecked();
    await expect(page.getByTestId("zone-picker").getByRole("checkbox", { checked: true })).toHaveCount(4);
    await expect(trendChart(page).locator(".trend-legend-item").first()).toHaveText(shortName("SX-CZ"));
    await expect(page.getByTestId("distribution-section")).toContainText(shortName("SX-CZ"));
  });

  test("a copied URL with zones and range reopens the same selection", async ({ page, context }) => {
    await page.goto("/indicators/gdp");
    const [first, second, third, fourth] = await leadersOf(page);
    const added = DEMO_ZONE_CODES.find((code) => ![first, second, third, fourth].includes(code)) ?? "";
    const kept = [third, fourth, added];
    await zoneBox(page, first).uncheck();
    await zoneBox(page, second).uncheck();
    await zoneBox(page, added).check();
    const zonesInUrl = new RegExp(`zones=${kept.join(",")}`);
    await expect(page).toHaveURL(zonesInUrl);
    await page.getByTestId("range-from").selectOption("2024Q1");
    await expect(page).toHaveURL(/from=2024Q1/);
    await page.getByTestId("range-to").selectOption("2025Q4");
    await expect(page).toHaveURL(/to=2025Q4/);
    await expect(page).toHaveURL(zonesInUrl);
    await expect(trendChart(page)).toHaveAttribute("data-series", "3");
    await expect(trendChart(page)).toHaveAttribute("data-points", String(3 * 8));

    const copied = page.url();
    const other = await context.newPage();
    await other.goto(copied);
    await expect(other.getByTestId("range-from")).toHaveValue("2024Q1");
    await expect(other.getByTestId("range-to")).toHaveValue("2025Q4");
    for (const code of DEMO_ZONE_CODES) {
      const box = zoneBox(other, code);
      if (kept.includes(code)) await expect(box).toBeChecked();
      else await expect(box).not.toBeChecked();
    }
    await expect(trendChart(other)).toHaveAttribute("data-series", "3");
    await expect(trendChart(other)).toHaveAttribute("data-points", String(3 * 8));
    await expect(trendChart(other).locator(".trend-legend-item").first()).toHaveText(shortName(third));
  });

  test("unknown zone codes in the URL are dropped with a notice", async ({ page }) => {
    await page.goto("/indicators/gdp?zones=HB-HS,XX-YY");
    await expect(page.getByTestId("selection-notice")).toContainText("XX-YY");
    await expect(trendChart(page)).toHaveAttribute("data-series", "1");
  });

  test("has no serious accessibility violations, in Chinese and in English", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto("/indicators/gdp?quarter=2026Q2");
    await expect(page.getByTestId("zone-ranking").locator(".zone-ranking-bar")).toHaveCount(ZONE_COUNT);
    await expect(trendChart(page).locator(".trend-line")).toHaveCount(4);
    await expectNoSeriousViolations(page);

    await switchToEnglish(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("GDP (current prices)");
    await expect(page.getByTestId("zone-ranking").locator(".zone-ranking-bar")).toHaveCount(ZONE_COUNT);
    await expect(trendChart(page).locator(".trend-line")).toHaveCount(4);
    await expectNoSeriousViolations(page);
  });
});

test("the viewer goes from the overview to a zone, to one of its indicators, then to the comparison", async ({
  page,
}) => {
  await signInAs(page, "viewer");
  await page
    .locator('[data-testid="zone-card"][data-zone="HB-HS"]')
    .getByRole("link", { name: /黄石/ })
    .click();
  await expect(page).toHaveURL(/\/zones\/HB-HS/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("黄石");
  await page.getByRole("link", { name: "研究与试验发展经费投入强度", exact: true }).first().click();
  await expect(page).toHaveURL(/\/indicators\/rd-intensity/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("研究与试验发展经费投入强度");
  await page.getByTestId("site-nav").getByRole("link", { name: "对比" }).click();
  await expect(page).toHaveURL(/\/compare/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("示范区对比");
  await expect(page.getByTestId("indicator-trend").first()).toBeVisible();
});
