import { createHash } from "node:crypto";
import { expect as baseExpect, type Locator, type Page, test } from "@playwright/test";
import { addQuarters, BUILT_IN_ZONES, DEFAULT_TIME_ZONE, lastFinishedQuarter } from "@zones/domain";
import { describeTrigger, nextOccurrence } from "@zones/exports/schedules";

import { expectNoSeriousViolations } from "./a11y";
import { signInAs } from "./fixtures";

/**
 * The exports page: a reviewer's weekly schedule created in the form, run at once, watched to success and its
 * file downloaded and checked against a direct export of the same filters; an invalid cron refused beside its
 * field; a background export cancelled; an official without schedules who cannot fetch the reviewer's file.
 * Only reads demo data (specs before this one may have approved more of 2026Q3, so figures are compared with
 * a direct export made at the same moment rather than written down). Leaves no schedule behind.
 */
test.describe.configure({ mode: "serial", timeout: 90_000 });

/**
 * The embedded database answers one query at a time: while an export counts its rows, or the job queue does
 * its maintenance, a request can wait a few seconds. Waits here allow for that.
 */
const expect = baseExpect.configure({ timeout: 20_000 });

const SCHEDULE_NAME = "E2E 每周地区生产总值";
const HEADER = "示范区代码,示范区,指标代码,指标,单位,季度,数值,状态,修订次数,数据性质,上报说明";
/** Three days from today (Beijing calendar): the schedule never fires by itself while the specs run. */
const WEEKDAY = (beijingWeekday(new Date()) + 3) % 7;
const HOUR = 9;

/** The run the reviewer downloaded, for the official's attempt; the cancelled one, for its 409. */
const shared: { runId?: string; cancelledRunId?: string } = {};

function beijingWeekday(date: Date): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone: DEFAULT_TIME_ZONE, weekday: "short" }).format(
    date,
  );
  return ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(name);
}

async function bytesOf(download: import("@playwright/test").Download): Promise<Buffer> {
  const chunks = await (await download.createReadStream()).toArray();
  return Buffer.concat(chunks);
}

