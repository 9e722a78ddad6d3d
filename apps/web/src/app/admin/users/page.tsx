import { canAdminister } from "@zones/domain";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { UserAdmin } from "~/components/admin/user-admin";
import { requireUser } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

/** Admins manage accounts here; for anyone else the page does not exist. */
export default async function UsersPage() {
  const user = await requireUser("/admin/users");
  if (!canAdminister(user)) notFound();
  await prefetch(trpc.user.list.queryOptions({ page: 1 }));
  return (
    <HydrateClient>
      <UserAdmin currentUserId={user.id} />
    </HydrateClient>
  );
}
