import { canManageTargets } from "@zones/domain";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { TargetAdmin } from "~/components/targets/target-admin";
import { requireUser } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { type SearchParams, searchOf, withQuery } from "~/url-state/params";
import { readTargetsParams } from "~/url-state/targets";
import "../../review/review.css";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("targets"))("title") };
}

/** Admins keep the zones' plan targets (add, edit, delete, import); for anyone else it does not exist. */
export default async function TargetsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const user = await requireUser(withQuery("/admin/targets", searchOf(params)));
  if (!canManageTargets(user)) notFound();
  const t = await getTranslations("targets.admin");
  // A bad page in a link shows the first page, with a notice (an empty `page=`, silently).
  const { values, ignored } = readTargetsParams(params);
  const page = values.page ?? 1;
  const bad = ignored.find(({ value }) => value !== "");
  await Promise.all([
    prefetch(trpc.targets.list.queryOptions({ page })),
    prefetch(trpc.targets.choices.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <TargetAdmin page={page} notice={bad ? t("invalidPage", { value: bad.value }) : null} />
    </HydrateClient>
  );
}