/** Records every status (and progress text) a run row shows, from the moment it appears. */
async function watchRun(page: Page, selector: string) {
  await page.evaluate((rowSelector) => {
    const seen: { status: string; progress: string }[] = [];
    (window as unknown as { seenRuns: typeof seen }).seenRuns = seen;
    const record = () => {
      const row = document.querySelector(rowSelector);
      if (!row) return;
      const entry = {
        status: row.getAttribute("data-status") ?? "",
        progress: row.querySelector('[data-testid="run-progress"]')?.textContent ?? "",
      };
      const last = seen.at(-1);
      if (!last || last.status !== entry.status || last.progress !== entry.progress) seen.push(entry);
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  }, selector);
  return () =>
    page.evaluate(() => (window as unknown as { seenRuns: { status: string; progress: string }[] }).seenRuns);
}

function newestOnDemandRun(page: Page): Locator {
  return page.locator('[data-testid="export-run"]:not([data-schedule-id])').first();
}

test("a reviewer schedules a weekly export, runs it now, watches it finish and downloads the file", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "reviewer", "/exports");
  await expect(page.getByRole("heading", { level: 1, name: "数据导出" })).toBeVisible();
  const schedules = page.getByTestId("export-schedules");
  await expect(schedules.getByRole("heading", { name: "定时导出" })).toBeVisible();

  // The form: weekly, two zones, GDP, the last four quarters.
  await page.getByTestId("schedule-create").click();
  const form = page.getByTestId("schedule-form");
  await form.getByLabel("名称", { exact: true }).fill(SCHEDULE_NAME);
  await form.getByLabel("每周", { exact: true }).check();
  await form.getByLabel("星期", { exact: true }).selectOption(String(WEEKDAY));
  await form.getByLabel("时刻（整点）").selectOption(String(HOUR));
  const zones = form.getByTestId("zone-choices");
  await zones.getByLabel("全选", { exact: true }).uncheck();
  await zones.getByLabel("黄石 (HB-HS)").check();
  await zones.getByLabel("淄博 (SD-ZB)").check();
  const indicators = form.getByTestId("indicator-choices");
  await indicators.getByLabel("全选", { exact: true }).uncheck();
  await indicators.getByLabel("地区生产总值", { exact: true }).check();
  await form.getByLabel("最近 N 个季度").check();
  await form.getByLabel("季度数 N").fill("4");
  await form.getByTestId("schedule-save").click();
  await expect(page.getByTestId("schedules-done")).toContainText(`已保存定时导出“${SCHEDULE_NAME}”`);
  await expect(form).toHaveCount(0);

  // Listed with its trigger in words, its next run, enabled.
  const row = page.getByTestId("schedule-row").filter({ hasText: SCHEDULE_NAME });
  await expect(row).toHaveCount(1);
  const trigger = { kind: "weekly" as const, weekday: WEEKDAY, hour: HOUR };
  await expect(row.getByTestId("schedule-trigger")).toHaveText(
    describeTrigger(trigger, DEFAULT_TIME_ZONE, "zh-CN"),
  );
  const next = nextOccurrence({ trigger, timezone: DEFAULT_TIME_ZONE }, new Date(), []);
  await expect(row.getByTestId("schedule-next-run")).toHaveAttribute(
    "data-next-run",
    next?.toISOString() ?? "",
  );
  await expect(row.getByTestId("schedule-next-run")).toContainText(String(next?.getFullYear()));
  await expect(row).toContainText("已启用");
  await expect(row.getByTestId("schedule-last-run")).toHaveText("尚未运行");

  // Paused: no next run; enabled again.
  await row.getByTestId("schedule-toggle").click();
  await expect(row).toContainText("已暂停");
  await expect(row.getByTestId("schedule-next-run")).toHaveText("—");
  await row.getByTestId("schedule-toggle").click();
  await expect(row).toContainText("已启用");

  // Run now, and watch the run row from its first appearance.
  const scheduleId = await row.getAttribute("data-schedule-id");
  expect(scheduleId).toBeTruthy();
  const runSelector = `[data-testid="export-run"][data-schedule-id="${scheduleId}"]`;
  const seen = await watchRun(page, runSelector);
  await row.getByTestId("schedule-run-now").click();
  await expect(page.getByTestId("schedules-done")).toContainText(`已开始运行“${SCHEDULE_NAME}”`);
  const run = page.locator(runSelector);
  await expect(run).toHaveCount(1);
  await expect(run).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
  await expect(run.getByTestId("run-status")).toHaveText("成功");

  const states = await seen();
  expect(["queued", "running"]).toContain(states[0]?.status);
  expect(states.at(-1)?.status).toBe("succeeded");
  for (const state of states.filter((entry) => entry.status === "running")) {
    expect(state.progress).toMatch(/^(正在统计行数…|[\d,]+ \/ [\d,]+ 行)$/);
  }
  const progress = (await run.getByTestId("run-progress").textContent()) ?? "";
  expect(progress).toMatch(/^([\d,]+ 行|无匹配数据（仅表头）)$/);
  const rowCount = progress.startsWith("无匹配") ? 0 : Number(progress.replace(/[^\d]/g, ""));

  // What it exported: the two zones in catalogue order, GDP, the four quarters up to the last finished one.
  const to = lastFinishedQuarter(new Date());
  const from = addQuarters(to, -3);
  await expect(run).toHaveAttribute("data-zones", "SD-ZB,HB-HS");
  await expect(run).toHaveAttribute("data-indicators", "gdp");
  await expect(run).toHaveAttribute("data-from", from);
  await expect(run).toHaveAttribute("data-to", to);
  await expect(run).toContainText(SCHEDULE_NAME);
  await expect(run).toContainText("立即运行");
  await expect(page.getByTestId("schedule-row").filter({ hasText: SCHEDULE_NAME })).toContainText("成功");

  // The file: BOM, CRLF, Chinese header, the same bytes as a direct export of the same filters.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    run.getByTestId("run-download").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^zones-export-SD-ZB_HB-HS-gdp-${from}-${to}-\\d{8}\\.csv$`),
  );
  const bytes = await bytesOf(download);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toContain("\n");
  const lines = text.split("\r\n").slice(0, -1);
  expect(lines[0]).toBe(HEADER);
  expect(lines).toHaveLength(1 + rowCount);
  expect(rowCount).toBeGreaterThan(0);
  const quarters = [from, addQuarters(from, 1), addQuarters(from, 2), to];
  for (const line of lines.slice(1)) {
    const [zone, , indicator, , , quarter] = line.split(",");
    expect(["SD-ZB", "HB-HS"]).toContain(zone);
    expect(indicator).toBe("gdp");
    expect(quarters).toContain(quarter);
    expect(line).toContain(",已审核,");
  }
  // Zibo's figures come first (catalogue order), from the first quarter on.
  expect(lines[1]).toMatch(
    new RegExp(`^SD-ZB,山东淄博,gdp,地区生产总值,亿元,${from},\\d+(\\.\\d+)?,已审核,`),
  );
  const checksum = await run.locator("[data-checksum]").getAttribute("data-checksum");
  expect(createHash("sha256").update(bytes).digest("hex")).toBe(checksum);

  const direct = await page.request.get(
    `/api/exports?zones=SD-ZB,HB-HS&indicators=gdp&from=${from}&to=${to}&format=csv&lang=zh&encoding=utf-8-bom`,
  );
  expect(direct.status()).toBe(200);
  const directLines = (await direct.body()).subarray(3).toString("utf8").split("\r\n").slice(0, -1);
  expect(directLines).toHaveLength(lines.length);
  directLines.forEach((line, index) => {
    expect(lines[index], `row ${index}`).toBe(line);
  });

  shared.runId = (await run.getAttribute("data-run-id")) ?? undefined;
  // The kept file as it is on disk, though the browser accepts gzip.
  const keptFile = await page.request.get(`/api/exports/runs/${shared.runId}`, {
    headers: { "accept-encoding": "gzip" },
  });
  expect(keptFile.headers()["content-encoding"]).toBeUndefined();
  expect(await keptFile.body()).toEqual(bytes);
  await expectNoSeriousViolations(page);

  // Deleted after a confirmation; its run and file stay.
  await row.getByTestId("schedule-delete").click();
  await expect(page.getByTestId("schedule-confirm")).toContainText(`确定删除定时导出“${SCHEDULE_NAME}”吗`);
  await page.getByRole("button", { name: "确认删除" }).click();
  await expect(page.getByTestId("schedules-done")).toContainText(`已删除“${SCHEDULE_NAME}”`);
  await expect(page.getByTestId("schedule-row")).toHaveCount(0);
  const kept = page.locator(`[data-testid="export-run"][data-run-id="${shared.runId}"]`);
  await expect(kept).not.toHaveAttribute("data-schedule-id", /./);
  await expect(kept.getByTestId("run-download")).toHaveCount(1);
});

