import {
  canReview,
  FIRST_QUARTER,
  formatQuarterLabel,
  type Locale,
  lastFinishedQuarter,
  nextQuarter,
  type QuarterString,
  quarterRange,
  SUBMISSION_STATUSES,
  ZQuarterSchema,
  ZZoneCodeSchema,
} from "@zones/domain";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";

import { type QueueInput, ReviewQueue } from "~/components/review/review-queue";
import { requireUser } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import "./review.css";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const ZStatusSchema = z.enum(SUBMISSION_STATUSES);
const ZPageSchema = z.coerce.number().int().min(1).max(100_000);

export async function generateMetadata() {
  return { title: (await getTranslations("review"))("queue.title") };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Reviewers' queue. The filters live in the URL, so a shared link shows the same view. */
export default async function ReviewQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const text = single(value);
    if (text !== undefined) query.set(key, text);
  }
  const user = await requireUser(query.size > 0 ? `/review?${query.toString()}` : "/review");
  if (!canReview(user)) notFound();
  // The filter form also works before (or without) script, as a GET form: drop its empty fields.
  const blank = [...query.entries()].filter(([, value]) => value === "").map(([key]) => key);
  if (blank.length > 0) {
    for (const key of blank) query.delete(key);
    redirect(query.size > 0 ? `/review?${query.toString()}` : "/review");
  }
  const t = await getTranslations("review.queue");
  const locale = (await getLocale()) as Locale;

  // A bad value in a shared link is dropped (the rest of the view stays) and the notice names it.
  const input: QueueInput = { page: 1 };
  const ignored: string[] = [];
  const requested = {
    status: single(params.status),
    zone: single(params.zone),
    quarter: single(params.quarter),
    page: single(params.page),
  };
  if (requested.status) {
    const parsed = ZStatusSchema.safeParse(requested.status);
    if (parsed.success) input.status = parsed.data;
    else ignored.push(t("invalidStatus", { value: requested.status }));
  }
  if (requested.zone) {
    const parsed = ZZoneCodeSchema.safeParse(requested.zone);
    if (parsed.success) input.zoneCode = parsed.data;
    else ignored.push(t("invalidZone", { value: requested.zone }));
  }
  if (requested.quarter) {
    const parsed = ZQuarterSchema.safeParse(requested.quarter);
    if (parsed.success) input.quarter = parsed.data;
    else ignored.push(t("invalidQuarter", { value: requested.quarter }));
  }
  if (requested.page) {
    const parsed = ZPageSchema.safeParse(requested.page);
    if (parsed.success) input.page = parsed.data;
    else ignored.push(t("invalidPage", { value: requested.page }));
  }
  const notice =
    ignored.length > 0 ? t("invalid", { items: ignored.join(locale === "zh-CN" ? "；" : "; ") }) : null;

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
      <ReviewQueue input={input} notice={notice} quarters={quarters} />
    </HydrateClient>
  );
}
