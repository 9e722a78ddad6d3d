import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "@zones/db/seed";
import { BUILT_IN_ZONES } from "@zones/domain";

import { demoAccount, signIn, signInAs } from "./fixtures";

test.describe("access without a session", () => {
  test("a page redirects to the login page and comes back to it after signing in", async ({ page }) => {
    await page.goto("/?quarter=2026Q3&indicator=gdp");
    await expect(page).toHaveURL(/\/login\?next=%2F%3Fquarter%3D2026Q3%26indicator%3Dgdp/);
    await expect(page.getByTestId("zone-card")).toHaveCount(0);
    await page.getByLabel("邮箱").fill(demoAccount("viewer").email);
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/\?quarter=2026Q3&indicator=gdp$/);
    await expect(page.getByTestId("quarter-select")).toHaveValue("2026Q3");
  });

  test("a non-public procedure answers 401, health stays public", async ({ request }) => {
    const input = encodeURIComponent(JSON.stringify({ json: {} }));
    expect((await request.get(`/api/trpc/overview.get?input=${input}`)).status()).toBe(401);
    expect((await request.get("/api/trpc/session.me")).status()).toBe(401);
    expect((await request.get("/api/health")).status()).toBe(200);
  });

  test("a forged session cookie is no session", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "zones.session_token", value: "forged.cookie", url: baseURL ?? "" }]);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
    expect((await page.request.get("/api/trpc/session.me")).status()).toBe(401);
  });
});

test.describe("signing in", () => {
  const navigation = {
    admin: { users: true, role: "管理员" },
    reviewer: { users: false, role: "审核员" },
    official: { users: false, role: "填报员 · 湖北黄石" },
    viewer: { users: false, role: "查看员" },
  } as const;

  for (const [role, expected] of Object.entries(navigation)) {
    test(`${role} signs in and sees their own navigation`, async ({ page }) => {
      await signInAs(page, role as keyof typeof navigation);
      const nav = page.getByTestId("site-nav");
      await expect(nav.getByRole("link", { name: "总览" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "用户管理" })).toHaveCount(expected.users ? 1 : 0);
      await expect(page.getByTestId("user-role")).toHaveText(expected.role);
      const users = await page.goto("/admin/users");
      expect(users?.status()).toBe(expected.users ? 200 : 404);
    });
  }

  test("a wrong password shows an error and no session", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("邮箱").fill(demoAccount("reviewer").email);
    await page.getByLabel("密码").fill("not-the-password-2026");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("login-error")).toHaveText("邮箱或密码不正确。");
    await expect(page).toHaveURL(/\/login/);
  });

  test("signing out ends the session: going back shows no data", async ({ page }) => {
    await signInAs(page, "reviewer");
    await expect(page.getByTestId("zone-card")).toHaveCount(BUILT_IN_ZONES.length);
    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/login/);
    await page.goBack();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByTestId("zone-card")).toHaveCount(0);
    expect((await page.request.get("/api/trpc/session.me")).status()).toBe(401);
  });

  test("a page on another local port cannot sign in, sign out or rename", async ({
    page,
    request,
    baseURL,
  }) => {
    const own = new URL(baseURL ?? "");
    // The other test server's port: another app on this machine.
    const foreign = `http://127.0.0.1:${Number(own.port) + 1}`;
    const credentials = { email: demoAccount("viewer").email, password: DEMO_PASSWORD };
    const loginCsrf = await request.post("/api/auth/sign-in/email", {
      headers: { origin: foreign },
      data: credentials,
    });
    expect(loginCsrf.status()).toBe(403);
    const ownOrigin = await request.post("/api/auth/sign-in/email", {
      headers: { origin: own.origin },
      data: credentials,
    });
    expect(ownOrigin.status()).toBe(200);

    await signInAs(page, "viewer");
    const rename = await page.request.post("/api/auth/update-user", {
      headers: { origin: foreign },
      data: { name: "renamed" },
    });
    expect(rename.status()).toBe(403);
    expect(
      (await page.request.post("/api/auth/sign-out", { headers: { origin: foreign }, data: {} })).status(),
    ).toBe(403);
    expect((await page.request.get("/api/trpc/session.me")).status()).toBe(200);
  });

  test("a name over 100 characters or with a NUL is refused, naming the field", async ({ page, baseURL }) => {
    await signInAs(page, "viewer");
    for (const name of ["名".repeat(101), "x".repeat(60_000), "a\u0000b"]) {
      const response = await page.request.post("/api/auth/update-user", {
        headers: { origin: baseURL ?? "" },
        data: { name },
      });
      expect(response.status()).toBe(400);
      expect((await response.json()).message).toMatch(/^name: /);
    }
    // A body past what any auth request needs is refused before it is read.
    const huge = await page.request.post("/api/auth/update-user", {
      headers: { origin: baseURL ?? "" },
      data: { name: "x".repeat(1024 * 1024) },
    });
    expect(huge.status()).toBe(413);
    await page.reload();
    await expect(page.getByTestId("user-box")).not.toContainText("名名名");
  });

  test("a cross-origin POST to the API is refused", async ({ page }) => {
    await signInAs(page, "admin");
    const response = await page.request.post("/api/trpc/user.setDisabled", {
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      data: { json: { userId: "x", disabled: true } },
    });
    expect(response.status()).toBe(403);
  });
});

