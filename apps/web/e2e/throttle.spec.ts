import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "@zones/db/seed";

import { demoAccount } from "./fixtures";

// Runs after every other test (its own project): it leaves this IP throttled for a minute.

// The server takes the client's address from the connection: an X-Forwarded-For the client sends neither
// gives it a fresh count (one spoofed address per try) nor removes its count (a list of two).
test("a spoofed X-Forwarded-For neither resets nor removes the per-IP count", async ({
  request,
  baseURL,
}) => {
  const spoofed = [
    "203.0.113.1",
    "203.0.113.2",
    "203.0.113.3",
    "203.0.113.4, 10.0.0.4",
    "203.0.113.5, 10.0.0.5",
  ];
  for (const [index, forwardedFor] of spoofed.entries()) {
    const response = await request.post("/api/auth/sign-in/email", {
      headers: { origin: baseURL ?? "", "x-forwarded-for": forwardedFor },
      data: { email: `spoof-${index}@demo.local`, password: "wrong-password-2026" },
    });
    // A 429 already only when earlier tests' failures from this address are still within the minute.
    expect([401, 429]).toContain(response.status());
  }
  // A sixth account, the right password, yet another spoofed address: this address is throttled.
  const sixth = await request.post("/api/auth/sign-in/email", {
    headers: { origin: baseURL ?? "", "x-forwarded-for": "203.0.113.6" },
    data: { email: demoAccount("reviewer").email, password: DEMO_PASSWORD },
  });
  expect(sixth.status()).toBe(429);
  expect((await sixth.json()).code).toBe("TOO_MANY_ATTEMPTS");
});

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
