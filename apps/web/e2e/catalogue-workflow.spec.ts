import { expect, type Page, test } from "@playwright/test";
import { INDICATORS, roundTo } from "@zones/domain";

import { chartTable, signIn, signInAs } from "./fixtures";

/**
 * The catalogue at run time (issue 18), end to end: a zone and an indicator an admin adds are entered,
 * reviewed, shown, given a plan target and exported like the built-in ones. The zone reports from 2026Q3, the
 * demo's open quarter, so the spec runs in its own project after every other (it adds a zone to that quarter's
 * counts).
 */
const ZONE = "SN-YL";
const INDICATOR = "green-power-share";
const QUARTER = "2026Q3";
const OFFICIAL = "yulin@demo.local";
const FIRST_PASSWORD = "yulin-first-2026";
const OWN_PASSWORD = "yulin-own-choice-2026";
const SHARE = "23.5";
const GDP = "812.34";
/** Below the share entered: the target is met as soon as the quarter is approved. */
const TARGET_SHARE = "20";

/** A value every built-in quarterly indicator accepts: within its range, with its decimals. */
function acceptedValue(code: string): string {
  const indicator = INDICATORS.find((candidate) => candidate.code === code);
  if (!indicator) throw new Error(`no built-in indicator ${code}`);
  const { min, max } = indicator.validRange;
  return String(roundTo(min + (max - min) * 0.3, indicator.decimals));
}

async function addZone(page: Page) {
  await page.goto("/admin/catalogue/zones/new");
  const form = page.getByTestId("zone-form");
  await form.getByLabel("代码", { exact: true }).fill(ZONE);
  await form.getByLabel("中文名称", { exact: true }).fill("陕西榆林");
  await form.getByLabel("英文名称", { exact: true }).fill("Yulin, Shaanxi");
  await form.getByLabel("中文简称").fill("榆林");
  await form.getByLabel("英文简称").fill("Yulin");
  await form.getByLabel("省份（中文）").fill("陕西");
  await form.getByLabel("省份（英文）").fill("Shaanxi");
  await form.getByLabel("设立日期").fill("2026-06-01");
  await form.getByLabel("起报季度").fill(QUARTER);
  await form.getByLabel("区域").selectOption("west");
  const city = form.getByTestId("member-city").first();
  await city.getByLabel("城市代码").fill(`${ZONE}-YL`);
  await city.getByLabel("城市中文名称").fill("榆林");
  await city.getByLabel("城市英文名称").fill("Yulin");
  await form.getByTestId("zone-save").click();
  await expect(page).toHaveURL(/\/admin\/catalogue$/);
  await expect(page.locator(`tr[data-zone="${ZONE}"]`)).toContainText("陕西榆林");
}

async function addIndicator(page: Page) {
  await page.goto("/admin/catalogue/indicators/new");
  const form = page.getByTestId("indicator-form");
  await form.getByLabel("代码", { exact: true }).fill(INDICATOR);
  await form.getByLabel("中文名称").fill("绿色电力消费占比");
  await form.getByLabel("英文名称").fill("Green power, share of consumption");
  await form.getByLabel("中文单位").fill("%");
  await form.getByLabel("英文单位").fill("%");
  await form.getByLabel("取值下限").fill("0");
  await form.getByLabel("取值上限").fill("100");
  await form.getByLabel("起始年度").fill("2026");
  await form.getByTestId("indicator-save").click();
  await expect(page).toHaveURL(/\/admin\/catalogue$/);
  await expect(page.locator(`tr[data-indicator="${INDICATOR}"]`)).toContainText("2026 年起");
}

async function createOfficial(page: Page) {
  await page.goto("/admin/users");
  await page.getByLabel("邮箱").fill(OFFICIAL);
  await page.getByLabel("姓名").fill("榆林填报员");
  await page.getByLabel("角色").selectOption("official");
  // The new zone is offered beside the built-in ones.
  await page.getByLabel("陕西榆林").check();
  await page.getByLabel("初始密码").fill(FIRST_PASSWORD);
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByTestId("create-user-success")).toContainText(OFFICIAL);
  await expect(page.locator(`tr[data-email="${OFFICIAL}"]`)).toContainText("榆林");
}