test("an admin creates a user who can then sign in", async ({ page, browser }) => {
  await signInAs(page, "admin", "/admin/users");
  await page.goto("/admin/users");
  await page.getByLabel("邮箱").fill("zibo@demo.local");
  await page.getByLabel("姓名").fill("淄博填报员");
  await page.getByLabel("角色").selectOption("official");
  await page.getByLabel("初始密码").fill("zibo-official-2026");
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByTestId("zones-error")).toHaveText("填报员至少需要一个示范区。");
  await page.getByLabel("山东淄博").check();
  await expect(page.getByTestId("zones-error")).toHaveCount(0);
  await page.getByLabel("初始密码").fill("password1234");
  await page.getByRole("button", { name: "创建账号" }).click();
  // The server's refusal, in the page's language, beside the password.
  await expect(page.getByTestId("password-error")).toHaveText(/不符合密码规则.*常见密码/);
  await expect(page.getByTestId("create-user-error")).toHaveCount(0);

  await page.getByLabel("初始密码").fill("zibo-official-2026");
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByTestId("create-user-success")).toContainText("zibo@demo.local");
  await expect(page.locator('tr[data-email="zibo@demo.local"]')).toContainText("淄博");

  const other = await browser.newContext();
  const newUserPage = await other.newPage();
  await signIn(newUserPage, "zibo@demo.local", "zibo-official-2026");
  // The password the admin typed was a first one: the new official sets their own before anything else.
  await expect(newUserPage).toHaveURL(/\/account\/password/);
  await expect(newUserPage.getByTestId("must-change-password")).toBeVisible();
  await newUserPage.getByLabel("当前密码").fill("zibo-official-2026");
  await newUserPage.getByLabel("新密码", { exact: true }).fill("zibo-own-choice-2026");
  await newUserPage.getByLabel("确认新密码").fill("zibo-own-choice-2026");
  await newUserPage.getByRole("button", { name: "保存新密码" }).click();
  await expect(newUserPage).not.toHaveURL(/\/account\/password/);
  await expect(newUserPage.getByTestId("user-role")).toHaveText("填报员 · 山东淄博");

  // The admin adds a zone; the user's next request sees it (zones are read from the server, per request).
  const row = page.locator('tr[data-email="zibo@demo.local"]');
  await row.getByRole("button", { name: "修改角色和示范区" }).click();
  await row.getByLabel("铜陵").check();
  await row.getByRole("button", { name: "保存" }).click();
  await expect(row).toContainText("淄博、铜陵");
  await newUserPage.reload();
  await expect(newUserPage.getByTestId("user-role")).toHaveText("填报员 · 山东淄博、安徽铜陵");
  await other.close();
});

test("an admin resets a password: the user must choose a new one, which signs out their other sessions", async ({
  page,
  browser,
}) => {
  // The account to reset, with a session of its own that the reset must end.
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  await signInAs(userPage, "viewer");

  await signInAs(page, "admin", "/admin/users");
  await page.goto("/admin/users");
  const row = page.locator(`tr[data-email="${demoAccount("viewer").email}"]`);
  await row.getByRole("button", { name: "重置密码" }).click();
  await row.getByLabel(/新密码/).fill("reset-by-admin-2026");
  await row.getByRole("button", { name: "重置密码" }).click();
  await expect(row.getByRole("status")).toContainText("已重置");

  // The old session is gone.
  await userPage.reload();
  await expect(userPage).toHaveURL(/\/login/);

  // The next sign-in leads to the change-password page and nowhere else.
  await userPage.getByLabel("邮箱").fill(demoAccount("viewer").email);
  await userPage.getByLabel("密码").fill("reset-by-admin-2026");
  await userPage.getByRole("button", { name: "登录" }).click();
  await expect(userPage).toHaveURL(/\/account\/password/);
  await expect(userPage.getByTestId("must-change-password")).toBeVisible();
  await userPage.goto("/");
  await expect(userPage).toHaveURL(/\/account\/password/);

  await userPage.getByLabel("当前密码").fill("reset-by-admin-2026");
  await userPage.getByLabel("新密码", { exact: true }).fill(DEMO_PASSWORD);
  await userPage.getByLabel("确认新密码").fill(DEMO_PASSWORD);
  await userPage.getByRole("button", { name: "保存新密码" }).click();
  await expect(userPage.getByTestId("zone-card")).toHaveCount(BUILT_IN_ZONES.length);
  await userContext.close();
});
