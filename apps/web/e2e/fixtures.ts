import { expect, type Locator, type Page } from "@playwright/test";
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
