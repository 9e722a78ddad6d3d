import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** axe-core on the page as it is: no serious or critical violation (listed by rule and element if any). */
export async function expectNoSeriousViolations(
  page: Page,
  options: { soft?: boolean; label?: string } = {},
) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => node.target.join(" ")),
    }));
  (options.soft ? expect.soft : expect)(serious, options.label).toEqual([]);
}

/** The language switch in the header; waits until the page is in English. */
export async function switchToEnglish(page: Page) {
  await page.getByTestId("locale-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en", { timeout: 15_000 });
}
