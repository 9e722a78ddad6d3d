import { base32 } from "@better-auth/utils/base32";
import { createOTP } from "@better-auth/utils/otp";
import { type Browser, expect, type Page, request as playwrightRequest, test } from "@playwright/test";
import { BUILT_IN_ZONES } from "@zones/domain";

import { signIn, signInAs } from "./fixtures";

/** The current code of an authenticator holding this (Base32, as shown for typing in) secret. */
function totp(secret: string): Promise<string> {
  return createOTP(base32.decode(secret.replace(/\s+/g, ""))).totp();
}

/** A code that is not the current one (nor, but for a one-in-a-million chance, a neighbouring one). */
function wrongCode(code: string): string {
  return String((Number(code) + 500_000) % 1_000_000).padStart(6, "0");
}

/** An admin creates an account through the user list, as in the admin's own test. */
async function createAccount(page: Page, account: { email: string; role: string; password: string }) {
  await signInAs(page, "admin", "/admin/users");
  await page.goto("/admin/users");
  await page.getByLabel("邮箱").fill(account.email);
  await page.getByLabel("姓名").fill(account.email.split("@")[0] ?? "");
  await page.getByLabel("角色").selectOption(account.role);
  const first = `${account.password}-first`;
  await page.getByLabel("初始密码").fill(first);
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByTestId("create-user-success")).toContainText(account.email);
  // A new account sets its own password at first sign-in; done here through the API, as its user would.
  const origin = new URL(page.url()).origin;
  const own = await playwrightRequest.newContext({ baseURL: origin });
  try {
    const signedIn = await own.post("/api/auth/sign-in/email", {
      headers: { origin },
      data: { email: account.email, password: first },
    });
    expect(signedIn.status(), await signedIn.text()).toBe(200);
    const changed = await own.post("/api/auth/change-password", {
      headers: { origin },
      data: { currentPassword: first, newPassword: account.password },
    });
    expect(changed.status(), await changed.text()).toBe(200);
  } finally {
    await own.dispose();
  }
}

/** On /account/two-factor: password, then the first code from the secret shown. */
async function setUpTwoFactor(page: Page, password: string) {
  await page.getByLabel("当前密码").fill(password);
  await page.getByRole("button", { name: "开始设置" }).click();
  await expect(page.getByTestId("totp-qr")).toBeVisible();
  await expect(page.getByTestId("backup-codes").getByRole("listitem")).toHaveCount(10);
  const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
  expect(secret.replace(/\s+/g, "")).toMatch(/^[A-Z2-7]+$/);
  const backupCodes = await page.getByTestId("backup-codes").getByRole("listitem").allTextContents();

  await page.getByLabel("验证码").fill(wrongCode(await totp(secret)));
  await page.getByRole("button", { name: "确认开启" }).click();
  await expect(page.getByTestId("two-factor-error")).toHaveText("验证码不正确，请输入应用当前显示的验证码。");

  await page.getByLabel("验证码").fill(await totp(secret));
  await page.getByRole("button", { name: "确认开启" }).click();
  await expect(page.getByTestId("two-factor-status")).toHaveText(/两步验证已开启/);
  return { secret, backupCodes };
}