test("an invalid cron is refused beside its field and nothing is saved", async ({ page }) => {
  await signInAs(page, "reviewer", "/exports");
  const rows = page.getByTestId("schedule-row");
  const before = await rows.count();
  await page.getByTestId("schedule-create").click();
  const form = page.getByTestId("schedule-form");
  await form.getByLabel("名称", { exact: true }).fill("E2E 无效的 cron");
  // The time zone is picked from a list, Beijing time first and chosen: nobody types an IANA name.
  const timeZone = form.getByRole("combobox", { name: "时区" });
  await expect(timeZone).toHaveValue("Asia/Shanghai");
  await expect(timeZone.locator("option:checked")).toHaveText("北京时间 Asia/Shanghai（GMT+08:00）");
  await timeZone.selectOption("UTC");
  await expect(timeZone.locator("option:checked")).toHaveText("UTC (GMT+00:00)");
  await form.getByLabel("Cron 表达式", { exact: true }).check();
  const cron = form.getByRole("textbox", { name: "Cron 表达式" });
  await expect(form.getByText("5 个字段，依次为：分 时 日 月 周")).toBeVisible();
  await cron.fill("61 25 * *");
  await form.getByTestId("schedule-save").click();
  const error = form.getByTestId("error-trigger.cron");
  await expect(error).toContainText("Cron 表达式无效");
  // The message is the field's description, so it is read out with the field.
  const describedBy = (await cron.getAttribute("aria-describedby")) ?? "";
  expect(describedBy.split(" ")).toContain(await error.getAttribute("id"));
  await expect(form.getByTestId("error-name")).toHaveText("");
  await expect(rows).toHaveCount(before);

  // Corrected, the message goes; cancelled, nothing was saved.
  await cron.fill("0 8 * * 1");
  await expect(error).toHaveText("");
  await form.getByRole("button", { name: "取消", exact: true }).click();
  await page.reload();
  await expect(page.getByTestId("schedule-row")).toHaveCount(before);
});

test("a background export can be cancelled, and leaves no file", async ({ page }) => {
  test.setTimeout(120_000);
  const last = lastFinishedQuarter(new Date());
  // Everything, twice: the second waits behind the first (one export at a time), so it is still queued or
  // just started when cancelled.
  await signInAs(page, "reviewer", `/exports?zones=all&indicators=all&from=2017Q1&to=${last}&format=xlsx`);
  const form = page.getByTestId("export-form");
  await expect(form.getByTestId("zone-choices").getByLabel("全选", { exact: true })).toBeChecked();
  // "All" is the catalogue's, which catalogue.spec may have grown: every zone and indicator the form lists.
  const zoneCount = await form.getByTestId("zone-choices").locator("input[value]").count();
  const indicatorCount = await form.getByTestId("indicator-choices").locator("input[value]").count();
  expect(zoneCount).toBeGreaterThanOrEqual(BUILT_IN_ZONES.length);

  await form.getByTestId("start-export").click();
  await expect(page.getByTestId("export-form-status")).toContainText("已加入后台导出队列");
  const firstId = await newestOnDemandRun(page).getAttribute("data-run-id");
  const firstStates = await watchRun(page, `[data-testid="export-run"][data-run-id="${firstId}"]`);
  await form.getByTestId("start-export").click();
  await expect(newestOnDemandRun(page)).not.toHaveAttribute("data-run-id", firstId ?? "");
  const second = newestOnDemandRun(page);
  const secondId = (await second.getAttribute("data-run-id")) ?? "";
  const run = page.locator(`[data-testid="export-run"][data-run-id="${secondId}"]`);
  await expect(run).toContainText("按需导出");
  await expect(run).toContainText(`${zoneCount} 个示范区 · ${indicatorCount} 项指标`);
  await run.getByTestId("run-cancel").click();
  await expect(run).toHaveAttribute("data-status", "cancelled", { timeout: 30_000 });
  await expect(run.getByTestId("run-status")).toHaveText("已取消");
  await expect(run.getByTestId("run-download")).toHaveCount(0);
  await expect(run.getByTestId("run-rerun")).toBeVisible();
  shared.cancelledRunId = secondId;

  // The first one runs to the end, showing rows done of rows expected while it runs.
  const firstRun = page.locator(`[data-testid="export-run"][data-run-id="${firstId}"]`);
  await expect(firstRun).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  for (const state of (await firstStates()).filter((entry) => entry.status === "running")) {
    expect(state.progress).toMatch(/^(正在统计行数…|[\d,]+ \/ [\d,]+ 行)$/);
  }
  await expect(firstRun.getByTestId("run-progress")).toHaveText(/^[\d,]+ 行$/);

  // A cancelled run has no file to download.
  const response = await page.request.get(`/api/exports/runs/${secondId}`);
  expect(response.status()).toBe(409);
  expect(await response.text()).toMatch(/cancelled/);
});

