"use client";

import { useQuery } from "@tanstack/react-query";
import { formatQuarterLabel, type Locale, localized, toQuarter } from "@zones/domain";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { useTRPC } from "~/trpc/react";

/**
 * After a decision: the next submission waiting for review (the queue's first page, oldest waiting first),
 * other than the one just decided, or a word that none waits.
 */
export function NextWaiting({ zoneCode, quarter }: { zoneCode: string; quarter: string }) {
  const t = useTranslations("review.detail");
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  const trpc = useTRPC();
  const { data } = useQuery(trpc.submission.queue.queryOptions({ status: "submitted", page: 1 }));
  if (!data) return null;
  const next = data.rows.find((row) => row.zoneCode !== zoneCode || row.quarter !== quarter);
  if (!next) return <span data-testid="next-waiting">{t("noneWaiting")}</span>;
  const zone = catalogue.zone(next.zoneCode);
  const label = t("nextWaiting", {
    zone: zone ? localized(zone.shortName, locale) : next.zoneCode,
    quarter: formatQuarterLabel(toQuarter(next.quarter), locale),
  });
  return (
    <Link href={`/review/${next.zoneCode}/${next.quarter}`} data-testid="next-waiting">
      {label}
    </Link>
  );
}
