import {
  canReview,
  findZone,
  formatQuarterLabel,
  type Locale,
  localized,
  ZQuarterSchema,
  ZZoneCodeSchema,
} from "@zones/domain";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import { ReviewSubmission } from "~/components/review/review-submission";
import { requireUser } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import "../../review.css";

export const dynamic = "force-dynamic";

type Params = Promise<{ zone: string; quarter: string }>;

function parseParams(params: { zone: string; quarter: string }) {
  const zone = ZZoneCodeSchema.safeParse(params.zone);
  const quarter = ZQuarterSchema.safeParse(params.quarter);
  // Only the canonical spelling: `2026q3` is not the same page as `2026Q3`.
  if (!zone.success || !quarter.success || quarter.data !== params.quarter) return null;
  return { zoneCode: zone.data, quarter: quarter.data };
}

export async function generateMetadata({ params }: { params: Params }) {
  const key = parseParams(await params);
  const t = await getTranslations("review.detail");
  if (!key) return { title: t("metaFallback") };
  const locale = (await getLocale()) as Locale;
  const zone = findZone(key.zoneCode);
  return {
    title: t("metaTitle", {
      zone: zone ? localized(zone.shortName, locale) : key.zoneCode,
      quarter: formatQuarterLabel(key.quarter, locale),
    }),
  };
}

/** The review of one zone × quarter: values, comparisons, warnings, changes, and the decision. */
export default async function ReviewSubmissionPage({ params }: { params: Params }) {
  const raw = await params;
  const user = await requireUser(
    `/review/${encodeURIComponent(raw.zone)}/${encodeURIComponent(raw.quarter)}`,
  );
  if (!canReview(user)) notFound();
  const key = parseParams(raw);
  if (!key) notFound();
  await prefetch(trpc.submission.form.queryOptions(key));
  return (
    <HydrateClient>
      <ReviewSubmission zoneCode={key.zoneCode} quarter={key.quarter} />
    </HydrateClient>
  );
}
