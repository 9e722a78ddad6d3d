import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "@zones/db/seed";

import { demoAccount } from "./fixtures";

// Runs after every other test (its own project): it leaves this IP throttled for a minute.
test("the sixth failed sign-in within a minute is refused, saying when to retry", async ({ page }) => {
  await page.goto("/login");
  const email = demoAccount("official").email;
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("邮箱").fill(email);
    await page.getByLabel("密码").fill(`wrong-password-${attempt}`);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("login-error")).toHaveText(/邮箱或密码不正确|登录失败次数过多/);
  }
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("login-error")).toHaveText(/登录失败次数过多，请在 \d+ 秒后重试。/);
  await expect(page).toHaveURL(/\/login/);
});
