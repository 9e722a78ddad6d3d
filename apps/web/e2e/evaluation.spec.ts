import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";

import { expectNoSeriousViolations, switchToEnglish } from "./a11y";
import { signInAs } from "./fixtures";

/**
 * The annual evaluation of 2024 (the demo seeds and computes 2025 only): an admin keeps a rubric and computes
 * the year, a reviewer adjusts Huangshi's score with a reason and imports the member cities' figures, an admin
 * computes again (the member cities rated), then publishes, and Huangshi's page shows its ratings, the published
 * 2018 one included. The steps build on each other, in order.
 */
const YEAR = 2024;

/** The cells of a CSV line (quoted cells may hold commas and doubled quotes). */
function cells(line: string): string[] {
  const found: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quoted && char === '"' && line[index + 1] === '"') {
      cell += '"';
      index++;
    } else if (char === '"') quoted = !quoted;
    else if (char === "," && !quoted) {
      found.push(cell);
      cell = "";
    } else cell += char;
  }
  return [...found, cell];
}

/** A file of the template's required columns: year, member city, indicator, value. */
function cityFile(rows: string[][], value: (index: number) => string): Buffer {
  const lines = rows.map((row, index) => [row[0], row[3], row[5], value(index)].join(","));
  return Buffer.from(`\uFEFF年份,成员城市代码,指标代码,数值\r\n${lines.join("\r\n")}\r\n`);
}

