import { expect, type Page, test } from "@playwright/test";

import { signInAs } from "./fixtures";

/**
 * The review side, on the shared demo database as entry.spec.ts leaves it: HN-C, CQ-M and HB-HS 2026Q3
 * submitted (HB-HS after the deadline of 2026-10-25, so late). The tests build on each other.
 */
test.describe.configure({ mode: "serial" });

const queueRow = (page: Page, zone: string, quarter = "2026Q3") =>
  page.locator(`[data-testid="queue-row"][data-zone="${zone}"][data-quarter="${quarter}"]`);

test.describe("review", () => {
  test("the reviewer filters the queue by status; the filters live in the URL and late ones are marked", async ({
    page,
  }) => {
    await signInAs(page, "reviewer", "/review");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("审核列表");
    const rows = page.getByTestId("queue-row");

    // Every status on demand, in the URL…
    await page.getByLabel("状态").selectOption("all");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/\/review\?status=all$/);
    await expect(
      page.locator('[data-testid="queue-row"]:not([data-status="submitted"])').first(),
    ).toBeVisible();

    // …but the queue opens on what waits for review.
    await page.getByLabel("状态").selectOption("submitted");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/\/review$/);
    await expect(page.getByLabel("状态")).toHaveValue("submitted");

    for (const zone of ["HN-C", "CQ-M", "HB-HS"]) {
      await expect(queueRow(page, zone)).toBeVisible();
      await expect(queueRow(page, zone)).toContainText("已报送");
    }
    await expect(page.locator('[data-testid="queue-row"]:not([data-status="submitted"])')).toHaveCount(0);
    await expect(queueRow(page, "HB-HS").getByTestId("late-marker")).toHaveText(/逾期/);
    await expect(queueRow(page, "HB-HS")).toContainText("黄石填报员");
    await expect(queueRow(page, "HN-C").getByTestId("late-marker")).toHaveCount(0);
    await expect(queueRow(page, "CQ-M").getByTestId("late-marker")).toHaveCount(0);

    // A shared link shows the same view, with the filters filled in.
    await page.goto("/review?status=submitted&zone=HB-HS");
    await expect(page.getByLabel("状态")).toHaveValue("submitted");
    await expect(page.getByLabel("示范区")).toHaveValue("HB-HS");
    await expect(rows).toHaveCount(1);
    await expect(queueRow(page, "HB-HS")).toBeVisible();

    // A bad value is ignored with a notice naming it; the good ones still apply.
    await page.goto("/review?status=bogus&zone=HN-C&page=zero");
    await expect(page.getByTestId("queue-notice")).toContainText("bogus");
    await expect(page.getByTestId("queue-notice")).toContainText("zero");
    await expect(page.getByLabel("状态")).toHaveValue("submitted");
    await expect(page.locator('[data-testid="queue-row"]:not([data-zone="HN-C"])')).toHaveCount(0);
    await expect(queueRow(page, "HN-C")).toBeVisible();

    // Each row opens the review of that submission.
    await queueRow(page, "HN-C").getByRole("link", { name: /审核/ }).click();
    await expect(page).toHaveURL(/\/review\/HN-C\/2026Q3$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("湖南中部");
  });

  test("the reviewer returns HN-C 2026Q3 with a reason and a comment on one indicator", async ({ page }) => {
    await signInAs(page, "reviewer", "/review/HN-C/2026Q3");
    await expect(page.getByTestId("review-status")).toHaveText(/已报送/);
    await expect(page.getByTestId("review-values")).toBeVisible();
    const version = (await page.getByTestId("review-version").textContent()) ?? "";
    expect(version).toMatch(/第 \d+ 版/);
    // Year-to-date averages and shares say so: a bare 累计 on PM2.5 reads as a sum.
    const tag = (code: string) =>
      page.locator(`[data-testid="review-indicator"][data-indicator="${code}"] .review-tag`).first();
    await expect(tag("pm25")).toHaveText("累计平均");
    await expect(tag("good-air-days")).toHaveText("累计占比");
    await expect(tag("gdp")).toHaveText("累计");

    // Without a reason nothing is sent: an error, and the submission stays as it was.
    const returnButton = page.getByRole("button", { name: "退回", exact: true });
    await returnButton.click();
    await expect(page.getByTestId("return-error")).toContainText("请填写退回原因");
    await expect(page.getByLabel("退回原因（必填）")).toBeFocused();
    await expect(page.getByTestId("review-status")).toHaveText(/已报送/);
    await page.reload();
    await expect(page.getByTestId("review-status")).toHaveText(/已报送/);
    await expect(page.getByTestId("review-version")).toHaveText(version);
    await expect(page.getByTestId("review-comment")).toHaveCount(0);

    await page.getByLabel("对“地区生产总值”的退回意见").fill("请核实地区生产总值，超出历史范围。");
    await page.getByLabel("退回原因（必填）").fill("部分指标超出历史范围且未说明，请核实后重新报送。");
    await returnButton.click();

    await expect(page.getByTestId("review-outcome")).toContainText("已退回");
    await expect(page.getByTestId("review-status")).toHaveText(/已退回/);
    await expect(page.getByTestId("review-no-action")).toContainText("已退回");
    await expect(page.getByRole("button", { name: "通过", exact: true })).toHaveCount(0);
    await expect(page.getByTestId("review-comment")).toContainText("部分指标超出历史范围且未说明");
    await expect(page.locator('[data-testid="review-indicator"][data-indicator="gdp"]')).toContainText(
      "请核实地区生产总值，超出历史范围。",
    );

    // Stored: the same after a reload, and no longer waiting in the queue.
    await page.reload();
    await expect(page.getByTestId("review-status")).toHaveText(/已退回/);
    await page.goto("/review?status=submitted");
    await expect(queueRow(page, "CQ-M")).toBeVisible();
    await expect(queueRow(page, "HN-C")).toHaveCount(0);
    await page.goto("/review?status=returned&quarter=2026Q3");
    await expect(queueRow(page, "HN-C")).toContainText("已退回");
  });

  test("the reviewer approves CQ-M 2026Q3; a stale second tab is refused; the grid shows it approved", async ({
    page,
    context,
  }) => {
    await signInAs(page, "reviewer", "/review/CQ-M/2026Q3");
    await expect(page.getByTestId("review-status")).toHaveText(/已报送/);
    // A second tab with the same submission open, which will be out of date.
    const stale = await context.newPage();
    await stale.goto("/review/CQ-M/2026Q3");
    await expect(stale.getByRole("button", { name: "通过", exact: true })).toBeVisible();

    await page.getByLabel("审核意见（可选）").fill("数据完整，同意通过。");
    await page.getByRole("button", { name: "通过", exact: true }).click();
    await expect(page.getByTestId("review-outcome")).toContainText("已通过");
    await expect(page.getByTestId("review-status")).toHaveText(/已通过/);
    await expect(page.getByTestId("review-no-action")).toContainText("已审核通过");
    await expect(page.getByRole("button", { name: "退回", exact: true })).toHaveCount(0);

    // The stale tab's approval is refused with the server's message, and the tab reloads the data.
    await stale.getByRole("button", { name: "通过", exact: true }).click();
    const alert = stale.getByTestId("review-error");
    await expect(alert).toHaveAttribute("role", "alert");
    await expect(alert).toContainText("已审核通过");
    await expect(stale.getByTestId("review-status")).toHaveText(/已通过/);
    await expect(stale.getByRole("button", { name: "通过", exact: true })).toHaveCount(0);
    await stale.close();

    // After a decision: the next submission waiting, never the one just decided.
    const next = page.getByTestId("next-waiting");
    await expect(next).toHaveAttribute("href", /^\/review\/(?!CQ-M\/2026Q3)[A-Z]+-[A-Z]+\/\d{4}Q[1-4]$/);
    await expect(next).toContainText("下一份待审核");
    await page.getByTestId("review-outcome").getByRole("link", { name: "返回审核列表" }).click();
    await expect(page).toHaveURL(/\/review$/);
    await expect(queueRow(page, "CQ-M")).toHaveCount(0);

    await page.goto("/completeness");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("填报进度");
    const cell = page.locator('[data-testid="completeness-cell"][data-zone="CQ-M"][data-quarter="2026Q3"]');
    await expect(cell).toHaveAttribute("data-state", "approved");
    await expect(cell).toContainText("已通过");
    await expect(cell.getByRole("link")).toHaveAttribute("href", "/review/CQ-M/2026Q3");
    const returned = page.locator(
      '[data-testid="completeness-cell"][data-zone="HN-C"][data-quarter="2026Q3"]',
    );
    await expect(returned).toContainText("已退回");
    const notStarted = page.locator(
      '[data-testid="completeness-cell"][data-zone="NX-NE"][data-quarter="2026Q3"]',
    );
    await expect(notStarted).toContainText("未开始");
    await expect(notStarted).toContainText("逾期");
    await expect(notStarted.getByRole("link")).toHaveCount(0);
    await expect(page.locator('th[data-quarter="2026Q3"]')).toContainText(/已逾期 \d+ 天/);

    // Earlier quarters through the URL.
    await page.getByRole("link", { name: "更早" }).click();
    await expect(page).toHaveURL(/\/completeness\?to=2025Q3$/);
    await expect(page.locator('th[data-quarter="2025Q3"]')).toBeVisible();
    await expect(page.locator('th[data-quarter="2026Q3"]')).toHaveCount(0);
  });

  test("the admin changes the deadline of 2026Q4, opens it, then closes it again", async ({ page }) => {
    await signInAs(page, "admin", "/admin/periods");
    const row = page.locator('[data-testid="period-row"][data-quarter="2026Q4"]');
    const deadline = row.getByTestId("period-deadline");
    const confirm = page.getByTestId("period-confirm");
    await expect(row).toHaveAttribute("data-status", "not_open");
    await expect(row).toContainText("未开放");
    await expect(deadline).toHaveAttribute("data-deadline", "2027-01-25");

    await row.getByRole("button", { name: /修改截止日期/ }).click();
    const input = page.getByLabel("2026年第四季度的新截止日期");
    await expect(input).toHaveValue("2027-01-25");
    await expect(page.getByText("默认为季度结束后 25 天：2027年1月25日")).toBeVisible();
    await input.fill("2027-02-05");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(confirm).toContainText("2027年2月5日");
    await confirm.getByRole("button", { name: "确认修改" }).click();
    await expect(page.getByTestId("periods-done")).toContainText("2027年2月5日");
    await expect(deadline).toHaveAttribute("data-deadline", "2027-02-05");
    await expect(deadline).toContainText("2027年2月5日");
    await expect(row).toHaveAttribute("data-status", "not_open");

    await row.getByRole("button", { name: /开放填报/ }).click();
    await expect(confirm).toContainText("2026年第四季度");
    await confirm.getByRole("button", { name: "确认开放" }).click();
    await expect(row).toHaveAttribute("data-status", "open");
    await expect(row).toContainText("填报中");
    // Opening keeps the deadline just set.
    await expect(deadline).toHaveAttribute("data-deadline", "2027-02-05");

    // Cancelling changes nothing.
    await row.getByRole("button", { name: /关闭填报/ }).click();
    await confirm.getByRole("button", { name: "取消" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(row).toHaveAttribute("data-status", "open");

    await row.getByRole("button", { name: /关闭填报/ }).click();
    await confirm.getByRole("button", { name: "确认关闭" }).click();
    await expect(row).toHaveAttribute("data-status", "closed");
    await expect(row).toContainText("已关闭");
    await page.reload();
    await expect(row).toHaveAttribute("data-status", "closed");
    await expect(deadline).toHaveAttribute("data-deadline", "2027-02-05");
  });

  test("the review pages exist only for the roles that use them", async ({ page }) => {
    await signInAs(page, "viewer");
    for (const path of ["/review", "/review/HN-C/2026Q3", "/completeness", "/admin/periods"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
  });
});
