import { canAdminister } from "@zones/domain";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { CatalogueAdmin } from "~/components/catalogue/catalogue-admin";
import { requireUser } from "~/server/auth";
import "./catalogue.css";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("catalogue"))("title") };
}

/** Admins keep the catalogue (zones, member cities, indicators); for anyone else the page does not exist. */
export default async function CatalogueAdminPage() {
  const user = await requireUser("/admin/catalogue");
  if (!canAdminister(user)) notFound();
  await prefetch(trpc.catalogue.get.queryOptions());
  return (
    <HydrateClient>
      <CatalogueAdmin />
    </HydrateClient>
  );
}