test.describe
  .serial("the annual evaluation", () => {
    test("an admin keeps the rubric (a wrong weight refused, naming the field) and computes the year", async ({
      page,
    }) => {
      await signInAs(page, "admin", "/evaluation");
      await expect(page.getByRole("heading", { level: 1, name: "年度进展评估" })).toBeVisible();
      await expect(page.locator('[data-testid="evaluation-year-row"][data-year="2018"]')).toContainText(
        "已公布（历史录入）",
      );
      await page.goto(`/evaluation/${YEAR}/rubric`);
      await expect(page.getByTestId("rubric-template")).toBeVisible();
      const weights = page.getByTestId("rubric-dimension-weight");
      await expect(weights).toHaveCount(4);
      await weights.first().fill("30");
      await page.getByTestId("rubric-save").click();
      await expect(page.getByTestId("rubric-error")).toContainText("维度：权重合计须为 100（现为 105）");
      await weights.first().fill("25");
      await page.getByTestId("rubric-save").click();
      await expect(page.getByTestId("rubric-saved")).toContainText("细则已保存");
      await expectNoSeriousViolations(page);

      await page.getByTestId("rubric-back").click();
      await expect(page.getByTestId("evaluation-state")).toHaveAttribute("data-state", "draft");
      await page.getByTestId("evaluation-compute").click();
      await expect(page.getByTestId("evaluation-done")).toContainText("已计算");
      await expect(page.getByTestId("evaluation-state")).toHaveAttribute("data-state", "computed");
      const rows = page.getByTestId("evaluation-row");
      await expect(rows.first()).toBeVisible();
      expect(await rows.count()).toBeGreaterThan(10);
      await expect(page.getByTestId("evaluation-ranking")).toContainText("园区建设");
      await expect(rows.first().getByTestId("rating-badge")).toBeVisible();
    });

    test("a reviewer adjusts Huangshi's score with a reason (none refused), without compute or publish", async ({
      page,
    }) => {
      await signInAs(page, "reviewer", `/evaluation/${YEAR}`);
      await expect(page.getByTestId("evaluation-compute")).toHaveCount(0);
      await expect(page.getByTestId("evaluation-publish")).toHaveCount(0);
      const row = page.locator('[data-testid="evaluation-row"][data-zone="HB-HS"]');
      const before = Number((await row.getByTestId("evaluation-final").textContent())?.replace(/,/g, ""));
      await row.getByTestId("evaluation-adjust-open").click();
      const form = page.getByTestId("evaluation-adjust-form");
      await form.getByTestId("evaluation-adjust-points").fill("5");
      await form.getByTestId("evaluation-adjust-save").click();
      await expect(form.getByTestId("evaluation-adjust-error")).toContainText(
        "调整理由：须为 4 到 500 个字符",
      );
      await form.getByTestId("evaluation-adjust-reason").fill("省级审查核实园区建设成效，专家评审同意加分");
      await form.getByTestId("evaluation-adjust-save").click();
      await expect(form.getByTestId("evaluation-adjust-done")).toContainText("已调整");
      await expect(row).toHaveAttribute("data-state", "adjusted");
      await expect(row.getByTestId("evaluation-adjustment")).toContainText("+5.00");
      await expect(row.getByTestId("evaluation-adjustment")).toContainText("专家评审同意加分");
      await expect(row.getByTestId("evaluation-final")).toHaveText(
        Math.min(100, before + 5).toLocaleString("zh-CN", {
          minimumFractionDigits: 2,
          maximumFractionDigits: 2,
        }),
      );
    });

    test("a reviewer imports the member cities' figures: the template, a bad row named (nothing saved), then a good file", async ({
      page,
    }) => {
      await signInAs(page, "reviewer", `/evaluation/${YEAR}`);
      // Before any figure, only the cities of single-city zones (through their zones' values) are rated.
      await expect(page.locator('[data-testid="evaluation-city-row"][data-city="HB-HS-HS"]')).toBeVisible();
      await expect(page.locator('[data-testid="evaluation-city-row"][data-city="HN-C-ZZ"]')).toHaveCount(0);
      const section = page.getByTestId("city-import");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        section.getByTestId("city-template").click(),
      ]);
      const template = await readFile(await download.path(), "utf8");
      expect(template.startsWith("\uFEFF年份（year）,示范区代码（zone_code）,")).toBe(true);
      const rows = template.trim().split("\r\n").slice(1).map(cells);
      expect(rows.some((row) => row[3] === "HN-C-ZZ" && row[8] === "")).toBe(true);
      expect(rows.some((row) => row[3] === "HB-HS-HS")).toBe(false);
      // Loudi's figures with one not a number: refused by row and column, none of them saved.
      const loudi = rows.filter((row) => row[3] === "HN-C-LD");
      await section.getByTestId("city-import-file").setInputFiles({
        name: "loudi.csv",
        mimeType: "text/csv",
        buffer: cityFile(loudi, (index) => (index === 2 ? "abc" : String(2 + index))),
      });
      await section.getByTestId("city-import-upload").click();
      const problems = section.getByTestId("city-import-problems");
      await expect(problems).toContainText("未保存任何数据");
      await expect(problems).toContainText("第 4 行 “数值”（value）：须为数字");
      await expectNoSeriousViolations(page);
      // Every other city's figures.
      const others = rows.filter((row) => row[3] !== "HN-C-LD");
      await section.getByTestId("city-import-file").setInputFiles({
        name: "cities.csv",
        mimeType: "text/csv",
        buffer: cityFile(others, (index) => String(1 + (index % 5))),
      });
      await section.getByTestId("city-import-upload").click();
      await expect(section.getByTestId("city-import-done")).toContainText(`已保存 ${others.length} 个`);
      await expect(problems).toHaveCount(0);
    });

    test("an admin computes again: the member cities are rated, one adjusted with a reason, and the page fits a 390 px phone", async ({
      page,
    }) => {
      await signInAs(page, "admin", `/evaluation/${YEAR}`);
      await page.getByTestId("evaluation-compute").click();
      await expect(page.getByTestId("evaluation-done")).toContainText("个成员城市");
      const table = page.getByTestId("evaluation-city-ranking");
      const zhuzhou = table.locator('[data-testid="evaluation-city-row"][data-city="HN-C-ZZ"]');
      await expect(zhuzhou.getByTestId("rating-badge")).toBeVisible();
      await expect(zhuzhou).toContainText("湖南中部");
      await expect(table.locator('[data-testid="evaluation-city-row"][data-city="NX-NE-SZS"]')).toBeVisible();
      // Loudi's file was refused whole: no figure, no result.
      await expect(table.locator('[data-testid="evaluation-city-row"][data-city="HN-C-LD"]')).toHaveCount(0);
      // A member city's score is adjusted like a zone's, with a reason.
      await zhuzhou.getByTestId("evaluation-adjust-open").click();
      const form = page.getByTestId("evaluation-adjust-form");
      await expect(form).toContainText("株洲");
      await form.getByTestId("evaluation-adjust-points").fill("3");
      await form.getByTestId("evaluation-adjust-reason").fill("株洲市统计公报核实，专家评审加分");
      await form.getByTestId("evaluation-adjust-save").click();
      await expect(form.getByTestId("evaluation-adjust-done")).toContainText("已调整");
      await expect(zhuzhou).toHaveAttribute("data-state", "adjusted");
      await expect(zhuzhou.getByTestId("evaluation-adjustment")).toContainText("+3.00");
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await expect(zhuzhou).toBeVisible();
      const width = await page.evaluate(() =>
        Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
      );
      expect(width).toBeLessThanOrEqual(390);
    });

    test("an admin publishes the year; then nothing of it changes", async ({ page }) => {
      await signInAs(page, "admin", `/evaluation/${YEAR}`);
      await page.getByTestId("evaluation-publish").click();
      const confirm = page.getByTestId("evaluation-publish-confirm");
      await expect(confirm).toContainText(`发布 ${YEAR} 年评估？`);
      await confirm.getByRole("button", { name: "发布" }).click();
      await expect(page.getByTestId("evaluation-done")).toContainText(`已发布 ${YEAR} 年评估`);
      await expect(page.getByTestId("evaluation-state")).toHaveAttribute("data-state", "published");
      await expect(page.getByTestId("evaluation-compute")).toHaveCount(0);
      await expect(
        page.locator('[data-testid="evaluation-row"][data-state="published"]').first(),
      ).toBeVisible();
      await expect(page.locator('[data-testid="evaluation-row"]:not([data-state="published"])')).toHaveCount(
        0,
      );
      await page.goto(`/evaluation/${YEAR}/rubric`);
      await expect(page.getByTestId("rubric-published")).toBeVisible();
      await expect(page.getByTestId("rubric-save")).toBeDisabled();
    });

    test("Huangshi's page shows its ratings by year (its member city's too), 2018's published one included, in both languages", async ({
      page,
    }) => {
      await signInAs(page, "viewer", "/zones/HB-HS");
      const section = page.getByTestId("zone-evaluation");
      await expect(section.getByRole("heading", { name: "评估结果" })).toBeVisible();
      await expect(
        section.locator(`[data-testid="zone-evaluation-row"][data-year="${YEAR}"]:not([data-city])`),
      ).toBeVisible();
      // Its one member city's rating of the year, beside the zone's.
      await expect(
        section.locator(`[data-testid="zone-evaluation-row"][data-year="${YEAR}"][data-city="HB-HS-HS"]`),
      ).toContainText("黄石");
      const history = section.locator('[data-testid="zone-evaluation-row"][data-year="2018"]');
      await expect(history).toHaveAttribute("data-rating", "excellent");
      await expect(history).toContainText("优秀");
      await expect(history).toContainText("历史录入");
      // The demo's 2025 is computed, not published: not shown to a viewer.
      await expect(section.locator('[data-testid="zone-evaluation-row"][data-year="2025"]')).toHaveCount(0);
      await switchToEnglish(page);
      await expect(section.getByRole("heading", { name: "Evaluation results" })).toBeVisible();
      await expect(history).toContainText("Excellent");
    });
  });
