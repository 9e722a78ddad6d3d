import { readFile } from "node:fs/promises";
import { expect, type Locator, type Page, test } from "@playwright/test";

import { expectNoSeriousViolations, switchToEnglish } from "./a11y";
import { signInAs } from "./fixtures";

/**
 * The comparison page. Exact figures stay at 2026Q2 or earlier: specs that run before this one may
 * approve more of 2026Q3.
 */

const VIEW = "/compare?zones=HB-HS,SD-ZB&indicators=gdp,gdp-growth&from=2025Q3&to=2026Q2&mode=ytd";

function chartOf(page: Page, indicatorCode: string): Locator {
  return page.locator(`.compare-chart[data-indicator="${indicatorCode}"]`);
}

/** Two zones' lines of four quarters each, on both charts. */
async function expectTwoByFour(page: Page) {
  const trends = page.getByTestId("indicator-trend");
  await expect(trends).toHaveCount(2);
  for (const code of ["gdp", "gdp-growth"]) {
    const trend = chartOf(page, code).getByTestId("indicator-trend");
    await expect(trend).toHaveAttribute("data-series", "2");
    await expect(trend).toHaveAttribute("data-points", "8");
    for (const zone of ["HB-HS", "SD-ZB"]) {
      await expect(trend.locator(`path.trend-line[data-key="${zone}"]`)).toHaveCount(1);
      await expect(trend.locator(`.trend-dot[data-key="${zone}"]`)).toHaveCount(4);
    }
  }
}

/** "1,984.52" → 1984.52; "—" or "" → null. */
function toNumber(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === "—" || trimmed === "" ? null : Number(trimmed.replace(/,/g, ""));
}

