import { canAdminister } from "@zones/domain";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { IndicatorForm } from "~/components/catalogue/indicator-form";
import { requireUser } from "~/server/auth";
import "../../catalogue.css";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("catalogue.indicatorForm"))("newTitle") };
}

export default async function NewIndicatorPage() {
  const user = await requireUser("/admin/catalogue/indicators/new");
  if (!canAdminister(user)) notFound();
  return <IndicatorForm />;
}
