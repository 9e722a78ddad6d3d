import { canAdminister, lastFinishedQuarter } from "@zones/domain";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { PeriodAdmin } from "~/components/admin/period-admin";
import { requireUser } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { type SearchParams, searchOf, withQuery } from "~/url-state/params";
import { readPeriodsParams } from "~/url-state/review";
import "../../review/review.css";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("review"))("periods.title") };
}

/** Admins open and close reporting quarters and set their deadlines; for anyone else it does not exist. */
export default async function PeriodsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const user = await requireUser(withQuery("/admin/periods", searchOf(params)));
  if (!canAdminister(user)) notFound();
  const t = await getTranslations("review.periods");
  // A bad page in a link shows the first page, with a notice (an empty `page=`, silently).
  const { values, ignored } = readPeriodsParams(params);
  const page = values.page ?? 1;
  const bad = ignored.find(({ value }) => value !== "");
  const notice = bad ? t("invalidPage", { value: bad.value }) : null;
  // Page 1 holds the newest quarter, which the form for a new quarter continues from.
  await Promise.all([
    prefetch(trpc.period.list.queryOptions({ page })),
    page === 1 ? Promise.resolve() : prefetch(trpc.period.list.queryOptions({ page: 1 })),
  ]);
  return (
    <HydrateClient>
      <PeriodAdmin page={page} notice={notice} lastFinished={lastFinishedQuarter(new Date())} />
    </HydrateClient>
  );
}
