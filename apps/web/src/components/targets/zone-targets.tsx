"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { formatQuarterLabel, type Locale, type QuarterString } from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";

import { useTRPC } from "~/trpc/react";
import { TargetProgressTable } from "./target-progress-table";

/** A zone's plan targets and their progress as of the last quarter the page shows. */
export function ZoneTargets({ zoneCode, quarter }: { zoneCode: string; quarter: string }) {
  const t = useTranslations("targets");
  const locale = useLocale() as Locale;
  const id = useId();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.targets.statuses.queryOptions({ zoneCode, quarter }));
  const asOf = data.quarter
    ? t("asOf", { quarter: formatQuarterLabel(data.quarter as QuarterString, locale) })
    : "";
  return (
    <section className="zone-targets" aria-labelledby={id} data-testid="zone-targets">
      <h2 id={id}>{t("panel.heading")}</h2>
      {data.rows.length === 0 ? (
        <p className="hint">{t("panel.none")}</p>
      ) : (
        <TargetProgressTable rows={data.rows} caption={asOf} show="indicator" />
      )}
    </section>
  );
}
