import { canEnterData, lastFinishedQuarter, writableZones } from "@zones/domain";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { ImportWorkbench } from "~/components/submission/import/import-workbench";
import { requireUser } from "~/server/auth";
import { getCatalogue } from "~/server/catalogue";
import "./import.css";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("imports"))("title") };
}

/** Officials (their zones) and admins download templates and upload filled ones. */
export default async function ImportPage() {
  const user = await requireUser("/entry/import");
  if (!canEnterData(user)) notFound();
  const zoneCodes = writableZones(
    user,
    (await getCatalogue()).zones.map((zone) => zone.code),
  );
  return <ImportWorkbench zoneCodes={zoneCodes} defaultQuarter={lastFinishedQuarter(new Date())} />;
}
