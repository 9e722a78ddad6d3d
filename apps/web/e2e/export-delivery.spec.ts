import { expect as baseExpect, type Page, test } from "@playwright/test";
import { DEFAULT_TIME_ZONE } from "@zones/domain";

import { expectNoSeriousViolations } from "./a11y";
import { signInAs } from "./fixtures";

/**
 * A schedule with recipients: an admin allows an outside domain, creates a schedule delivering to an account
 * and to an outside address (one in a domain not allowed is refused beside its field first), runs it, sees each
 * delivery in the run log, and finds the messages in the outbox (the e2e server has no SMTP_URL). On a phone
 * the form's delivery fields fit the screen. Leaves no schedule or domain behind.
 */
test.describe.configure({ mode: "serial", timeout: 120_000 });

/** The embedded database answers one query at a time: waits allow for an export or the queue's maintenance. */
const expect = baseExpect.configure({ timeout: 20_000 });

const SCHEDULE_NAME = "E2E 送达地区生产总值";
const DOMAIN = "partner-e2e.example.cn";
const OUTSIDE = `li.ming@${DOMAIN}`;
const ACCOUNT = "reviewer@demo.local";

function beijingWeekday(date: Date): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone: DEFAULT_TIME_ZONE, weekday: "short" }).format(
    date,
  );
  return ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(name);
}

async function fillSchedule(page: Page) {
  const form = page.getByTestId("schedule-form");
  await form.getByLabel("名称", { exact: true }).fill(SCHEDULE_NAME);
  await form.getByLabel("每周", { exact: true }).check();
  // Three days from today: the schedule never fires by itself while the specs run.
  await form.getByLabel("星期", { exact: true }).selectOption(String((beijingWeekday(new Date()) + 3) % 7));
  const zones = form.getByTestId("zone-choices");
  await zones.getByLabel("全选", { exact: true }).uncheck();
  await zones.getByLabel("黄石 (HB-HS)").check();
  const indicators = form.getByTestId("indicator-choices");
  await indicators.getByLabel("全选", { exact: true }).uncheck();
  await indicators.getByLabel("地区生产总值", { exact: true }).check();
  await form.getByLabel("最近 N 个季度").check();
  await form.getByLabel("季度数 N").fill("4");
  return form;
}