test("a zone and an indicator an admin adds are entered, approved, shown, given a target and exported", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin", "/admin/catalogue");
  await addZone(admin);
  await addIndicator(admin);
  await createOfficial(admin);

  // The official's first sign-in sets their own password, then the form of the new zone asks the new indicator.
  const official = await (await browser.newContext()).newPage();
  await signIn(official, OFFICIAL, FIRST_PASSWORD);
  await expect(official).toHaveURL(/\/account\/password/);
  await official.getByLabel("当前密码").fill(FIRST_PASSWORD);
  await official.getByLabel("新密码", { exact: true }).fill(OWN_PASSWORD);
  await official.getByLabel("确认新密码").fill(OWN_PASSWORD);
  await official.getByRole("button", { name: "保存新密码" }).click();
  // Two password hashes and a new session: seconds on a loaded machine.
  await expect(official).not.toHaveURL(/\/account\/password/, { timeout: 15_000 });
  await expect(official.getByTestId("user-role")).toHaveText("填报员 · 陕西榆林");

  // The import page gives the new zone's official a template of the catalogue as it stands for the quarter,
  // and checks an upload of the new indicator against it (a dry run: the form below enters the values).
  await official.goto("/entry/import");
  await official.getByLabel("格式").selectOption("csv");
  const [download] = await Promise.all([
    official.waitForEvent("download"),
    official.getByTestId("template-link").click(),
  ]);
  expect(download.suggestedFilename()).toBe(`zones-template-${ZONE}-${QUARTER}.csv`);
  const template = (
    await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks))
  ).toString("utf8");
  expect(template).toContain(`${ZONE},陕西榆林,${QUARTER},${INDICATOR},绿色电力消费占比,%,,`);
  await official.getByLabel("文件（CSV 或 XLSX，不超过 10 MB）").setInputFiles({
    name: "榆林.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      `zone_code,quarter,indicator_code,value\r\n${ZONE},${QUARTER},${INDICATOR},${SHARE}\r\n`,
    ),
  });
  await official.getByRole("button", { name: "检查文件（不写入）" }).click();
  await expect(official.getByTestId("import-lines").locator("tbody tr")).toHaveCount(1);
  await expect(official.getByTestId("import-lines")).toContainText(SHARE);

  await official.goto(`/entry/${ZONE}/${QUARTER}`);
  const form = official.getByTestId("entry-form");
  await expect(form).toHaveAttribute("data-ready", "true");
  await expect(form).toContainText("绿色电力消费占比");
  const inputs = form.locator("input.entry-value");
  const codes = await inputs.evaluateAll((elements) =>
    elements.map((element) => element.id.replace(/^value-/, "")),
  );
  expect(codes).toContain(INDICATOR);
  for (const code of codes) {
    const value = code === INDICATOR ? SHARE : code === "gdp" ? GDP : acceptedValue(code);
    await official.locator(`#value-${code}`).fill(value);
  }
  await official.getByRole("button", { name: "保存草稿" }).click();
  await expect(official.getByTestId("save-status")).toHaveAttribute("data-state", "saved", {
    timeout: 10_000,
  });
  await official.getByRole("button", { name: "提交审核" }).click();
  await official.getByRole("dialog").getByRole("button", { name: "确认提交" }).click();
  await expect(official.getByTestId("submitted-notice")).toContainText("已报送");

  // The reviewer sees the new indicator among the values and approves.
  const reviewer = await (await browser.newContext()).newPage();
  await signInAs(reviewer, "reviewer", `/review/${ZONE}/${QUARTER}`);
  await expect(reviewer.getByTestId("review-status")).toHaveText(/已报送/);
  await expect(reviewer.getByRole("main")).toContainText("绿色电力消费占比");
  await reviewer.getByRole("button", { name: "通过", exact: true }).click();
  await expect(reviewer.getByTestId("review-status")).toHaveText(/已通过/);

  // The overview: the zone's card with its GDP, and the new indicator's ranking naming the zone.
  await reviewer.goto(`/?quarter=${QUARTER}&indicator=${INDICATOR}`);
  const card = reviewer.locator(`[data-testid="zone-card"][data-zone="${ZONE}"]`);
  await expect(card).toContainText("陕西榆林");
  await expect(card).toContainText("812.34");
  await expect(reviewer.getByTestId("zone-ranking")).toContainText("榆林");

  // A plan target for the new zone and indicator: the admin's form offers both, and the approved share is above it.
  await admin.goto("/admin/targets");
  const target = admin.getByTestId("target-form");
  await target.getByTestId("target-zone").selectOption(ZONE);
  await target.getByTestId("target-indicator").selectOption(INDICATOR);
  await target.getByTestId("target-year").fill("2028");
  await target.getByTestId("target-value").fill(TARGET_SHARE);
  await target.getByTestId("target-save").click();
  await expect(admin.getByTestId("targets-done")).toHaveText("已保存目标。");

  // The zone's page, with the new indicator's value in its chart's table and its target met.
  await reviewer.goto(`/zones/${ZONE}?from=2026Q1&to=${QUARTER}`);
  const progress = reviewer
    .getByTestId("zone-targets")
    .locator(`[data-testid="target-progress-row"][data-indicator="${INDICATOR}"]`);
  await expect(progress.getByTestId("target-status")).toHaveText("已达标");
  await expect(reviewer.getByRole("heading", { level: 1 })).toContainText("陕西榆林");
  const share = reviewer.locator(`[data-testid="zone-indicator"][data-indicator="${INDICATOR}"]`);
  await expect(share.locator("figcaption")).toContainText("绿色电力消费占比");
  await expect(await chartTable(share)).toContainText(SHARE);

  // The indicator's page ranks the zone.
  await reviewer.goto(`/indicators/${INDICATOR}?quarter=${QUARTER}`);
  const ranked = reviewer.getByTestId("ranking-links").getByRole("link", { name: "榆林" });
  await expect(ranked).toHaveAttribute("href", `/zones/${ZONE}`);
  await expect(reviewer.getByTestId("ranking-links")).toContainText(SHARE);

  // Among its peers: the western region's GDP ranking holds it (its region was chosen when it was added), the
  // central region's does not.
  await reviewer.goto(`/indicators/gdp?quarter=${QUARTER}&peers=region-west`);
  await expect(reviewer.getByTestId("ranking-links").getByRole("link", { name: "榆林" })).toHaveAttribute(
    "href",
    `/zones/${ZONE}?peers=region-west`,
  );
  await expect(reviewer.getByTestId("ranking-links")).toContainText(GDP);
  await reviewer.goto(`/indicators/gdp?quarter=${QUARTER}&peers=region-central`);
  await expect(reviewer.getByTestId("ranking-links").getByRole("link", { name: "黄石" })).toBeVisible();
  await expect(reviewer.getByTestId("ranking-links")).not.toContainText("榆林");

  // The export names both from the catalogue.
  const csv = await reviewer.request.get(
    `/api/exports?zones=${ZONE}&indicators=gdp,${INDICATOR}&from=${QUARTER}&to=${QUARTER}`,
  );
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain(`${ZONE},陕西榆林,${INDICATOR},绿色电力消费占比,%,${QUARTER},${SHARE},已审核`);
  expect(text).toContain(`${ZONE},陕西榆林,gdp,地区生产总值,亿元,${QUARTER},${GDP},已审核`);

  // Compare offers the zone beside the built-in ones; a link naming a code the catalogue lacks gets the notice.
  await reviewer.goto("/compare?zones=HB-HS,SD-ZB&indicators=gdp");
  await reviewer.getByTestId("zone-picker").getByLabel("榆林").check();
  await expect(reviewer).toHaveURL(new RegExp(`zones=HB-HS,SD-ZB,${ZONE}&`));
  await reviewer.goto(`/compare?zones=HB-HS,${ZONE},SN-ZZ&indicators=gdp,${INDICATOR}`);
  await expect(reviewer.getByTestId("selection-notice")).toContainText("SN-ZZ");
  await expect(reviewer.getByTestId("zone-picker").getByLabel("榆林")).toBeChecked();
  await expect(reviewer.getByTestId("indicator-picker")).toContainText("绿色电力消费占比");
  await expect(reviewer.getByTestId("compare-latest").locator("thead")).toContainText("榆林");

  // The export form lists the zone, and a link naming it pre-ticks it.
  await reviewer.goto(`/exports?zones=${ZONE}`);
  await expect(reviewer.getByTestId("zone-choices").getByLabel(`榆林 (${ZONE})`)).toBeChecked();

  // A code of the right shape that the catalogue lacks is still no page.
  expect((await reviewer.goto("/zones/SN-ZZ"))?.status()).toBe(404);
  expect((await reviewer.goto("/indicators/no-such-indicator"))?.status()).toBe(404);
});
