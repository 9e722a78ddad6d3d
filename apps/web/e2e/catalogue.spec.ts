import { expect, test } from "@playwright/test";
import { BUILT_IN_ZONES } from "@zones/domain";

import { expectNoSeriousViolations, switchToEnglish } from "./a11y";
import { signInAs } from "./fixtures";

/**
 * The catalogue as data (issue 18): an admin adds a zone and an indicator, edits and retires them; every
 * refusal is said beside its field. The new zone reports from a future quarter and the new indicator from a
 * future year, so the demo's quarters stay as the other specs expect them.
 */
test.describe("the catalogue admin", () => {
  test("an admin adds a zone with its member cities, edits it and retires it", async ({ page }) => {
    await signInAs(page, "admin", "/admin/catalogue");
    await expect(page.getByRole("heading", { level: 1, name: "目录管理" })).toBeVisible();
    await expect(page.getByTestId("catalogue-zones").locator("tbody tr")).toHaveCount(BUILT_IN_ZONES.length);
    await expect(page.getByTestId("catalogue-indicators").locator("tbody tr")).toHaveCount(30);
    await expectNoSeriousViolations(page);

    await page.getByTestId("catalogue-add-zone").click();
    await expect(page.getByRole("heading", { level: 1, name: "新增示范区" })).toBeVisible();
    const form = page.getByTestId("zone-form");
    await form.getByLabel("代码", { exact: true }).fill("sn bj");
    await form.getByTestId("zone-save").click();
    // Each refusal beside its field, in Chinese.
    await expect(form.getByText("请填写中文名称")).toBeVisible();
    await expect(form.getByText(/代码应为省级简称两位大写字母/)).toBeVisible();
    await expect(form.getByText("请填写成员城市的中文名称")).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "目录修改有误" })).toBeVisible();

    await form.getByLabel("代码", { exact: true }).fill("SN-BJ");
    await form.getByLabel("中文名称", { exact: true }).fill("陕西宝鸡");
    await form.getByLabel("英文名称", { exact: true }).fill("Baoji, Shaanxi");
    await form.getByLabel("中文简称").fill("宝鸡");
    await form.getByLabel("英文简称").fill("Baoji");
    await form.getByLabel("省份（中文）").fill("陕西");
    await form.getByLabel("省份（英文）").fill("Shaanxi");
    await form.getByLabel("设立日期").fill("2026-10-01");
    await form.getByLabel("起报季度").fill("2027Q1");
    await form.getByLabel("区域").selectOption("west");
    const city = form.getByTestId("member-city").first();
    await city.getByLabel("城市代码").fill("SN-BJ-BJ");
    await city.getByLabel("城市中文名称").fill("宝鸡");
    await city.getByLabel("城市英文名称").fill("Baoji");
    await form.getByTestId("zone-save").click();

    await expect(page).toHaveURL(/\/admin\/catalogue$/);
    const row = page.getByTestId("catalogue-zones").locator('tr[data-zone="SN-BJ"]');
    await expect(row).toContainText("陕西宝鸡");
    await expect(row).toContainText("西部地区");
    await expect(row).toContainText("2027Q1");

    await row.getByRole("link", { name: "陕西宝鸡" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "编辑示范区 SN-BJ" })).toBeVisible();
    await expect(page.getByLabel("代码", { exact: true })).toHaveAttribute("readonly", "");
    await page.getByRole("button", { name: "添加成员城市" }).click();
    const second = page.getByTestId("member-city").nth(1);
    await second.getByLabel("城市代码").fill("SN-BJ-FX");
    await second.getByLabel("城市中文名称").fill("凤翔");
    await second.getByLabel("城市英文名称").fill("Fengxiang");
    await page.getByTestId("zone-save").click();
    await expect(page.getByText("已保存")).toBeVisible();

    await page.getByTestId("zone-retire-quarter").fill("2030Q1");
    await page.getByTestId("zone-retire").click();
    await expect(page.getByTestId("zone-reinstate")).toBeVisible();
    await page.goto("/admin/catalogue");
    await expect(page.locator('tr[data-zone="SN-BJ"]')).toContainText("自 2030Q1 起退出");
  });

  test("an admin adds an indicator from a year and retires it after another; English works", async ({
    page,
  }) => {
    await signInAs(page, "admin", "/admin/catalogue/indicators/new");
    const form = page.getByTestId("indicator-form");
    await form.getByLabel("代码", { exact: true }).fill("digital-economy-share");
    await form.getByLabel("中文名称").fill("数字经济核心产业增加值占GDP比重");
    await form.getByLabel("英文名称").fill("Digital economy core industries, share of GDP");
    await form.getByLabel("中文单位").fill("%");
    await form.getByLabel("英文单位").fill("%");
    await form.getByLabel("取值下限").fill("50");
    await form.getByLabel("取值上限").fill("10");
    await form.getByLabel("起始年度").fill("2027");
    await form.getByTestId("indicator-save").click();
    await expect(form.getByText("取值上限应大于下限")).toBeVisible();
    await form.getByLabel("取值下限").fill("0");
    await form.getByLabel("取值上限").fill("100");
    await form.getByTestId("indicator-save").click();

    await expect(page).toHaveURL(/\/admin\/catalogue$/);
    const row = page.locator('tr[data-indicator="digital-economy-share"]');
    await expect(row).toContainText("2027 年起");
    await row.getByRole("link").click();
    await page.getByTestId("indicator-retire-year").fill("2028");
    await page.getByTestId("indicator-retire").click();
    await expect(page.getByTestId("indicator-reinstate")).toBeVisible();
    await expectNoSeriousViolations(page);

    await switchToEnglish(page);
    await expect(
      page.getByRole("heading", { level: 1, name: "Edit indicator digital-economy-share" }),
    ).toBeVisible();
    await page.goto("/admin/catalogue");
    await expect(page.locator('tr[data-indicator="digital-economy-share"]')).toContainText(
      "Retired after 2028",
    );
  });

  test("anyone but an admin finds no catalogue admin", async ({ page }) => {
    await signInAs(page, "reviewer", "/admin/catalogue");
    await expect(page.getByRole("heading", { level: 1, name: "目录管理" })).toHaveCount(0);
    const response = await page.goto("/admin/catalogue/zones/HB-HS");
    expect(response?.status()).toBe(404);
  });
});