test("a schedule with recipients: delivered to an account and an outside address, seen in the run log and the outbox", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signInAs(page, "admin", "/admin/delivery");
  await expect(page.getByRole("heading", { level: 1, name: "外部收件域名" })).toBeVisible();
  await page.getByTestId("delivery-domain-input").fill(DOMAIN.toUpperCase());
  await page.getByTestId("delivery-domain-add").click();
  await expect(page.locator(`[data-domain="${DOMAIN}"]`)).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.goto("/exports");
  await page.getByTestId("schedule-create").click();
  const form = await fillSchedule(page);
  const delivery = form.getByTestId("schedule-delivery");
  await expect(delivery).toContainText(`允许的外部域名：${DOMAIN}`);
  await delivery.getByTestId("delivery-account-search").fill("reviewer@demo");
  await delivery.locator(`[data-testid="delivery-account-add"][data-email="${ACCOUNT}"]`).click();
  await expect(delivery.getByTestId("delivery-accounts")).toContainText(ACCOUNT);

  // An address elsewhere is refused beside its field, naming it.
  await delivery.getByTestId("delivery-addresses").fill("someone@elsewhere-e2e.example.cn");
  await form.getByTestId("schedule-save").click();
  await expect(form.getByTestId("error-delivery.addresses")).toContainText("域名须经管理员允许");
  await expect(form.getByTestId("error-delivery.addresses")).toContainText("elsewhere-e2e.example.cn");

  await delivery.getByTestId("delivery-addresses").fill(OUTSIDE);
  await form.getByTestId("schedule-save").click();
  await expect(page.getByTestId("schedules-done")).toContainText(`已保存定时导出“${SCHEDULE_NAME}”`);

  const row = page.getByTestId("schedule-row").filter({ hasText: SCHEDULE_NAME });
  await row.getByTestId("schedule-run-now").click();
  const scheduleId = await row.getAttribute("data-schedule-id");
  const run = scheduleId
    ? page.locator(`[data-testid="export-run"][data-schedule-id="${scheduleId}"]`).first()
    : page.locator('[data-testid="export-run"][data-schedule-id]').first();
  await expect(run).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });

  // The deliveries follow the run: the run log shows each once it is recorded.
  await expect(async () => {
    await page.reload();
    const deliveries = page.locator('[data-testid="export-run"]').first().getByTestId("run-delivery");
    await expect(deliveries).toHaveCount(2, { timeout: 2_000 });
    await expect(deliveries.and(page.locator('[data-status="sent"]'))).toHaveCount(2, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const latest = page.locator('[data-testid="export-run"]').first();
  await latest.getByTestId("run-deliveries").locator("summary").click();
  await expect(latest.locator(`[data-testid="run-delivery"][data-target="${ACCOUNT}"]`)).toContainText(
    "已送达",
  );
  await expect(latest.locator(`[data-testid="run-delivery"][data-target="${OUTSIDE}"]`)).toContainText(
    "邮件",
  );
  await expect(latest.getByTestId("run-deliveries")).toContainText("2 个收件方 · 已送达 2");

  await page.goto("/admin/outbox");
  const message = page.getByTestId("outbox-row").filter({ hasText: OUTSIDE });
  await expect(message).toContainText(`导出计划「${SCHEDULE_NAME}」已生成新文件`);
  await message.getByRole("link").click();
  await expect(page.getByTestId("outbox-text")).toContainText("/download?token=");
  await expect(page.getByTestId("outbox-text")).toContainText("下载链接（有效期至");
  // The link opens the file without a session: its token is the only key.
  const link = /https?:\/\/\S+\/download\?token=\S+/.exec(
    (await page.getByTestId("outbox-text").textContent()) ?? "",
  );
  expect(link).not.toBeNull();
  const path = new URL(link?.[0] ?? "http://x/").pathname + new URL(link?.[0] ?? "http://x/").search;
  const outsider = await playwright.request.newContext(baseURL ? { baseURL } : {});
  try {
    const anonymous = await outsider.get(path);
    expect(anonymous.status()).toBe(200);
    expect(anonymous.headers()["content-disposition"]).toContain(".csv");
    // One character of the signed part changed (the first: six bits that count, unlike a last one's padding).
    const at = path.indexOf("token=") + "token=".length;
    const tampered = await outsider.get(
      `${path.slice(0, at)}${path[at] === "e" ? "f" : "e"}${path.slice(at + 1)}`,
    );
    expect(tampered.status()).toBe(403);
  } finally {
    await outsider.dispose();
  }
});

test("on a phone the delivery fields fit the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "admin", "/exports");
  await page.getByTestId("schedule-create").click();
  const delivery = page.getByTestId("schedule-delivery");
  await delivery.getByTestId("delivery-webhook-add").click();
  await expect(delivery.getByTestId("delivery-webhook")).toHaveCount(1);
  const pastTheEdge = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="schedule-delivery"] *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((element) => element.outerHTML.slice(0, 80)),
  );
  expect(pastTheEdge).toEqual([]);
  await page.getByRole("button", { name: "取消" }).click();
});

test("a schedule run when every zone is approved can mail the quarterly bulletin to its recipients", async ({
  page,
}) => {
  const name = "E2E 季度通报送领导";
  await signInAs(page, "admin", "/exports");
  await page.getByTestId("schedule-create").click();
  const form = await fillSchedule(page);
  await form.getByLabel("名称", { exact: true }).fill(name);
  const delivery = form.getByTestId("schedule-delivery");
  // Only a schedule run by approvals offers the bulletin.
  await expect(delivery.getByTestId("delivery-bulletin")).toHaveCount(0);
  await form.getByLabel("全部示范区审核通过时", { exact: true }).check();
  await delivery.getByTestId("delivery-bulletin").check();
  await delivery.getByTestId("delivery-account-search").fill("reviewer@demo");
  await delivery.locator(`[data-testid="delivery-account-add"][data-email="${ACCOUNT}"]`).click();
  await form.getByTestId("schedule-save").click();
  await expect(page.getByTestId("schedules-done")).toContainText(`已保存定时导出“${name}”`);

  const row = page.getByTestId("schedule-row").filter({ hasText: name });
  await row.getByTestId("schedule-edit").click();
  await expect(page.getByTestId("schedule-delivery").getByTestId("delivery-bulletin")).toBeChecked();
  await page.getByRole("button", { name: "取消" }).click();
  await row.getByTestId("schedule-delete").click();
  await page.getByRole("button", { name: "确认删除" }).click();
  await expect(page.getByTestId("schedule-row").filter({ hasText: name })).toHaveCount(0);
});

test("cleanup: the schedule and the domain go", async ({ page }) => {
  await signInAs(page, "admin", "/exports");
  const row = page.getByTestId("schedule-row").filter({ hasText: SCHEDULE_NAME });
  await row.getByTestId("schedule-delete").click();
  await page.getByRole("button", { name: "确认删除" }).click();
  await expect(page.getByTestId("schedule-row").filter({ hasText: SCHEDULE_NAME })).toHaveCount(0);
  await page.goto("/admin/delivery");
  await page.locator(`[data-domain="${DOMAIN}"]`).getByRole("button").click();
  await expect(page.locator(`[data-domain="${DOMAIN}"]`)).toHaveCount(0);
});
