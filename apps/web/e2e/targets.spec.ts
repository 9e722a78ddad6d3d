import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";

import { expectNoSeriousViolations, switchToEnglish } from "./a11y";
import { signInAs } from "./fixtures";

/**
 * Plan targets: an admin adds one and imports a template; the zone page, the indicator ranking and the
 * overview show their progress; the progress exports as CSV; nobody else may change them.
 */
test.describe
  .serial("plan targets", () => {
    test("an admin adds a target and imports a template; nothing is saved from a file with a bad row", async ({
      page,
    }) => {
      await signInAs(page, "admin", "/admin/targets");
      await expect(page.getByRole("heading", { level: 1, name: "规划目标" })).toBeVisible();
      // The demo's targets are listed.
      await expect(
        page.getByTestId("target-row").filter({ hasText: "研究与试验发展" }).first(),
      ).toBeVisible();
      await expectNoSeriousViolations(page);

      // A field the server refuses is named, and nothing is saved.
      const form = page.getByTestId("target-form");
      await form.getByTestId("target-zone").selectOption("HB-HS");
      await form.getByTestId("target-indicator").selectOption("tertiary-share");
      await form.getByTestId("target-year").fill("2028");
      await form.getByTestId("target-value").fill("abc");
      await form.getByTestId("target-save").click();
      await expect(page.getByTestId("target-error")).toContainText("targetValue");
      await expect(page.getByTestId("target-row").filter({ hasText: "第三产业" })).toHaveCount(0);

      // A share of 1 % is long reached: the target is met.
      await form.getByTestId("target-value").fill("1");
      await form.getByTestId("target-note").fill("端到端测试");
      await form.getByTestId("target-save").click();
      await expect(page.getByTestId("targets-done")).toHaveText("已保存目标。");
      await expect(page.getByTestId("target-row").filter({ hasText: "端到端测试" })).toBeVisible();

      // The template downloads as CSV with a BOM and both header languages.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("target-template").click(),
      ]);
      expect(download.suggestedFilename()).toBe("zones-targets-template.csv");
      const template = (await readFile(await download.path())).toString("utf8");
      expect(template.charCodeAt(0)).toBe(0xfeff);
      expect(template).toContain("示范区代码（zone_code）");

      const header =
        "示范区代码（zone_code）,指标代码（indicator_code）,目标年份（target_year）,目标值（target_value）,比较方式（comparison）,基期年份（baseline_year）,备注（note）";
      const file = page.getByTestId("target-import-file");
      await file.setInputFiles({
        name: "targets.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(
          `\uFEFF${header}\r\nSD-ZB,pm25,2029,20,,2020,导入\r\nSD-ZB,nope,2029,20,,2031,\r\n`,
        ),
      });
      await page.getByTestId("target-import").getByRole("button", { name: "上传并导入" }).click();
      const problems = page.getByTestId("target-import-problems");
      await expect(problems).toContainText("未保存任何目标");
      await expect(problems).toContainText("第 3 行 “指标代码”（indicator_code）：没有指标“nope”");
      await expect(problems).toContainText("第 3 行 “基期年份”（baseline_year）：须早于目标年份");

      await file.setInputFiles({
        name: "targets.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(`\uFEFF${header}\r\nSD-ZB,pm25,2029,20,,2020,导入\r\n`),
      });
      await page.getByTestId("target-import").getByRole("button", { name: "上传并导入" }).click();
      await expect(page.getByTestId("target-import-done")).toHaveText("已导入 1 个目标。");
      await page.goto("/admin/targets?page=1");
      await expect(page.getByTestId("target-row").filter({ hasText: "导入" })).toHaveCount(1);
    });

    test("the zone page shows each target's status, in both languages", async ({ page }) => {
      await signInAs(page, "viewer", "/zones/HB-HS");
      const targets = page.getByTestId("zone-targets");
      await expect(targets.getByRole("heading", { name: "规划目标进展" })).toBeVisible();
      const added = targets.locator('[data-testid="target-progress-row"][data-indicator="tertiary-share"]');
      await expect(added.getByTestId("target-status")).toHaveText("已达标");
      const rd = targets.locator('[data-testid="target-progress-row"][data-indicator="rd-intensity"]');
      await expect(rd.getByTestId("target-status")).toHaveText("进展顺利");
      // Every status of the demo's Huangshi targets shows.
      for (const label of ["已达标", "进展顺利", "存在风险", "严重滞后", "暂无数据"]) {
        await expect(targets.getByTestId("target-status").filter({ hasText: label }).first()).toBeVisible();
      }
      await switchToEnglish(page);
      await expect(rd.getByTestId("target-status")).toHaveText("On track");
    });

    test("the indicator ranking and the overview show the targets' progress", async ({ page }) => {
      await signInAs(page, "viewer", "/indicators/rd-intensity");
      await expect(page.getByTestId("ranking-links").getByTestId("target-status").first()).toBeVisible();
      await page.goto("/");
      const overview = page.getByTestId("overview-targets");
      await expect(overview.locator('[data-testid="overview-targets-row"][data-zone="HB-HS"]')).toBeVisible();
      await expect(
        overview.locator('[data-testid="overview-targets-row"][data-zone="HB-HS"] td[data-status="met"]'),
      ).toHaveText("2");
    });

    test("anyone signed in exports the progress as CSV from /exports", async ({ page }) => {
      await signInAs(page, "viewer", "/exports");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("target-export").click(),
      ]);
      const text = (await readFile(await download.path())).toString("utf8");
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text).toContain("示范区代码,示范区,指标代码");
      expect(text).toContain("HB-HS,黄石,tertiary-share");
      expect(text).toContain("已达标");
    });

    test("a non-admin cannot change targets: no link, no page, no template, refused by the API", async ({
      page,
    }) => {
      for (const role of ["viewer", "reviewer", "official"] as const) {
        await page.context().clearCookies();
        await signInAs(page, role);
        await expect(page.getByTestId("site-nav").getByRole("link", { name: "规划目标" })).toHaveCount(0);
        expect((await page.goto("/admin/targets"))?.status()).toBe(404);
        expect((await page.request.get("/api/targets/template")).status()).toBe(403);
        const save = await page.request.post("/api/trpc/targets.save", {
          data: {
            json: {
              zoneCode: "HB-HS",
              indicatorCode: "gdp",
              targetYear: 2030,
              targetValue: 1,
              baselineYear: 2020,
            },
          },
          headers: { origin: new URL(page.url()).origin },
        });
        expect(save.status()).toBe(403);
      }
    });
  });
