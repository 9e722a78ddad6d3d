import {
  addQuarters,
  canAdminister,
  canOwnExportSchedules,
  canSeeSubmitted,
  compareQuarters,
  FIRST_QUARTER,
  formatQuarterLabel,
  isBoundToZones,
  type Locale,
  lastFinishedQuarter,
  nextQuarter,
  type QuarterString,
  quarterRange,
} from "@zones/domain";
import { getLocale, getTranslations } from "next-intl/server";

import { ExportForm } from "~/components/exports/export-form";
import { type ExportFormValues, readExportQuery } from "~/components/exports/export-query";
import { ExportRuns } from "~/components/exports/export-runs";
import { ExportSchedules } from "~/components/exports/export-schedules";
import type { SubmittedRight } from "~/components/exports/filter-fields";
import { newScheduleValues } from "~/components/exports/schedule-values";
import { requireUser } from "~/server/auth";
import { getCatalogue } from "~/server/catalogue";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { requireCanonicalQuarters } from "~/url-state/canonical";
import { EXPORT_QUARTER_PARAMS } from "~/url-state/exports";
import type { SearchParams } from "~/url-state/params";

export const dynamic = "force-dynamic";

/** Quarters the form starts with when the link names none: the last finished year. */
const DEFAULT_QUARTERS = 4;

export async function generateMetadata() {
  return { title: (await getTranslations("exports"))("title") };
}

/**
 * Exports for every signed-in user: the on-demand form (pre-filled from the URL, with the parameter names
 * of /api/exports), their export runs (page in `?page=`), and for reviewers and admins the scheduled exports.
 */
export default async function ExportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const user = await requireUser(requireCanonicalQuarters("/exports", params, EXPORT_QUARTER_PARAMS));
  const [t, tApp, tTargets, locale] = await Promise.all([
    getTranslations("exports"),
    getTranslations("app"),
    getTranslations("targets"),
    getLocale() as Promise<Locale>,
  ]);

  const lastFinished = lastFinishedQuarter(new Date());
  const catalogue = await getCatalogue();
  const fallback: ExportFormValues = {
    filters: {
      zoneCodes: isBoundToZones(user.role) ? [...user.zoneCodes] : catalogue.zones.map((zone) => zone.code),
      indicatorCodes: catalogue.indicators.map((indicator) => indicator.code),
      from: addQuarters(lastFinished, 1 - DEFAULT_QUARTERS),
      to: lastFinished,
      statuses: ["approved"],
      layout: "long",
      headerLanguage: locale === "zh-CN" ? "zh" : "en",
      encoding: "utf-8-bom",
    },
    format: "csv",
  };
  const { values, page, invalid } = readExportQuery(params, fallback, catalogue);

  // Quarter choices, newest first: the quarter in progress back to the first, and any the link names.
  const chosen = [values.filters.from, values.filters.to] as QuarterString[];
  const quarterValues = [...new Set([...quarterRange(FIRST_QUARTER, nextQuarter(lastFinished)), ...chosen])]
    .sort(compareQuarters)
    .reverse();
  const quarters = quarterValues.map((quarter) => ({
    value: quarter,
    label: formatQuarterLabel(quarter, locale),
  }));

  const canSchedule = canOwnExportSchedules(user);
  const submittedRight: SubmittedRight = canSeeSubmitted(user)
    ? "all"
    : isBoundToZones(user.role)
      ? "own"
      : "none";

  await Promise.all([
    prefetch(trpc.exports.runs.list.queryOptions({ page })),
    canSchedule ? prefetch(trpc.exports.schedules.list.queryOptions({ page: 1 })) : null,
  ]);

  return (
    <HydrateClient>
      <div className="exports-page">
        <h1>{t("title")}</h1>
        <p className="hint">{t("intro")}</p>
        {invalid.length > 0 && (
          <p className="notice" role="status" data-testid="exports-notice">
            {t("invalidParams", { items: invalid.join(tApp("clauseSeparator")) })}
          </p>
        )}
        <ExportForm
          // A link to other choices (from a dashboard, while this page is open) starts the form afresh.
          key={JSON.stringify(values)}
          defaults={values}
          quarters={quarters}
          user={{ role: user.role, zoneCodes: user.zoneCodes }}
          submittedRight={submittedRight}
          runsPage={page}
        />
        <ExportRuns page={page} />
        <section className="export-section" aria-labelledby="target-progress-export">
          <h2 id="target-progress-export">{tTargets("title")}</h2>
          <p className="hint">{tTargets("intro")}</p>
          <a href="/api/targets/progress" download data-testid="target-export">
            {tTargets("exportCsv")}
          </a>
        </section>
        {canSchedule && (
          <ExportSchedules
            isAdmin={canAdminister(user)}
            quarters={quarters}
            newValues={newScheduleValues({
              zoneCodes: values.filters.zoneCodes,
              indicatorCodes: values.filters.indicatorCodes,
              from: values.filters.from,
              to: values.filters.to,
              headerLanguage: fallback.filters.headerLanguage,
            })}
          />
        )}
      </div>
    </HydrateClient>
  );
}
