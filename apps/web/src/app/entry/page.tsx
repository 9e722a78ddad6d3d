import { canEnterData } from "@zones/domain";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { EntryOverview } from "~/components/submission/entry-overview";
import { requireUser } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import "./entry.css";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("entry"))("overview.title") };
}

/** Where officials (and admins) start: their zones × recent quarters, each cell opening the entry form. */
export default async function EntryPage() {
  const user = await requireUser("/entry");
  // Reviewers work from /review; viewers never enter figures.
  if (!canEnterData(user)) notFound();
  await prefetch(trpc.submission.completeness.queryOptions({}));
  return (
    <HydrateClient>
      <EntryOverview />
    </HydrateClient>
  );
}
