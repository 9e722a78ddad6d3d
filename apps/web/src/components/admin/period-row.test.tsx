import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import enReview from "~/messages/en/review.json";
import zhReview from "~/messages/zh-CN/review.json";
import { PeriodRow } from "./period-row";
import type { PeriodChanges } from "./use-period-change";

const MESSAGES = { "zh-CN": zhReview, en: enReview };

/** The row of 2026Q4 as the admin's period page renders it, in a table of its own. */
function render(
  locale: "zh-CN" | "en",
  state: { status: "open" | "closed" | "not_open"; openedBySchedule: boolean },
) {
  const changes = { pending: null, ask() {}, cancel() {} } as unknown as PeriodChanges;
  const row = {
    quarter: "2026Q4",
    deadline: "2027-01-25",
    openedAt: null,
    closedAt: null,
    submitted: 0,
    approved: 0,
    ...state,
  };
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={{ review: MESSAGES[locale] }} timeZone="Asia/Shanghai">
      <table>
        <tbody>
          <PeriodRow row={row} editing={false} locked={false} changes={changes} onEdit={() => {}} />
        </tbody>
      </table>
    </NextIntlClientProvider>,
  );
}

describe("a period on the admin's page", () => {
  it("says it was opened by the system, in Chinese and in English", () => {
    expect(render("zh-CN", { status: "open", openedBySchedule: true })).toContain("系统自动开放");
    expect(render("en", { status: "open", openedBySchedule: true })).toContain("opened automatically");
  });

  it("says nothing of the kind for an admin's opening, or once the period is closed", () => {
    expect(render("zh-CN", { status: "open", openedBySchedule: false })).not.toContain("系统自动开放");
    expect(render("zh-CN", { status: "closed", openedBySchedule: true })).not.toContain("系统自动开放");
  });
});