/** The login page's two steps: the password, then (asked for) a code. */
async function signInWithCode(page: Page, email: string, password: string, code: string) {
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("two-factor-step")).toBeVisible();
  await page.getByLabel("验证码或备用码").fill(code);
  await page.getByRole("button", { name: "验证" }).click();
}

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("a user turns on two-factor sign-in; then the password alone no longer signs in", async ({
  page,
  browser,
}) => {
  // Six sign-ins, a setup and a removal: more than the default 30 s on a slow machine.
  test.setTimeout(60_000);
  const account = { email: "two-factor@demo.local", role: "viewer", password: "two-factor-user-2026" };
  await createAccount(page, account);

  const { context, page: user } = await newPage(browser);
  await signIn(user, account.email, account.password);
  await user.getByTestId("site-nav").getByRole("link", { name: "两步验证" }).click();
  await expect(user).toHaveURL(/\/account\/two-factor$/);
  await expect(user.getByTestId("two-factor-status")).toHaveText("两步验证尚未开启。");
  await user.getByLabel("当前密码").fill("not-the-password-2026");
  await user.getByRole("button", { name: "开始设置" }).click();
  await expect(user.getByTestId("two-factor-error")).toHaveText("密码不正确。");
  const { secret, backupCodes } = await setUpTwoFactor(user, account.password);

  await user.getByTestId("sign-out").click();
  await expect(user).toHaveURL(/\/login/);
  await user.getByLabel("邮箱").fill(account.email);
  await user.getByLabel("密码").fill(account.password);
  await user.getByRole("button", { name: "登录" }).click();
  await expect(user.getByTestId("two-factor-step")).toBeVisible();
  // No session yet: the password alone opens nothing.
  expect((await user.request.get("/api/trpc/session.me")).status()).toBe(401);

  await user.getByLabel("验证码或备用码").fill(wrongCode(await totp(secret)));
  await user.getByRole("button", { name: "验证" }).click();
  await expect(user.getByTestId("login-error")).toHaveText("验证码或备用码不正确。");
  await expect(user).toHaveURL(/\/login/);

  await user.getByLabel("验证码或备用码").fill(await totp(secret));
  await user.getByRole("button", { name: "验证" }).click();
  await expect(user.getByTestId("user-box")).toBeVisible();
  await expect(user).toHaveURL(/\/$/);

  // A backup code instead of the authenticator's code.
  await user.getByTestId("sign-out").click();
  await expect(user).toHaveURL(/\/login/);
  await signInWithCode(user, account.email, account.password, backupCodes[0] ?? "");
  await expect(user.getByTestId("user-box")).toBeVisible();

  // Turning it off again takes the password; then the password alone signs in.
  await user.goto("/account/two-factor");
  await expect(user.getByTestId("two-factor-status")).toHaveText("两步验证已开启。");
  await user.getByLabel("当前密码").fill(account.password);
  await user.getByRole("button", { name: "关闭两步验证" }).click();
  await expect(user.getByTestId("two-factor-status")).toHaveText("两步验证尚未开启。");
  await user.getByTestId("sign-out").click();
  await expect(user).toHaveURL(/\/login/);
  await signIn(user, account.email, account.password);
  await context.close();
});

test("an admin requires two-factor of reviewers: a reviewer must set it up before anything else", async ({
  page,
  browser,
}) => {
  const account = {
    email: "two-factor-reviewer@demo.local",
    role: "reviewer",
    password: "reviewer-2fa-2026",
  };
  await createAccount(page, account);
  const requireForReviewers = async (required: boolean) => {
    await page.goto("/admin/security");
    await page.getByLabel("要求审核员使用两步验证").setChecked(required);
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByTestId("security-saved")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("要求审核员使用两步验证")).toBeChecked({ checked: required });
  };

  await expect(page.getByTestId("site-nav").getByRole("link", { name: "安全设置" })).toBeVisible();
  await requireForReviewers(true);
  // Affects every reviewer, the demo one too: undone whatever happens below.
  try {
    await expect(page.getByLabel("要求管理员使用两步验证")).not.toBeChecked();
    const { context, page: reviewer } = await newPage(browser);
    await signIn(reviewer, account.email, account.password);
    await expect(reviewer).toHaveURL(/\/account\/two-factor$/);
    await expect(reviewer.getByTestId("two-factor-required")).toBeVisible();
    await reviewer.goto("/?quarter=2026Q3");
    await expect(reviewer).toHaveURL(/\/account\/two-factor$/);

    await setUpTwoFactor(reviewer, account.password);
    await expect(reviewer.getByTestId("two-factor-required")).toHaveCount(0);
    await reviewer.goto("/");
    await expect(reviewer.getByTestId("zone-card")).toHaveCount(BUILT_IN_ZONES.length);
    await context.close();
  } finally {
    await requireForReviewers(false);
  }
});
