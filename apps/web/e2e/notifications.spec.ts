import { expect, type Page, test } from "@playwright/test";

import { expectNoSeriousViolations, switchToEnglish } from "./a11y";
import { signInAs } from "./fixtures";

/**
 * The bell, continuing from entry.spec.ts: the Huangshi official submitted HB-HS 2026Q3, and the submit told
 * the reviewers in the same transaction. The reviewer sees the unread count, opens the list, marks it read.
 */
test.describe.configure({ mode: "serial" });

const SUBMITTED_LINE = "湖北黄石已提交2026年第三季度数据";

async function unreadShown(page: Page): Promise<number> {
  const count = page.getByTestId("notification-count");
  return (await count.count()) === 0 ? 0 : Number(await count.textContent());
}

test("the reviewer sees the bell's count, opens the list and marks the official's submission read", async ({
  page,
}) => {
  await signInAs(page, "reviewer", "/review");
  const bell = page.getByTestId("notification-bell");
  await expect(page.getByTestId("notification-count")).toHaveText(/^[1-9]\d*$/);
  const before = await unreadShown(page);
  await expect(page.getByRole("link", { name: `通知（${before} 条未读）` })).toBeVisible();

  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { level: 1, name: "通知" })).toBeVisible();
  const item = page.getByTestId("notification-item").filter({ hasText: SUBMITTED_LINE }).first();
  await expect(item).toHaveAttribute("data-unread", "true");
  await expect(item).toContainText("待审核");
  await expect(item.getByRole("link", { name: new RegExp(SUBMITTED_LINE) })).toHaveAttribute(
    "href",
    "/review/HB-HS/2026Q3",
  );
  await expectNoSeriousViolations(page);

  await item.getByRole("button", { name: "标为已读" }).click();
  await expect(item).toHaveAttribute("data-unread", "false");
  await expect.poll(() => unreadShown(page)).toBe(before - 1);

  // Whatever else is unread (other zones' submissions, when other specs ran first) goes at once.
  const markAll = page.getByTestId("notifications-mark-all");
  if (before > 1) await markAll.click();
  await expect(markAll).toBeDisabled();
  await expect(page.getByTestId("notification-count")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "通知（无未读）" })).toBeVisible();
  await expect(page.getByTestId("notification-item").and(page.locator('[data-unread="true"]'))).toHaveCount(
    0,
  );

  // The same list in English: each line is written in the reader's language.
  await switchToEnglish(page);
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(page.getByTestId("notification-item").first()).toBeVisible();
  await expect(page.getByTestId("notification-items")).toContainText(
    "Huangshi, Hubei submitted its Q3 2026 data",
  );
});

test("the official has no notice of their own submit; the reviewer's list is not theirs", async ({
  page,
}) => {
  await signInAs(page, "official", "/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "通知" })).toBeVisible();
  await expect(page.getByTestId("notification-items").getByText(SUBMITTED_LINE)).toHaveCount(0);
});

test("a user chooses which notifications come by mail, and the choice is kept", async ({ page }) => {
  await signInAs(page, "viewer", "/account/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "通知设置" })).toBeVisible();
  await expect(page.getByTestId("notification-settings")).toHaveAttribute("data-ready", "true");
  const approved = page.getByRole("checkbox", { name: "已通过" });
  await expect(approved).toBeChecked();
  await approved.uncheck();
  await page.getByRole("radio", { name: "每日汇总（每天 08:30 一封）" }).check();
  await page.getByRole("radio", { name: "English" }).check();
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("notification-settings-saved")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("notification-settings")).toHaveAttribute("data-ready", "true");
  await expect(page.getByRole("checkbox", { name: "已通过" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "待审核" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "每日汇总（每天 08:30 一封）" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "English" })).toBeChecked();
  await expectNoSeriousViolations(page);
});

test("on a 390 px phone the bell is visible and the header does not run past the screen's edge", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // The admin has the most links in the header.
  for (const role of ["admin", "official"] as const) {
    await page.context().clearCookies();
    await signInAs(page, role, "/notifications");
    await expect(page.getByTestId("notification-bell")).toBeInViewport();
    const pastTheEdge = await page.evaluate(() =>
      [...document.querySelectorAll(".site-header, .site-header *, main *")]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map((element) => element.outerHTML.slice(0, 80)),
    );
    expect(pastTheEdge, role).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  }
});
