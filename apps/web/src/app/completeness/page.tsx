import { canReadBulletin, followsAnyZone, lastFinishedQuarter, nextQuarter } from "@zones/domain";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { BulletinDownloads } from "~/components/bulletin/bulletin-downloads";
import { CompletenessGrid, type CompletenessInput } from "~/components/review/completeness-grid";
import { requireUser } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { requireCanonicalQuarters } from "~/url-state/canonical";
import type { SearchParams } from "~/url-state/params";
import { readCompletenessParams } from "~/url-state/review";
import "../review/review.css";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("review"))("completeness.title") };
}

/** Who has reported what: zones × quarters. Officials see their own zones (the API filters). */
export default async function CompletenessPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const user = await requireUser(requireCanonicalQuarters("/completeness", params, ["to"]));
  if (!followsAnyZone(user)) notFound();
  const t = await getTranslations("review.completeness");

  // A bad `to` in a shared link falls back to the latest quarters, with a notice (an empty one, silently).
  const { values, ignored } = readCompletenessParams(params);
  const input: CompletenessInput = values.to ? { to: values.to } : {};
  const bad = ignored.find(({ value }) => value !== "");
  const notice = bad ? t("invalidTo", { value: bad.value }) : null;
  await prefetch(trpc.submission.completeness.queryOptions(input));
  return (
    <HydrateClient>
      <CompletenessGrid
        input={input}
        notice={notice}
        role={user.role}
        ceiling={nextQuarter(lastFinishedQuarter(new Date()))}
      />
      {canReadBulletin(user) && <BulletinDownloads />}
    </HydrateClient>
  );
}
