import { expect, type Page, test } from "@playwright/test";
import { getIndicator, isSingleQuarterDerivable } from "@zones/domain";

import { signInAs } from "./fixtures";

/**
 * Data entry by the Huangshi official on HB-HS 2026Q3, the demo's half-filled draft of the open quarter
 * (deadline 2026-10-25, passed on the demo date). The official has no other zone, so the tests share this
 * form and build on each other: reload and conflict first, on the draft; the full fill-and-submit last,
 * which leaves HB-HS 2026Q3 submitted (late) for the review specs.
 */
test.describe.configure({ mode: "serial" });

const FORM_PATH = "/entry/HB-HS/2026Q3";
const BACKUP_KEY = "zones.entry.HB-HS.2026Q3";

/** The form is hydrated (and any local backup restored): typing now reaches it. */
async function formReady(page: Page) {
  await expect(page.getByTestId("entry-form")).toHaveAttribute("data-ready", "true");
}

function localBackup(page: Page): Promise<string | null> {
  return page.evaluate((key) => window.localStorage.getItem(key), BACKUP_KEY);
}

/** The value the server holds, asked through the API the form uses. */
async function serverValue(page: Page, code: string): Promise<string | null> {
  const input = encodeURIComponent(JSON.stringify({ json: { zoneCode: "HB-HS", quarter: "2026Q3" } }));
  const response = await page.request.get(`/api/trpc/submission.form?input=${input}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as {
    result: { data: { json: { indicators: { indicatorCode: string; value: string | null }[] } } };
  };
  return body.result.data.json.indicators.find((row) => row.indicatorCode === code)?.value ?? null;
}

/** Waits until the status says the draft is saved. */
async function expectSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
  await expect(page.getByTestId("save-status")).toContainText("已保存");
}

test.describe("data entry", () => {
  test("signed in, the official first sees the forms that wait for them, overdue ones marked", async ({
    page,
  }) => {
    await signInAs(page, "official", "/");
    const waiting = page.getByTestId("waiting-for-you");
    await expect(waiting.getByRole("heading")).toContainText("待您填报");
    const form = waiting.locator('li[data-zone="HB-HS"][data-quarter="2026Q3"]');
    await expect(form).toContainText("黄石 2026年第三季度");
    await expect(form).toContainText("草稿");
    await expect(form).toContainText("截止 2026-10-25，已逾期");
    // Only the official's own zones.
    await expect(waiting.locator("li:not([data-zone='HB-HS'])")).toHaveCount(0);
    await form.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`${FORM_PATH}$`));
    await formReady(page);
    // What the context column's 历史范围 means is said on the form.
    await expect(page.getByTestId("history-hint")).toContainText(
      "“历史范围”是本示范区此前各季度已审核数值的最小值至最大值",
    );
  });

  test("a value that is not a number is refused beside its field, in the server's words", async ({
    page,
  }) => {
    await signInAs(page, "official", FORM_PATH);
    await formReady(page);
    const pm25 = page.locator("#value-pm25");
    await expect(pm25).toHaveValue("");
    // Checked on leaving the field, by the server's schema (fetched once the form is on screen).
    await pm25.fill("12亿");
    await page.keyboard.press("Tab");
    await expect(page.locator("#value-pm25-error")).toContainText("“12亿”不是有效的数字");
    await expect(pm25).toHaveAttribute("aria-invalid", "true");
    // Not sent: held back until it is a number.
    await expect(page.getByTestId("save-status")).toContainText("1 项有误，未保存");
    await pm25.fill("");
    await expect(page.locator("#value-pm25-error")).toHaveCount(0);
    expect(await serverValue(page, "pm25")).toBeNull();
  });

  test("a reload mid-edit keeps the typed value, before and after the autosave", async ({ page }) => {
    await signInAs(page, "official", FORM_PATH);
    await formReady(page);
    const pm25 = page.locator("#value-pm25");
    await expect(pm25).toHaveValue("");

    // Typed, kept in this browser at once, reloaded before the autosave (1.5 s after typing) ran.
    await pm25.fill("33.3");
    await expect(page.getByTestId("save-status")).toHaveText(/未保存的修改/);
    await expect.poll(() => localBackup(page)).toContain('"pm25":"33.3"');
    await page.reload();
    await formReady(page);
    await expect(pm25).toHaveValue("33.3");
    await expect(page.getByTestId("restore-notice")).toContainText("已恢复本机保存的未提交修改");
    // The restored value goes to the server; the backup goes once the server has it.
    await expectSaved(page);
    await expect.poll(() => localBackup(page)).toBeNull();

    // Typed, autosaved, reloaded: the value now comes from the server.
    const goodAirDays = page.locator("#value-good-air-days");
    await goodAirDays.fill("85.1");
    await expect(page.getByTestId("save-status")).toHaveText(/未保存的修改/);
    await expectSaved(page);
    await page.reload();
    await formReady(page);
    await expect(goodAirDays).toHaveValue("85.1");
    await expect(pm25).toHaveValue("33.3");
    await expect(page.getByTestId("restore-notice")).toHaveCount(0);
    expect(await localBackup(page)).toBeNull();
  });

  test("a stale tab is refused with a conflict, keeps its typing and shows the newer value", async ({
    page,
    context,
  }) => {
    await signInAs(page, "official", FORM_PATH);
    await formReady(page);
    const stale = await context.newPage();
    await stale.goto(FORM_PATH);
    await formReady(stale);

    // Tab A saves first (on demand).
    await page.locator("#value-urban-unemployment").fill("3.4");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expectSaved(page);

    // Tab B is still on the older version: its save is refused and overwrites nothing.
    const staleField = stale.locator("#value-urban-unemployment");
    await staleField.fill("3.6");
    await stale.getByRole("button", { name: "保存草稿" }).click();
    const panel = stale.getByTestId("conflict-panel");
    await expect(panel).toContainText("此表已被他人更新");
    await expect(stale.getByTestId("save-status")).toHaveAttribute("data-state", "conflict");
    await expect(staleField).toHaveValue("3.6");
    const row = panel.locator('[data-field="values.urban-unemployment"]');
    await expect(row).toContainText("最新值 3.4%");
    await expect(row).toContainText("你的输入 3.6%");
    expect(await serverValue(page, "urban-unemployment")).toBe("3.4");

    // Tab B decides: its value, saved on top of the newer version.
    await panel.getByRole("button", { name: "以我的输入为准再次保存" }).click();
    await expectSaved(stale);
    await expect(panel).toHaveCount(0);
    expect(await serverValue(page, "urban-unemployment")).toBe("3.6");
    await page.reload();
    await formReady(page);
    await expect(page.locator("#value-urban-unemployment")).toHaveValue("3.6");

    // Both changes are in the value's history, old → new.
    await page.getByRole("button", { name: "城镇登记失业率的修改历史" }).click();
    const dialog = page.getByRole("dialog", { name: /城镇登记失业率 · 修改历史/ });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("row", { name: /3\.4% → 3\.6%/ }).first()).toBeVisible();
    await expect(dialog.getByRole("row", { name: /— → 3\.4%/ }).first()).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  });

  test("the official fills the open quarter with the keyboard only, explains a warning and submits it late", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signInAs(page, "official", "/entry");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("数据填报");
    const cell = page.getByTestId("entry-cell-HB-HS-2026Q3");
    await expect(cell).toContainText("草稿");
    await expect(cell).toContainText("逾期");

    await cell.focus();
    await page.keyboard.press("Enter");
    const started = Date.now();
    await expect(page).toHaveURL(new RegExp(`${FORM_PATH}$`));
    await formReady(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("湖北黄石 · 2026年第三季度");
    await expect(page.getByTestId("status-badge")).toHaveText("草稿");
    await expect(page.getByTestId("late-notice")).toContainText("逾期");

    // The form opens on its first empty value, ready to type.
    const fields = page.locator(".entry-field[data-indicator]");
    const firstEmpty = await page
      .locator("input.entry-value:not([readonly])")
      .evaluateAll(
        (inputs) => (inputs as HTMLInputElement[]).find((input) => input.value === "")?.id ?? null,
      );
    expect(firstEmpty).not.toBeNull();
    await expect(page.locator(`[id="${firstEmpty}"]`)).toBeFocused();

    // Shift+Tab from there back up to the first value, then fill every value in order.
    const first = await fields.first().getAttribute("data-indicator");
    for (let presses = 0; presses < 80; presses++) {
      if (await page.locator(`#value-${first}`).evaluate((input) => input === document.activeElement)) break;
      await page.keyboard.press("Shift+Tab");
    }

    const count = await fields.count();
    expect(count).toBeGreaterThan(10);
    let typed = 0;
    for (let i = 0; i < count; i++) {
      const field = fields.nth(i);
      const code = (await field.getAttribute("data-indicator")) ?? "";
      const input = page.locator(`#value-${code}`);
      await expect(input).toBeFocused();
      const lastYear = await field.getAttribute("data-last-year");
      if (code === "gdp") {
        // Far above the same quarter last year: a soft warning that asks for an explanation.
        await page.keyboard.press("Control+A");
        await page.keyboard.type(String(Math.round(Number(lastYear) * 1.6)));
        await expect(field.getByTestId("field-warning")).toContainText("比上年同期");
        await expect(page.locator("#note-gdp")).toBeVisible();
      } else if ((await input.inputValue()) === "") {
        const previous = await field.getAttribute("data-previous");
        const historyMin = await field.getAttribute("data-history-min");
        // A year-to-date figure may not fall below last quarter's.
        const ytd = isSingleQuarterDerivable(getIndicator(code));
        const value =
          ytd && previous && lastYear && Number(previous) > Number(lastYear)
            ? previous
            : lastYear || previous || historyMin || "1";
        await page.keyboard.type(value);
        typed++;
      }
      // Every warning (the GDP one, and any on the values already there) is explained in 上报说明.
      if ((await field.getByTestId("field-warning").count()) > 0) {
        await page.keyboard.press("Tab");
        await expect(page.locator(`#note-${code}`)).toBeFocused();
        await page.keyboard.press("Control+A");
        await page.keyboard.type(
          code === "gdp" ? "新投产的大型项目拉动，增幅经统计局核实。" : "数值已与统计部门核对无误。",
        );
        await expect(field.getByTestId("field-warning")).toContainText("已填写说明");
        await page.keyboard.press("Shift+Tab");
        await expect(input).toBeFocused();
      }
      // Enter goes to the next value, not to submitting.
      await page.keyboard.press("Enter");
    }
    expect(typed).toBeGreaterThan(0);
    await expect(page.locator(".entry-field .field-error")).toHaveCount(0);

    // After the last value, Enter has reached 提交审核, which asks first: the quarter is about to lock.
    const submit = page.getByRole("button", { name: "提交审核" });
    await expect(submit).toBeFocused();
    await page.keyboard.press("Enter");
    const confirmation = page.getByRole("dialog", { name: "确认提交审核" });
    await expect(confirmation.getByTestId("confirm-filled")).toHaveText(`已填写 ${count} / ${count} 项指标`);
    await expect(confirmation.getByTestId("confirm-warnings")).toContainText("已填写上报说明");
    await expect(confirmation.getByTestId("confirm-late")).toContainText("逾期");
    // Escape goes back to the form with nothing submitted.
    await page.keyboard.press("Escape");
    await expect(confirmation).toHaveCount(0);
    await expect(submit).toBeFocused();
    await expect(page.getByTestId("status-badge")).toHaveText("草稿");
    await page.keyboard.press("Enter");
    await expect(confirmation.getByRole("button", { name: "确认提交" })).toBeFocused();
    await page.keyboard.press("Enter");

    await expect(page.getByTestId("submitted-notice")).toContainText("已报送");
    await expect(page.getByTestId("submitted-notice")).toBeInViewport();
    await expect(page.getByTestId("status-badge")).toHaveText("已报送");
    console.log("fill-and-submit ms", Date.now() - started);
    await expect(page.getByTestId("late-badge")).toHaveText("逾期");
    await expect(page.getByTestId("lock-message")).toContainText("已提交");
    await expect(page.locator("#value-gdp")).toHaveAttribute("readonly", "");
    await expect(page.locator("#note-gdp")).toHaveValue("新投产的大型项目拉动，增幅经统计局核实。");
    expect(await localBackup(page)).toBeNull();

    await page.goto("/entry");
    await expect(page.getByTestId("entry-cell-HB-HS-2026Q3")).toContainText("已报送");
  });
});
