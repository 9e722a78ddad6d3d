import { canReview, catalogueZone, formatQuarterLabel, type Locale, localized } from "@zones/domain";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import { ReviewSubmission } from "~/components/review/review-submission";
import { requireUser } from "~/server/auth";
import { getCatalogue } from "~/server/catalogue";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { requireZoneQuarterPath, zoneQuarterOfPath } from "~/url-state/canonical";
import "../../review.css";

export const dynamic = "force-dynamic";

type Params = Promise<{ zone: string; quarter: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const catalogue = await getCatalogue();
  const key = zoneQuarterOfPath(await params, catalogue);
  const zone = key && catalogueZone(catalogue, key.zoneCode);
  const t = await getTranslations("review.detail");
  if (!key || !zone) return { title: t("metaFallback") };
  const locale = (await getLocale()) as Locale;
  return {
    title: t("metaTitle", {
      zone: localized(zone.shortName, locale),
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
  const key = requireZoneQuarterPath("/review", raw, await getCatalogue());
  await prefetch(trpc.submission.form.queryOptions(key));
  return (
    <HydrateClient>
      <ReviewSubmission zoneCode={key.zoneCode} quarter={key.quarter} />
    </HydrateClient>
  );
}
