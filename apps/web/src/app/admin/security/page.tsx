import { canAdminister } from "@zones/domain";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { SecurityAdmin } from "~/components/admin/security-admin";
import { requireUser } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("security"))("title") };
}

/** Admins choose which roles must sign in with two-factor; for anyone else the page does not exist. */
export default async function SecurityPage() {
  const user = await requireUser("/admin/security");
  if (!canAdminister(user)) notFound();
  await prefetch(trpc.security.settings.queryOptions());
  return (
    <HydrateClient>
      <SecurityAdmin />
    </HydrateClient>
  );
}
