import { ZOverviewInputSchema } from "@zones/api";
import { getTranslations } from "next-intl/server";

import { OverviewView } from "~/components/overview-view";
import { requireUser } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The overview: every zone's headline figures and a ranking chart, for a quarter in the URL. */
export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  await requireUser(`/?${new URLSearchParams(params as Record<string, string>).toString()}`);
  const t = await getTranslations("overview");
  const requested = {
    quarter: typeof params.quarter === "string" ? params.quarter : undefined,
    indicatorCode: typeof params.indicator === "string" ? params.indicator : undefined,
  };
  // A bad selection in a shared link falls back to the default view and says so, never a 500.
  const parsed = ZOverviewInputSchema.safeParse(requested);
  const input = parsed.success ? parsed.data : ZOverviewInputSchema.parse({});
  const notice = parsed.success
    ? null
    : t("invalidSelection", { reason: parsed.error.issues.map((issue) => issue.message).join("; ") });
  await prefetch(trpc.overview.get.queryOptions(input));
  return (
    <HydrateClient>
      <OverviewView input={input} notice={notice} />
    </HydrateClient>
  );
}
