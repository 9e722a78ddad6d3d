"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { formatQuarterLabel, type Locale, localized, toQuarter } from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { useTRPC } from "~/trpc/react";

/** At most this many forms are listed; the rest wait on the entry page. */
const SHOWN = 4;

/**
 * An official's forms that wait for them — open quarters their zones have not submitted (never started, a
 * draft, or returned), the most urgent first — so that signing in leads to the work, not only to the overview.
 */
export function WaitingForYou() {
  const t = useTranslations("overview.waiting");
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.submission.completeness.queryOptions({}));
  const open = new Map(data.periods.filter((period) => period.status === "open").map((p) => [p.quarter, p]));
  const waiting = data.cells
    .flatMap((cell) => {
      const period = open.get(cell.quarter);
      return period && ["none", "draft", "returned"].includes(cell.state) ? [{ ...cell, period }] : [];
    })
    .sort((a, b) => a.period.daysLeft - b.period.daysLeft || a.zoneCode.localeCompare(b.zoneCode));
  if (waiting.length === 0) return null;
  return (
    <section className="notice waiting-for-you" aria-labelledby="waiting-title" data-testid="waiting-for-you">
      <h2 id="waiting-title">{t("title", { count: waiting.length })}</h2>
      <ul>
        {waiting.slice(0, SHOWN).map((cell) => {
          const zone = catalogue.zone(cell.zoneCode);
          const { daysLeft, deadline } = cell.period;
          return (
            <li
              key={`${cell.zoneCode}-${cell.quarter}`}
              data-zone={cell.zoneCode}
              data-quarter={cell.quarter}
            >
              <Link href={`/entry/${cell.zoneCode}/${cell.quarter}`}>
                {t("form", {
                  zone: zone ? localized(zone.shortName, locale) : cell.zoneCode,
                  quarter: formatQuarterLabel(toQuarter(cell.quarter), locale),
                })}
              </Link>{" "}
              <span className={daysLeft < 0 ? "waiting-overdue" : undefined}>
                {t(cell.state === "returned" ? "returned" : cell.state === "draft" ? "draft" : "notStarted")}{" "}
                ·{" "}
                {daysLeft < 0
                  ? t("overdue", { deadline, days: -daysLeft })
                  : t("due", { deadline, days: daysLeft })}
              </span>
            </li>
          );
        })}
      </ul>
      {waiting.length > SHOWN && <Link href="/entry">{t("more", { count: waiting.length - SHOWN })}</Link>}
    </section>
  );
}
