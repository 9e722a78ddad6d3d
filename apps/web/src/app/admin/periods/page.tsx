import { canAdminister, lastFinishedQuarter } from "@zones/domain";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";

import { PeriodAdmin } from "~/components/admin/period-admin";
import { requireUser } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import "../../review/review.css";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const ZPageSchema = z.coerce.number().int().min(1).max(100_000);

export async function generateMetadata() {
  return { title: (await getTranslations("review"))("periods.title") };
}

/** Admins open and close reporting quarters and set their deadlines; for anyone else it does not exist. */
export default async function PeriodsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const requested = Array.isArray(params.page) ? params.page[0] : params.page;
  const user = await requireUser(
    requested ? `/admin/periods?page=${encodeURIComponent(requested)}` : "/admin/periods",
  );
  if (!canAdminister(user)) notFound();
  const t = await getTranslations("review.periods");
  let page = 1;
  let notice: string | null = null;
  if (requested) {
    const parsed = ZPageSchema.safeParse(requested);
    if (parsed.success) page = parsed.data;
    else notice = t("invalidPage", { value: requested });
  }
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
