import { expect, type Locator, type Page, test } from "@playwright/test";
import { BUILT_IN_ZONES } from "@zones/domain";

import { expectNoSeriousViolations } from "./a11y";
import { chartTable, signInAs } from "./fixtures";

/**
 * Peer groups (`?peers=`): the zone page's band, the indicator page's ranking and the overview's heat table
 * against a chosen group. Figures stay at 2026Q2 or earlier (earlier specs may approve more of 2026Q3);
 * catalogue.spec's SN-BJ reports from 2027Q1, so it counts in no group here.
 *
 * The demo's groups are the built-in catalogue's (both batches, all reporting in 2026Q2): central = SX-CZ,
 * AH-TL, HB-HS, HN-C, JX-PX, HA-W; old industrial = LN-C, JL-C, SD-ZB, HN-C, CQ-M, BJ-JX, LN-DL, HA-W.
 */
const CENTRAL = BUILT_IN_ZONES.filter((zone) => zone.region === "central").map((zone) => zone.code);
const OLD_INDUSTRIAL = BUILT_IN_ZONES.filter((zone) => zone.cityType === "old-industrial").map(
  (zone) => zone.code,
);
const FIRST_BATCH = BUILT_IN_ZONES.filter((zone) => zone.batch === 1);
const ZONE_URL = "/zones/HB-HS?from=2025Q3&to=2026Q2";

/** The GDP chart's band columns (25th, median, 75th percentile) from its accessible table. */
async function gdpBand(page: Page): Promise<string[][]> {
  const table = await chartTable(page.locator('[data-testid="zone-indicator"][data-indicator="gdp"]'));
  return table
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((row) => [...row.children].slice(2).map((cell) => cell.textContent ?? "")),
    );
}

function peerSelect(page: Page): Locator {
  return page.getByTestId("peer-select");
}

