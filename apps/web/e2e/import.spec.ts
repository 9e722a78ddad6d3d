import { expect, test } from "@playwright/test";
import { inlineRow, SHEET_HEAD, SHEET_TAIL, workbookZip } from "@zones/spreadsheets/testing";
import iconv from "iconv-lite";

import { signInAs } from "./fixtures";

/**
 * The admin fills Zigong's (SC-ZG, a half-filled draft in the demo) open quarter from a file: template
 * download, a GBK file with a bad row refused with its row and column, then the corrected file imported.
 */
test.describe.configure({ mode: "serial" });

const QUARTER = "2026Q3";
const HEADER = "示范区代码,示范区,季度,指标代码,指标,单位,数值,上报说明";

function gbkCsv(lines: string[]): Buffer {
  return iconv.encode(`${[HEADER, ...lines].join("\r\n")}\r\n`, "gbk");
}

test("download a template, get a bad row refused, then import the corrected file", async ({ page }) => {
  await signInAs(page, "admin", "/entry/import");
  await expect(page.getByRole("heading", { level: 1, name: "批量导入" })).toBeVisible();

  // Template: Zigong only, CSV, Chinese headers, UTF-8 with BOM.
  await page.getByLabel("辽宁中部 (LN-C)").uncheck();
  await page.getByLabel("自贡 (SC-ZG)").check();
  await page.getByLabel("格式").selectOption("csv");
  // Quarters are chosen from a list (no free text); a range that runs backwards is said, with no link.
  await expect(page.getByLabel("起始季度")).toHaveValue(QUARTER);
  await page.getByLabel("截止季度").selectOption({ label: "2026年第二季度" });
  await expect(page.getByTestId("template-error")).toHaveText("截止季度不能早于起始季度。");
  await expect(page.getByTestId("template-link")).toHaveCount(0);
  await page.getByLabel("截止季度").selectOption(QUARTER);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("template-link").click(),
  ]);
  expect(download.suggestedFilename()).toBe(`zones-template-SC-ZG-${QUARTER}.csv`);
  const bytes = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks));
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  expect(text.split("\r\n")[0]).toBe(HEADER);
  expect(text).toContain("自贡");

  // A GBK file with one unreadable value: refused with row 3, column 数值; nothing written.
  const upload = page.getByLabel("文件（CSV 或 XLSX，不超过 10 MB）");
  await upload.setInputFiles({
    name: "自贡.csv",
    mimeType: "text/csv",
    buffer: gbkCsv([
      `SC-ZG,自贡,${QUARTER},urban-unemployment,城镇登记失业率,%,5.1,`,
      `SC-ZG,自贡,${QUARTER},pm25,PM2.5平均浓度,µg/m³,三十,`,
    ]),
  });
  await page.getByRole("button", { name: "检查文件（不写入）" }).click();
  const errors = page.getByTestId("import-errors");
  await expect(errors).toContainText("1 个错误");
  await expect(errors.locator("tbody tr")).toHaveCount(1);
  await expect(errors.locator("tbody td").nth(0)).toHaveText("3");
  await expect(errors.locator("tbody td").nth(1)).toHaveText("数值");
  await expect(page.getByRole("button", { name: "确认导入" })).toBeDisabled();
  await expect(page.getByTestId("import-preview")).toContainText("编码：gb18030");

  // Corrected: both rows new, imported all at once.
  await upload.setInputFiles({
    name: "自贡.csv",
    mimeType: "text/csv",
    buffer: gbkCsv([
      `SC-ZG,自贡,${QUARTER},urban-unemployment,城镇登记失业率,%,5.1,`,
      `SC-ZG,自贡,${QUARTER},pm25,PM2.5平均浓度,µg/m³,"３２.５",监测站点调整`,
    ]),
  });
  await page.getByRole("button", { name: "检查文件（不写入）" }).click();
  await expect(page.getByTestId("import-lines").locator("tbody tr")).toHaveCount(2);
  await expect(page.getByTestId("import-lines")).toContainText("32.5");
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("import-done")).toContainText("1 份报表中的 2 项数值");

  // The next template carries the imported values.
  const [again] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("template-link").click(),
  ]);
  const refilled = await (await again.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks));
  expect(refilled.toString("utf8")).toMatch(/SC-ZG,[^,]*,2026Q3,pm25,[^\r\n]*,32\.5,监测站点调整/);
});

test("a decompression bomb is refused at once, and the server keeps answering", async ({ page, request }) => {
  await signInAs(page, "official", "/entry/import");
  // About 1.8 MB that inflates to 453 MB of sheet XML.
  const row = inlineRow(2, ["HB-HS", QUARTER, "gdp", "1"]);
  const bomb = workbookZip({ head: SHEET_HEAD, body: row.repeat(20_000), times: 400, tail: SHEET_TAIL });
  await page.getByLabel("文件（CSV 或 XLSX，不超过 10 MB）").setInputFiles({
    name: "炸弹.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(bomb),
  });
  const started = Date.now();
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.url().includes("/api/trpc/imports.preview")),
    page.getByRole("button", { name: "检查文件（不写入）" }).click(),
  ]);
  expect(response.status()).toBe(400);
  expect(Date.now() - started).toBeLessThan(2000);
  await expect(page.getByRole("alert").filter({ hasText: "解压后超过 50 MB" })).toBeVisible();
  expect((await request.get("/api/health")).ok()).toBe(true);
});
