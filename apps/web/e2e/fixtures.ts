import {
  type APIRequestContext,
  expect,
  type Locator,
  type Page,
  request as playwrightRequest,
} from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@zones/db/seed";

export type DemoRole = "admin" | "reviewer" | "official" | "viewer";

export function demoAccount(role: DemoRole) {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return account;
}

/** Signs in through the login page, as a person would, and waits for the page it returns to. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, path = "/") {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  // Attached rather than visible: on a phone the account box is behind the header's menu button. The password's
  // hash and a server's first page can take seconds on a loaded machine.
  await expect(page.getByTestId("user-box")).toBeAttached({ timeout: 15_000 });
}

export function signInAs(page: Page, role: DemoRole, path = "/") {
  return signIn(page, demoAccount(role).email, DEMO_PASSWORD, path);
}

/**
 * The accessible table under a chart: its disclosure opened first (a chart builds its table when the
 * disclosure first opens, and keeps it).
 */
export async function chartTable(frame: Locator): Promise<Locator> {
  const details = frame.locator("details.chart-frame-table");
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await details.locator("summary").click();
  }
  const table = details.locator("table");
  await expect(table).toBeVisible();
  return table;
}

/** The server's origin, as a browser's requests to it name it (the Origin header). */
export function ownOrigin(baseURL: string | undefined): string {
  return new URL(baseURL ?? "http://127.0.0.1:3100").origin;
}

/** A request context of its own, signed in through better-auth's endpoint (an API client, no page). */
export async function apiSignIn(
  baseURL: string | undefined,
  email: string,
  password: string,
): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  const response = await context.post("/api/auth/sign-in/email", {
    headers: { origin: ownOrigin(baseURL) },
    data: { email, password },
  });
  expect(response.status(), await response.text()).toBe(200);
  return context;
}
