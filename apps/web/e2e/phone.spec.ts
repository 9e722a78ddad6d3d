import { expect, type Page, test } from "@playwright/test";

import { expectNoSeriousViolations } from "./a11y";
import { type DemoRole, signInAs } from "./fixtures";

/**
 * Every page on a 390 × 844 phone (the check), for the role that uses it: nothing scrolls sideways
 * (the document is no wider than the screen; wide tables scroll inside their own box), axe finds nothing
 * serious at that size, and a screenshot of each goes into the report.
 */
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const ROUTES: Record<DemoRole, string[]> = {
  viewer: [
    "/",
    "/zones/HB-HS",
    "/indicators/gdp",
    "/compare",
    "/exports",
    "/notifications",
    "/account/notifications",
    "/account/password",
    "/evaluation",
    "/evaluation/2018",
  ],
  official: ["/", "/entry", "/entry/HB-HS/2026Q3", "/entry/import", "/account/two-factor"],
  reviewer: [
    "/review",
    "/review/HN-C/2026Q3",
    "/completeness",
    "/exports",
    "/bulletin/2026Q2",
    "/evaluation/2025",
  ],
  admin: [
    "/admin/users",
    "/admin/periods",
    "/admin/security",
    "/admin/delivery",
    "/admin/outbox",
    "/admin/catalogue",
    "/admin/catalogue/zones/HB-HS",
    "/admin/catalogue/indicators/gdp",
    "/evaluation/2025",
    "/evaluation/2025/rubric",
    "/admin/targets",
  ],
};

async function documentWidth(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}

for (const [role, routes] of Object.entries(ROUTES) as [DemoRole, string[]][]) {
  test(`${role}: every page fits a 390 px phone`, async ({ page }, testInfo) => {
    test.setTimeout(30_000 + routes.length * 15_000);
    await signInAs(page, role);
    for (const route of routes) {
      await test.step(route, async () => {
        const response = await page.goto(route);
        expect.soft(response?.status(), route).toBe(200);
        await page.waitForLoadState("networkidle");
        await testInfo.attach(`${role}${route.replaceAll("/", "_")}.png`, {
          body: await page.screenshot({ fullPage: true }),
          contentType: "image/png",
        });
        expect.soft(await documentWidth(page), `${route}: document width`).toBeLessThanOrEqual(390);
        await expectNoSeriousViolations(page, { soft: true, label: `${route}: axe` });
      });
    }
  });
}

test("on a phone the header's links are behind a menu button: a disclosure for keyboard and touch", async ({
  page,
}) => {
  await signInAs(page, "admin");
  const button = page.getByTestId("menu-button");
  const nav = page.getByTestId("site-nav");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
  await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "用户" })).toBeVisible();
  const box = await nav.getByRole("link", { name: "用户" }).boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  // Escape closes it and gives the focus back to the button.
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(button).toBeFocused();
  // From the keyboard, and a navigation closes it.
  await page.keyboard.press("Enter");
  await expect(nav).toBeVisible();
  await nav.getByRole("link", { name: "用户" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(nav).toBeHidden();
  await expect(button).toHaveAttribute("aria-expanded", "false");
});

test.describe("a laptop screen in English", () => {
  test.use({ viewport: { width: 1366, height: 768 }, isMobile: false, hasTouch: false });

  test("the admin's header stays short: no seven-line subtitle, no menu button", async ({ page }) => {
    await signInAs(page, "admin");
    await page.getByTestId("locale-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en", { timeout: 15_000 });
    await expect(page.getByTestId("menu-button")).toBeHidden();
    await expect(page.getByTestId("site-nav").getByRole("link", { name: "Users" })).toBeVisible();
    const header = await page.locator(".site-header").boundingBox();
    expect(header?.height ?? 999).toBeLessThanOrEqual(110);
    expect(await documentWidth(page)).toBeLessThanOrEqual(1366);
  });
});
