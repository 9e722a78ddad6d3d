import {
  canReview,
  catalogueZone,
  FIRST_QUARTER,
  formatQuarterLabel,
  type Locale,
  lastFinishedQuarter,
  nextQuarter,
  type QuarterString,
  quarterRange,
} from "@zones/domain";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import { type QueueInput, ReviewQueue } from "~/components/review/review-queue";
import { requireUser } from "~/server/auth";
import { getCatalogue } from "~/server/catalogue";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { requireCanonicalQuarters } from "~/url-state/canonical";
import { knownCodeOnly, type SearchParams, searchOf, withQuery } from "~/url-state/params";
import { DEFAULT_QUEUE_STATUS, readQueueParams } from "~/url-state/review";
import "./review.css";

export const dynamic = "force-dynamic";

/** How the notice names each filter it ignored. */
const IGNORED_ITEM = {
  status: "invalidStatus",
  zone: "invalidZone",
  quarter: "invalidQuarter",
  page: "invalidPage",
} as const;

export async function generateMetadata() {
  return { title: (await getTranslations("review"))("queue.title") };
}

/** Reviewers' queue. The filters live in the URL, so a shared link shows the same view. */
export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const user = await requireUser(requireCanonicalQuarters("/review", params, ["quarter"]));
  if (!canReview(user)) notFound();
  // The filter form also works before (or without) script, as a GET form: drop its empty fields.
  const search = searchOf(params);
  const blank = [...new Set(search.keys())].filter((key) => search.get(key) === "");
  if (blank.length > 0) {
    for (const key of blank) search.delete(key);
    redirect(withQuery("/review", search));
  }
  const [t, tApp] = await Promise.all([getTranslations("review.queue"), getTranslations("app")]);
  const locale = (await getLocale()) as Locale;

  // A bad value in a shared link is dropped (the rest of the view stays) and the notice names it.
  const catalogue = await getCatalogue();
  const { values, ignored } = knownCodeOnly(
    readQueueParams(params),
    "zone",
    (code) => catalogueZone(catalogue, code) !== undefined,
  );
  const statusFilter = values.status ?? DEFAULT_QUEUE_STATUS;
  const input: QueueInput = {
    page: values.page ?? 1,
    ...(statusFilter !== "all" && { status: statusFilter }),
    ...(values.zone && { zoneCode: values.zone }),
    ...(values.quarter && { quarter: values.quarter }),
  };
  const items = ignored.map(({ name, value }) => t(IGNORED_ITEM[name], { value }));
  const notice = items.length > 0 ? t("invalid", { items: items.join(tApp("clauseSeparator")) }) : null;

  // Quarters for the filter: the quarter in progress back to the first one, newest first.
  const current = nextQuarter(lastFinishedQuarter(new Date()));
  const quarters = quarterRange(FIRST_QUARTER, current)
    .reverse()
    .map((quarter) => ({ value: quarter, label: formatQuarterLabel(quarter, locale) }));
  const chosen = input.quarter as QuarterString | undefined;
  if (chosen && !quarters.some((option) => option.value === chosen)) {
    quarters.unshift({ value: chosen, label: formatQuarterLabel(chosen, locale) });
  }

  await prefetch(trpc.submission.queue.queryOptions(input));
  return (
    <HydrateClient>
      <ReviewQueue input={input} statusFilter={statusFilter} notice={notice} quarters={quarters} />
    </HydrateClient>
  );
}
