import { canAdminister } from "@zones/domain";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { ZoneForm } from "~/components/catalogue/zone-form";
import { requireUser } from "~/server/auth";
import "../../catalogue.css";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("catalogue.zoneForm"))("newTitle") };
}

export default async function NewZonePage() {
  const user = await requireUser("/admin/catalogue/zones/new");
  if (!canAdminister(user)) notFound();
  return <ZoneForm />;
}
