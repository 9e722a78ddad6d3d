import { canAdminister } from "@zones/domain";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { DeliveryDomainsAdmin } from "~/components/admin/delivery-domains";
import { requireUser } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("deliveryAdmin"))("title") };
}

/** Admins keep the outside mail domains schedules may deliver to; for anyone else the page does not exist. */
export default async function DeliveryAdminPage() {
  const user = await requireUser("/admin/delivery");
  if (!canAdminister(user)) notFound();
  await prefetch(trpc.delivery.domains.queryOptions());
  return (
    <HydrateClient>
      <DeliveryDomainsAdmin />
    </HydrateClient>
  );
}
