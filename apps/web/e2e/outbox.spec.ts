import { expect, test } from "@playwright/test";
import { DEMO_MAIL } from "@zones/db/seed";

import { expectNoSeriousViolations, switchToEnglish } from "./a11y";
import { signInAs } from "./fixtures";

test.describe("the outbox", () => {
  test("an admin reads the demo's message: subject, text, the HTML part in a sandboxed frame, attachments", async ({
    page,
  }) => {
    await signInAs(page, "admin", "/admin/outbox");
    await expect(page.getByRole("heading", { level: 1, name: "发件箱" })).toBeVisible();
    const row = page.getByTestId("outbox-row").filter({ hasText: DEMO_MAIL.subject });
    await expect(row).toContainText(DEMO_MAIL.toAddress);
    await expect(row).toContainText("保存在发件箱");
    await expectNoSeriousViolations(page);

    await row.getByRole("link", { name: DEMO_MAIL.subject }).click();
    await expect(page).toHaveURL(/\/admin\/outbox\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(DEMO_MAIL.subject);
    await expect(page.getByTestId("outbox-text")).toHaveText(DEMO_MAIL.text);
    await expect(page.getByTestId("outbox-message")).toContainText(DEMO_MAIL.attachments[0].filename);
    const frame = page.getByTestId("outbox-html");
    await expect(frame).toHaveAttribute("sandbox", "");
    await expect(frame.contentFrame().locator("b")).toHaveText("示范区监测平台");
    // The markup is only in the frame, never part of this page.
    await expect(page.locator("article b")).toHaveCount(0);

    await switchToEnglish(page);
    await expect(page.getByRole("link", { name: "Back to the outbox" })).toBeVisible();
    await expect(page.getByTestId("outbox-status")).toHaveText("Kept in the outbox");
  });

  test("on a phone the list and the message fit the screen's width", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, "admin", "/admin/outbox");
    // The page's own content (the site's header is not the outbox's): nothing reaches past the screen's edge,
    // the list's table scrolling inside its own box.
    const pastTheEdge = () =>
      page.evaluate(() =>
        [...document.querySelectorAll("main *")]
          .filter((element) => !element.closest(".table-scroll") || element.matches(".table-scroll"))
          .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
          .map((element) => element.outerHTML.slice(0, 80)),
      );
    await expect(page.getByTestId("outbox-table")).toBeVisible();
    expect(await pastTheEdge()).toEqual([]);
    await page.getByRole("link", { name: DEMO_MAIL.subject }).click();
    await expect(page.getByTestId("outbox-text")).toBeVisible();
    expect(await pastTheEdge()).toEqual([]);
  });

  test("a viewer is refused the list and a message, and an id that names no message is not found", async ({
    page,
  }) => {
    await signInAs(page, "viewer");
    const list = await page.goto("/admin/outbox");
    expect(list?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    const message = await page.goto("/admin/outbox/00000000-0000-4000-8000-000000000000");
    expect(message?.status()).toBe(404);
    await expect(page.getByRole("link", { name: "发件箱" })).toHaveCount(0);
  });

  test("an admin asking for a message that does not exist, or for no id at all, is told it is not found", async ({
    page,
  }) => {
    await signInAs(page, "admin");
    for (const path of ["/admin/outbox/00000000-0000-4000-8000-000000000000", "/admin/outbox/not-an-id"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
  });
});
