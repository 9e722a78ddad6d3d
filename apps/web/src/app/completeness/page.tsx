import { followsAnyZone, lastFinishedQuarter, nextQuarter, ZQuarterSchema } from "@zones/domain";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { CompletenessGrid, type CompletenessInput } from "~/components/review/completeness-grid";
import { requireUser } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import "../review/review.css";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  return { title: (await getTranslations("review"))("completeness.title") };
}

/** Who has reported what: zones × quarters. Officials see their own zones (the API filters). */
export default async function CompletenessPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const requested = Array.isArray(params.to) ? params.to[0] : params.to;
  const user = await requireUser(
    requested ? `/completeness?to=${encodeURIComponent(requested)}` : "/completeness",
  );
  if (!followsAnyZone(user)) notFound();
  const t = await getTranslations("review.completeness");

  // A bad `to` in a shared link falls back to the latest quarters, with a notice.
  const input: CompletenessInput = {};
  let notice: string | null = null;
  if (requested) {
    const parsed = ZQuarterSchema.safeParse(requested);
    if (parsed.success) input.to = parsed.data;
    else notice = t("invalidTo", { value: requested });
  }
  await prefetch(trpc.submission.completeness.queryOptions(input));
  return (
    <HydrateClient>
      <CompletenessGrid
        input={input}
        notice={notice}
        role={user.role}
        ceiling={nextQuarter(lastFinishedQuarter(new Date()))}
      />
    </HydrateClient>
  );
}
