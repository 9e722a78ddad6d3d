import { expect, test } from "@playwright/test";

import { expectNoSeriousViolations, switchToEnglish } from "./a11y";
import { signInAs } from "./fixtures";

/**
 * The annual evaluation of 2024 (the demo seeds and computes 2025 only): an admin keeps a rubric and computes
 * the year, a reviewer adjusts Huangshi's score with a reason, an admin publishes, and Huangshi's page shows
 * its ratings, the published 2018 one included. The steps build on each other, in order.
 */
const YEAR = 2024;

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

    test("Huangshi's page shows its ratings by year, 2018's published one included, in both languages", async ({
      page,
    }) => {
      await signInAs(page, "viewer", "/zones/HB-HS");
      const section = page.getByTestId("zone-evaluation");
      await expect(section.getByRole("heading", { name: "评估结果" })).toBeVisible();
      await expect(section.locator(`[data-testid="zone-evaluation-row"][data-year="${YEAR}"]`)).toBeVisible();
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