test.describe("peer groups", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, "viewer");
  });

  test("zone page: a region's band replaces every zone's, the caption says so, and the URL keeps it", async ({
    page,
  }) => {
    await page.goto(ZONE_URL);
    await expect(page.getByTestId("peer-caption")).toContainText("全部示范区");
    await expect(peerSelect(page)).toHaveValue("all");
    // The zone's own groups come first, as shortcuts.
    await expect(peerSelect(page).locator("optgroup").first()).toHaveAttribute("label", "本示范区所在组");
    // Counts of the zones table (catalogue.spec may have added a zone to a batch or a type; not to central).
    await expect(peerSelect(page).locator("optgroup").first().locator("option")).toHaveText([
      /^第1批示范区（\d+ 个）$/,
      /^资源型城市（\d+ 个）$/,
      `中部地区（${CENTRAL.length} 个）`,
    ]);
    const everyZone = await gdpBand(page);
    expect(everyZone).toHaveLength(4);
    const gdpHeader = page.locator('[data-testid="zone-indicator"][data-indicator="gdp"] table thead');
    await expect(gdpHeader).toContainText("示范区中位数");

    await peerSelect(page).selectOption("region-central");
    await expect(page).toHaveURL(/[?&]peers=region-central(&|$)/);
    await expect(page).toHaveURL(/from=2025Q3&to=2026Q2/);
    await expect(page.getByTestId("peer-caption")).toContainText("同地区（中部地区）中位区间");
    await expect.poll(() => gdpBand(page)).not.toEqual(everyZone);
    const central = await gdpBand(page);
    // The band's columns (and the chart's legend) name the group, not every zone.
    await expect(gdpHeader).toContainText("中部地区·中位数");
    await expect(gdpHeader).not.toContainText("示范区中位数");
    // The indicator links keep the group.
    await expect(page.getByRole("link", { name: "地区生产总值", exact: true })).toHaveAttribute(
      "href",
      "/indicators/gdp?highlight=HB-HS&peers=region-central",
    );

    await page.reload();
    await expect(peerSelect(page)).toHaveValue("region-central");
    await expect(page.getByTestId("peer-caption")).toContainText("同地区（中部地区）");
    expect(await gdpBand(page)).toEqual(central);

    // Back to every zone: the parameter leaves the URL.
    await peerSelect(page).selectOption("all");
    await expect(page.getByTestId("peer-caption")).toContainText("全部示范区");
    await expect(page).not.toHaveURL(/peers=/);
  });

  test("zone page: an unknown group in a link falls back to every zone and says so", async ({ page }) => {
    await page.goto(`${ZONE_URL}&peers=region-mars`);
    await expect(page.getByTestId("selection-notice")).toContainText("peers");
    await expect(peerSelect(page)).toHaveValue("all");
  });

  test("indicator page: the ranking against a city type or a batch lists that group's zones only", async ({
    page,
  }) => {
    await page.goto("/indicators/gdp?quarter=2026Q2");
    const ranking = page.getByTestId("ranking-links").locator("li");
    await expect(ranking).toHaveCount(BUILT_IN_ZONES.length);

    await peerSelect(page).selectOption("type-old-industrial");
    await expect(page).toHaveURL(/peers=type-old-industrial/);
    await expect(ranking).toHaveCount(OLD_INDUSTRIAL.length);
    const hrefs = await ranking.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs.map((href) => href?.split("?")[0]).sort()).toEqual(
      OLD_INDUSTRIAL.map((code) => `/zones/${code}`).sort(),
    );
    // Each ranked among the group: ranks 1 to its size, and the links keep the group.
    expect(await ranking.evaluateAll((items) => items.map((li) => li.getAttribute("value")))).toEqual(
      OLD_INDUSTRIAL.map((_, index) => String(index + 1)),
    );
    expect(hrefs.every((href) => href?.endsWith("?peers=type-old-industrial"))).toBe(true);
    await expect(page.getByTestId("peer-caption")).toContainText("同类型城市（老工业城市）");
    await expect(page.getByTestId("peer-caption")).toContainText(`列出 ${OLD_INDUSTRIAL.length} 个示范区`);
    // The spread over quarters is the group's too, and says so.
    await expect(page.getByTestId("distribution-section")).toContainText(
      "分布在同类型城市（老工业城市）中计算",
    );

    await peerSelect(page).selectOption("batch-1");
    await expect(page).toHaveURL(/peers=batch-1/);
    await expect(ranking).toHaveCount(FIRST_BATCH.length);
    await expect(page.getByTestId("peer-caption")).toContainText("同批次（第1批示范区）");
    await page.reload();
    await expect(peerSelect(page)).toHaveValue("batch-1");
  });

  test("overview: the heat table against a region lists its zones, ranked among them", async ({ page }) => {
    await page.goto("/?quarter=2026Q2&peers=region-central");
    const heat = page.getByTestId("percentile-heat-table");
    await expect(heat.locator("tbody tr")).toHaveCount(CENTRAL.length);
    await expect(page.getByTestId("peer-caption")).toContainText("同地区（中部地区）");
    const gdp = heat.locator('td.heat-cell[data-column="gdp"]');
    const percentiles = await gdp.evaluateAll((cells) =>
      cells.map((cell) => Number(cell.dataset.percentile)),
    );
    // The group's values ranked among themselves: percent_rank 0, 1/(n − 1), …, 1.
    const round = (p: number) => Math.round(p * 1000) / 1000;
    expect(percentiles.map(round).sort((a, b) => a - b)).toEqual(
      CENTRAL.map((_, index) => round(index / (CENTRAL.length - 1))),
    );
    await expect(heat.locator("tbody th a", { hasText: "黄石" })).toHaveAttribute(
      "href",
      "/zones/HB-HS?peers=region-central",
    );
    await peerSelect(page).selectOption("all");
    await expect(heat.locator("tbody tr")).toHaveCount(BUILT_IN_ZONES.length);
    await expect(page).not.toHaveURL(/peers=/);
  });
});

test.describe("peer groups on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the picker fits, is a 44 px target, and the pages pass axe", async ({ page }) => {
    // Three pages, each checked by axe at 390 px: near the default 30 s on a loaded machine.
    test.setTimeout(90_000);
    await signInAs(page, "viewer");
    for (const route of [
      "/zones/HB-HS?peers=region-central",
      "/indicators/gdp?peers=type-resource-based",
      "/?peers=region-central",
    ]) {
      await test.step(route, async () => {
        await page.goto(route);
        await page.waitForLoadState("networkidle");
        const select = peerSelect(page);
        await expect(select).toBeVisible();
        const box = await select.boundingBox();
        expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
        const width = await page.evaluate(() =>
          Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
        );
        expect(width, `${route}: document width`).toBeLessThanOrEqual(390);
        await expectNoSeriousViolations(page, { label: `${route}: axe` });
      });
    }
  });
});
