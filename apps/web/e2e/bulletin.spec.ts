import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { syntheticNumeric } from "@zones/db/seed";
import { BUILT_IN_ZONES, formatValue, getIndicator, toQuarter } from "@zones/domain";

import { signInAs } from "./fixtures";

/** The newest quarter every zone has approved in the e2e data (pinned to 2026-11-28). */
const QUARTER = "2026Q2";
/** Cover, contents, headline table, heat table, completeness, revisions: then a page per zone. */
const SUMMARY_PAGES = 6;
/** Printing a bulletin takes a few seconds; the first also starts Chromium. */
const PRINT_TIMEOUT = 150_000;

/** The PDF's text page by page (pdftotext), without whitespace: pdftotext spaces Chinese text unevenly. */
function pdfPages(pdf: Buffer): { pages: string[]; fonts: string } {
  const scratch = mkdtempSync(path.join(tmpdir(), "bulletin-"));
  try {
    const file = path.join(scratch, "bulletin.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" });
    const pages = text.split("\f").map((page) => page.replace(/\s+/g, ""));
    return { pages: pages.filter((page) => page !== ""), fonts };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** What the database holds for a zone, an indicator and the quarter (the seed's synthetic figure), as printed. */
function printed(zoneCode: string, indicatorCode: string, locale: "zh-CN" | "en"): string {
  const indicator = getIndicator(indicatorCode);
  const value = Number(syntheticNumeric(zoneCode, indicator, toQuarter(QUARTER)));
  return formatValue(value, indicator, locale).replace(/\s+/g, "");
}

test.describe("quarterly bulletin", () => {
  test("a reviewer opens the bulletin and downloads it as an A4 PDF with every zone, its figures and page numbers", async ({
    page,
  }) => {
    test.setTimeout(PRINT_TIMEOUT * 2);
    await signInAs(page, "reviewer", "/completeness");
    const downloads = page.getByTestId("bulletin-downloads");
    await expect(downloads.getByRole("link", { name: "查看通报" })).toHaveAttribute(
      "href",
      `/bulletin/${QUARTER}`,
    );
    await downloads.getByRole("link", { name: "查看通报" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("2026年第二季度");
    await expect(page.getByTestId("bulletin-zone")).toHaveCount(BUILT_IN_ZONES.length);
    await expect(page.locator("[data-bulletin-ready]")).toBeAttached({ timeout: 30_000 });
    await expect(
      page.getByTestId("bulletin-actions").getByRole("link", { name: "下载 PDF（中文）" }),
    ).toHaveAttribute("href", `/api/bulletins/${QUARTER}.pdf?lang=zh-CN`);

    const response = await page.request.get(`/api/bulletins/${QUARTER}.pdf?lang=zh-CN`, {
      timeout: PRINT_TIMEOUT,
    });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const pdf = await response.body();
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(30_000);

    const { pages, fonts } = pdfPages(pdf);
    const total = SUMMARY_PAGES + BUILT_IN_ZONES.length;
    expect(pages).toHaveLength(total);
    pages.forEach((text, index) => {
      expect(text).toContain(`第${index + 1}页/共${total}页`);
    });
    // Every font is embedded (Chromium embeds Debian's Noto CJK as glyph programs): none left to the reader.
    const embedded = fonts
      .split("\n")
      .map((line) => /\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line)?.[1])
      .filter((flag) => flag !== undefined);
    expect(embedded.length).toBeGreaterThan(0);
    expect(embedded.filter((flag) => flag !== "yes")).toEqual([]);
    // One page per zone, in catalogue order, with its Chinese name and its figures as the database holds them.
    BUILT_IN_ZONES.forEach((zone, index) => {
      const zonePage = pages[4 + index] ?? "";
      expect(zonePage).toContain(zone.name.zh.replace(/\s+/g, ""));
      expect(zonePage).toContain(printed(zone.code, "gdp", "zh-CN"));
      expect(zonePage).toContain(printed(zone.code, "gdp-growth", "zh-CN"));
    });
    expect(pages[2]).toContain(printed("HB-HS", "urban-unemployment", "zh-CN"));

    // A second download of the same data is the bulletin kept, not a new print.
    const again = await page.request.get(`/api/bulletins/${QUARTER}.pdf?lang=zh-CN`, {
      timeout: PRINT_TIMEOUT,
    });
    expect(again.status()).toBe(200);
    expect(Buffer.compare(await again.body(), pdf)).toBe(0);

    const english = await page.request.get(`/api/bulletins/${QUARTER}.pdf?lang=en`, {
      timeout: PRINT_TIMEOUT,
    });
    expect(english.status()).toBe(200);
    const en = pdfPages(await english.body()).pages;
    expect(en).toHaveLength(total);
    expect(en[0]).toContain("quarterlymonitoringbulletin");
    expect(en[4]).toContain("CentralLiaoning");
    expect(en[4]).toContain(printed("LN-C", "gdp", "en"));
    expect(en.at(-1)).toContain(`Page${total}of${total}`);
  });

  test("viewers and officials are refused the page and the PDF; a forged print token opens nothing", async ({
    page,
    browser,
  }) => {
    for (const role of ["viewer", "official"] as const) {
      const context = await browser.newContext();
      const other = await context.newPage();
      await signInAs(other, role);
      const opened = await other.goto(`/bulletin/${QUARTER}`);
      expect(opened?.status()).toBe(404);
      await expect(other.getByTestId("bulletin")).toHaveCount(0);
      const pdf = await other.request.get(`/api/bulletins/${QUARTER}.pdf?lang=zh-CN`);
      expect(pdf.status()).toBe(403);
      expect(await pdf.text()).toContain("只有审核员和管理员");
      await context.close();
    }
    const forged = await page.request.get(`/bulletin/${QUARTER}?lang=zh-CN`, {
      headers: { "x-zones-print-token": "eyJwYWdlIjoiYnVsbGV0aW4ifQ.forged" },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(307);
    expect(forged.headers().location).toContain("/login");
    const anonymous = await page.request.get(`/api/bulletins/${QUARTER}.pdf?lang=zh-CN`);
    expect(anonymous.status()).toBe(401);
  });

  test("a reviewer's bad file name or language is refused with a message naming it", async ({ page }) => {
    await signInAs(page, "reviewer");
    const badLanguage = await page.request.get(`/api/bulletins/${QUARTER}.pdf?lang=fr`);
    expect(badLanguage.status()).toBe(400);
    expect(await badLanguage.text()).toContain("lang");
    const badFile = await page.request.get("/api/bulletins/2026Q9.pdf");
    expect(badFile.status()).toBe(404);
    expect((await page.goto("/bulletin/2026Q9"))?.status()).toBe(404);
    expect((await page.goto("/bulletin/1949Q1"))?.status()).toBe(404);
    expect((await page.request.get("/api/bulletins/1949Q1.pdf")).status()).toBe(404);
  });
});
