import {
  addQuarters,
  canAdminister,
  canOwnExportSchedules,
  canSeeSubmitted,
  compareQuarters,
  FIRST_QUARTER,
  formatQuarterLabel,
  INDICATOR_CODES,
  isBoundToZones,
  type Locale,
  lastFinishedQuarter,
  nextQuarter,
  type QuarterString,
  quarterRange,
  ZONE_CODES,
} from "@zones/domain";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";

import { ExportForm } from "~/components/exports/export-form";
import { type ExportFormValues, readExportQuery } from "~/components/exports/export-query";
import { ExportRuns } from "~/components/exports/export-runs";
import { ExportSchedules } from "~/components/exports/export-schedules";
import type { SubmittedRight } from "~/components/exports/filter-fields";
import { newScheduleValues } from "~/components/exports/schedule-values";
import { requireUser } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Quarters the form starts with when the link names none: the last finished year. */
const DEFAULT_QUARTERS = 4;

const ZPageSchema = z.coerce.number().int().min(1).max(100_000);

export async function generateMetadata() {
  return { title: (await getTranslations("exports"))("title") };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Exports for every signed-in user: the on-demand form (pre-filled from the URL, with the parameter names
 * of /api/exports), their export runs (page in `?page=`), and for reviewers and admins the scheduled exports.
 */
export default async function ExportsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const text = single(value);
    if (text !== undefined) query.set(key, text);
  }
  const user = await requireUser(query.size > 0 ? `/exports?${query.toString()}` : "/exports");
  const [t, locale] = await Promise.all([getTranslations("exports"), getLocale() as Promise<Locale>]);

  const lastFinished = lastFinishedQuarter(new Date());
  const fallback: ExportFormValues = {
    filters: {
      zoneCodes: isBoundToZones(user.role) ? [...user.zoneCodes] : [...ZONE_CODES],
      indicatorCodes: [...INDICATOR_CODES],
      from: addQuarters(lastFinished, 1 - DEFAULT_QUARTERS),
      to: lastFinished,
      statuses: ["approved"],
      layout: "long",
      headerLanguage: locale === "zh-CN" ? "zh" : "en",
      encoding: "utf-8-bom",
    },
    format: "csv",
  };
  const { values, invalid } = readExportQuery(params, fallback);
  let page = 1;
  const pageText = single(params.page);
  if (pageText !== undefined) {
    const parsed = ZPageSchema.safeParse(pageText);
    if (parsed.success) page = parsed.data;
    else invalid.push(`page=${pageText}`);
  }

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
            {t("invalidParams", { items: invalid.join(locale === "zh-CN" ? "；" : "; ") })}
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