/** RFC 4180 fields (quotes doubled inside quoted fields), CRLF records, after the byte order mark. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\r" && body[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += char;
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  return records;
}

test.describe("compare", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, "viewer");
  });

  test("from the defaults to two zones on GDP and its growth: a chart per indicator, a line per zone", async ({
    page,
  }) => {
    await page.getByTestId("site-nav").getByRole("link", { name: "对比", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("示范区对比");
    // The defaults, written into the address bar so that the link reopens them.
    await expect(page).toHaveURL(/zones=HB-HS,SD-ZB&indicators=gdp,gdp-growth,rd-intensity&from=\d{4}Q\d/);
    await expect(page.getByTestId("indicator-trend")).toHaveCount(3);
    const zones = page.getByTestId("zone-picker");
    await expect(zones.getByLabel("黄石")).toBeChecked();
    await expect(zones.getByLabel("淄博")).toBeChecked();

    const indicators = page.getByTestId("indicator-picker");
    await indicators.locator("summary").click();
    await indicators.getByLabel("研究与试验发展经费投入强度").uncheck();
    await expect(page).toHaveURL(/indicators=gdp,gdp-growth&/);
    await page.getByTestId("range-from").selectOption("2025Q3");
    await expect(page).toHaveURL(/from=2025Q3/);
    await page.getByTestId("range-to").selectOption("2026Q2");
    await expect(page).toHaveURL(/to=2026Q2/);
    await expectTwoByFour(page);
    await expect(chartOf(page, "gdp").locator("figcaption")).toHaveText(
      "地区生产总值 · 2025年第三季度—2026年第二季度",
    );

    // The side-by-side table: each indicator's 2026Q2 values, zones in the order chosen.
    const latest = page.getByTestId("compare-latest");
    await expect(latest.locator("thead th")).toHaveText(["指标", "季度", "黄石", "淄博"]);
    await expect(latest.locator('tr[data-indicator="gdp"] td').first()).toHaveText("2026年第二季度");

    // The URL alone reopens the same view.
    const url = page.url();
    expect(url).toContain("zones=HB-HS,SD-ZB&indicators=gdp,gdp-growth&from=2025Q3&to=2026Q2&mode=ytd");
    await page.goto("/");
    await page.goto(url);
    await expectTwoByFour(page);
    await expect(page.getByTestId("range-from")).toHaveValue("2025Q3");
    await expect(page.getByTestId("range-to")).toHaveValue("2026Q2");
    await expect(page.getByTestId("mode-switch").getByLabel("累计值（按报告口径）")).toBeChecked();
  });

  test("a chart's CSV holds the numbers of its accessible table", async ({ page }) => {
    await page.goto(VIEW);
    await expectTwoByFour(page);
    const frame = chartOf(page, "gdp").getByTestId("chart-frame");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      frame.getByTestId("download-csv").click(),
    ]);
    expect(download.suggestedFilename()).toBe("compare-HB-HS_SD-ZB-gdp-2025Q3-2026Q2.csv");
    const path = await download.path();
    const csv = parseCsv(await readFile(path, "utf8"));

    await frame.locator("summary").click();
    const table = frame.locator("details table");
    await expect(table).toBeVisible();
    const columns = await table.locator("thead th").allTextContents();
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? "")));

    expect(columns).toEqual(["季度", "黄石（亿元）", "淄博（亿元）"]);
    expect(csv[0]).toEqual(columns);
    expect(rows.map((row) => row[0])).toEqual(["2025Q3", "2025Q4", "2026Q1", "2026Q2"]);
    expect(csv.slice(1).map((record) => record[0])).toEqual(rows.map((row) => row[0]));
    const csvNumbers = csv.slice(1).map((record) => record.slice(1).map((cell) => toNumber(cell)));
    const tableNumbers = rows.map((row) => row.slice(1).map((cell) => toNumber(cell)));
    expect(csvNumbers).toEqual(tableNumbers);
    expect(csvNumbers.flat().every((value) => value !== null && value > 0)).toBe(true);
  });

  test("a fifth zone is refused, fewer than two zones asks for more, and a five-zone link is cut to four", async ({
    page,
  }) => {
    await page.goto(VIEW);
    const zones = page.getByTestId("zone-picker");
    await zones.getByLabel("长治").check();
    await expect(page).toHaveURL(/zones=HB-HS,SD-ZB,SX-CZ&/);
    await zones.getByLabel("唐山").check();
    await expect(page).toHaveURL(/zones=HB-HS,SD-ZB,SX-CZ,HE-TS&/);
    await expect(chartOf(page, "gdp").getByTestId("indicator-trend")).toHaveAttribute("data-series", "4");

    await zones.getByLabel("自贡").click();
    await expect(page.getByTestId("selection-limit")).toContainText("最多同时对比 4 个示范区");
    await expect(zones.getByLabel("自贡")).not.toBeChecked();
    await expect(page).toHaveURL(/zones=HB-HS,SD-ZB,SX-CZ,HE-TS&/);

    for (const name of ["长治", "唐山", "淄博"]) {
      await zones.getByLabel(name).uncheck();
      await expect(zones.getByLabel(name)).not.toBeChecked();
    }
    await expect(page).toHaveURL(/zones=HB-HS&/);
    await expect(page.getByTestId("compare-prompt")).toContainText("请至少选择 2 个示范区");
    await expect(page.getByTestId("indicator-trend")).toHaveCount(0);

    // Opening that one-zone link asks for more without calling the comparison at all.
    const compareCalls: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("dashboard.compare")) compareCalls.push(request.url());
    });
    await page.reload();
    await expect(page.getByTestId("compare-prompt")).toBeVisible();
    expect(compareCalls).toEqual([]);

    const response = await page.goto(
      "/compare?zones=HB-HS,SD-ZB,SX-CZ,HE-TS,SC-ZG&indicators=gdp,gdp-growth&from=2025Q3&to=2026Q2",
    );
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("selection-notice")).toContainText("超过 4 个");
    await expect(page).toHaveURL(/zones=HB-HS,SD-ZB,SX-CZ,HE-TS&/);
    await expect(zones.getByLabel("自贡")).not.toBeChecked();
    await expect(page.getByTestId("indicator-trend")).toHaveCount(2);
    for (const trend of await page.getByTestId("indicator-trend").all()) {
      await expect(trend).toHaveAttribute("data-series", "4");
      await expect(trend).toHaveAttribute("data-points", "16");
    }
  });

  test("bad values in the link fall back to a valid view with a notice", async ({ page }) => {
    const cases = [
      { url: "/compare?zones=HB-HS,NOPE&indicators=gdp", notice: "NOPE", series: "2" },
      {
        url: "/compare?zones=HB-HS,SD-ZB&indicators=gdp&from=2025Q5&to=2026Q2",
        notice: "2025Q5",
        series: "2",
      },
      {
        url: "/compare?zones=HB-HS,SD-ZB&indicators=gdp&from=2026Q2&to=2025Q3",
        notice: "已交换",
        series: "2",
      },
      {
        url: "/compare?zones=HB-HS,SD-ZB&indicators=gdp,nonsense&mode=monthly",
        notice: "monthly",
        series: "2",
      },
    ];
    for (const { url, notice, series } of cases) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(page.getByTestId("selection-notice")).toContainText(notice);
      await expect(page.getByTestId("selection-notice")).toHaveAttribute("role", "status");
      await expect(chartOf(page, "gdp").getByTestId("indicator-trend")).toHaveAttribute(
        "data-series",
        series,
      );
    }
    // The reversed range was swapped, not dropped.
    await page.goto("/compare?zones=HB-HS,SD-ZB&indicators=gdp&from=2026Q2&to=2025Q3");
    await expect(page).toHaveURL(/from=2025Q3&to=2026Q2/);
    await expect(chartOf(page, "gdp").getByTestId("indicator-trend")).toHaveAttribute("data-points", "8");
  });

  test("no serious accessibility violations on the comparison and the overview, in Chinese", async ({
    page,
  }) => {
    // Two pages and two axe scans: on a loaded 2-core CI machine this alone took past the default 30 s.
    test.setTimeout(90_000);
    for (const url of [VIEW, "/?quarter=2026Q2"]) {
      await page.goto(url);
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
      await expect(
        page.locator("[data-testid=indicator-trend], [data-testid=zone-ranking]").first(),
      ).toBeVisible();
      await expectNoSeriousViolations(page);
    }
  });

  test("no serious accessibility violations on the comparison and the overview, in English", async ({
    page,
  }) => {
    // Two pages and two axe scans: on a loaded 2-core CI machine this alone took past the default 30 s.
    test.setTimeout(90_000);
    await switchToEnglish(page);
    for (const url of ["/?quarter=2026Q2", VIEW]) {
      await page.goto(url);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(
        page.locator("[data-testid=indicator-trend], [data-testid=zone-ranking]").first(),
      ).toBeVisible();
      await expectNoSeriousViolations(page);
    }
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare zones");
  });
});
