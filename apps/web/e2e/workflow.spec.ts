import { expect, test } from "@playwright/test";

import { signInAs } from "./fixtures";

/**
 * The quarter's round trip on HB-HS 2026Q3, continuing from entry.spec.ts (the official filled it,
 * explained a warning and submitted it): the reviewer returns it with a comment on GDP, the official
 * corrects GDP and submits again, the reviewer sees the change and approves, and the value reaches the
 * dashboard.
 */
test.describe.configure({ mode: "serial" });

const REVIEW = "/review/HB-HS/2026Q3";
const FORM = "/entry/HB-HS/2026Q3";
const CORRECTED_GDP = "2083.75";

test("returned with a comment, corrected, resubmitted, approved, shown on the dashboard", async ({
  browser,
}) => {
  const reviewer = await (await browser.newContext()).newPage();
  await signInAs(reviewer, "reviewer", REVIEW);
  await expect(reviewer.getByTestId("review-status")).toHaveText(/已报送/);
  await reviewer.getByLabel("对“地区生产总值”的退回意见").fill("请按统计快报数更正地区生产总值。");
  await reviewer.getByLabel("退回原因（必填）").fill("地区生产总值与统计快报不一致。");
  await reviewer.getByRole("button", { name: "退回", exact: true }).click();
  await expect(reviewer.getByTestId("review-status")).toHaveText(/已退回/);

  // The official sees why, beside the field, and corrects it.
  const official = await (await browser.newContext()).newPage();
  await signInAs(official, "official", FORM);
  await expect(official.getByTestId("entry-form")).toHaveAttribute("data-ready", "true");
  await expect(official.getByTestId("review-comment")).toContainText("地区生产总值与统计快报不一致");
  await expect(official.getByTestId("review-note")).toContainText("请按统计快报数更正地区生产总值");
  const gdp = official.locator("#value-gdp");
  await gdp.fill(CORRECTED_GDP);
  await official.getByRole("button", { name: "保存草稿" }).click();
  await expect(official.getByTestId("save-status")).toHaveAttribute("data-state", "saved", {
    timeout: 10_000,
  });
  await official.getByRole("button", { name: "提交审核" }).click();
  await official.getByRole("dialog").getByRole("button", { name: "确认提交" }).click();
  await expect(official.getByTestId("submitted-notice")).toContainText("已报送");

  // The reviewer sees what changed since the first submission, and approves.
  await reviewer.goto(REVIEW);
  await expect(reviewer.getByTestId("review-status")).toHaveText(/已报送/);
  await expect(reviewer.getByTestId("review-changes")).toContainText("地区生产总值");
  await expect(reviewer.getByTestId("review-changes")).toContainText("2,083.75");
  await reviewer.getByRole("button", { name: "通过", exact: true }).click();
  await expect(reviewer.getByTestId("review-status")).toHaveText(/已通过/);

  // Approved data feeds the dashboard: HB-HS now has a 2026Q3 GDP on the overview.
  await official.goto("/?quarter=2026Q3&indicator=gdp");
  const card = official.locator('[data-testid="zone-card"][data-zone="HB-HS"]');
  await expect(card).toContainText("2,083.75");
  await expect(official.getByTestId("zone-ranking")).toContainText("黄石");

  // The form is locked now, and says why.
  await official.goto(FORM);
  await expect(official.getByTestId("lock-message")).toContainText("审核通过");
});