test("the exports form starts from a dashboard's link and downloads directly", async ({ page }) => {
  await signInAs(page, "viewer", "/compare?zones=HB-HS,SD-ZB&indicators=gdp&from=2025Q1&to=2026Q2&mode=ytd");
  await page.getByTestId("export-link").click();
  await expect(page).toHaveURL(/\/exports\?zones=HB-HS,SD-ZB&indicators=gdp&from=2025Q1&to=2026Q2$/);
  const form = page.getByTestId("export-form");
  const zones = form.getByTestId("zone-choices");
  await expect(zones.getByLabel("黄石 (HB-HS)")).toBeChecked();
  await expect(zones.getByLabel("淄博 (SD-ZB)")).toBeChecked();
  await expect(zones.getByLabel("辽宁中部 (LN-C)")).not.toBeChecked();
  await expect(
    form.getByTestId("indicator-choices").getByLabel("地区生产总值", { exact: true }),
  ).toBeChecked();
  await expect(form.getByLabel("起始季度")).toHaveValue("2025Q1");
  await expect(form.getByLabel("截止季度")).toHaveValue("2026Q2");
  // A viewer exports approved data only: no submitted choice; no schedules.
  await expect(form.getByLabel("待审核（已提交，尚未审核）")).toHaveCount(0);
  await expect(page.getByTestId("export-schedules")).toHaveCount(0);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    form.getByTestId("direct-download").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^zones-export-SD-ZB_HB-HS-gdp-2025Q1-2026Q2-\d{8}\.csv$/);
  const lines = (await bytesOf(download)).subarray(3).toString("utf8").split("\r\n");
  expect(lines[0]).toBe(HEADER);

  // Nothing chosen: the download does not start, and the field says why.
  // 全选 is mixed (two of them all): ticking it chooses all, unticking then chooses none.
  const all = form.getByTestId("zone-choices").getByLabel("全选", { exact: true });
  await all.check();
  await all.uncheck();
  await form.getByTestId("direct-download").click();
  await expect(form.getByTestId("error-filters.zoneCodes")).toHaveText("请至少选择一个示范区。");
  await expect(page).toHaveURL(/\/exports\?/);
});

test("an official sees no schedules and cannot fetch the reviewer's file", async ({ page }) => {
  expect(shared.runId).toBeTruthy();
  await signInAs(page, "official", "/exports");
  await expect(page.getByRole("heading", { level: 1, name: "数据导出" })).toBeVisible();
  await expect(page.getByTestId("export-form")).toBeVisible();
  await expect(page.getByTestId("export-runs")).toBeVisible();
  await expect(page.getByTestId("export-schedules")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "定时导出" })).toHaveCount(0);
  // Officials may add their own zone's submitted data, and are told so.
  await expect(page.getByText("待审核数据只能导出本人负责的示范区。")).toBeVisible();
  // The reviewer's runs are not listed, and their file is not found.
  await expect(page.locator(`[data-run-id="${shared.runId}"]`)).toHaveCount(0);
  const response = await page.request.get(`/api/exports/runs/${shared.runId}`);
  expect(response.status()).toBe(404);
  await expectNoSeriousViolations(page);
});

test("signed out, a run's file answers 401", async ({ request }) => {
  const response = await request.get(
    `/api/exports/runs/${shared.runId ?? "00000000-0000-0000-0000-000000000000"}`,
  );
  expect(response.status()).toBe(401);
});
