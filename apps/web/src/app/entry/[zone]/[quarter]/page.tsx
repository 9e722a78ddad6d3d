import { TRPCError } from "@trpc/server";
import { canReadZoneDrafts, formatQuarterLabel, getZone, type Locale, localized } from "@zones/domain";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import { todayInBeijing } from "~/components/submission/deadline";
import { EntryForm } from "~/components/submission/entry-form";
import { requireUser } from "~/server/auth";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { requireZoneQuarterPath, zoneQuarterOfPath } from "~/url-state/canonical";
import "../../entry.css";

export const dynamic = "force-dynamic";

type Params = Promise<{ zone: string; quarter: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const parsed = zoneQuarterOfPath(await params);
  if (!parsed) return {};
  const [t, locale] = await Promise.all([getTranslations("entry"), getLocale()]);
  return {
    title: t("form.metaTitle", {
      zone: localized(getZone(parsed.zoneCode).shortName, locale as Locale),
      quarter: formatQuarterLabel(parsed.quarter, locale as Locale),
    }),
  };
}

/** The entry form of one zone × quarter. A zone the user may not read does not exist for them. */
export default async function EntryFormPage({ params }: { params: Params }) {
  const { zoneCode, quarter } = requireZoneQuarterPath("/entry", await params);
  const user = await requireUser(`/entry/${zoneCode}/${quarter}`);
  if (!canReadZoneDrafts(user, zoneCode)) notFound();
  try {
    await getQueryClient().fetchQuery(trpc.submission.form.queryOptions({ zoneCode, quarter }));
  } catch (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") notFound();
    throw error;
  }
  return (
    <HydrateClient>
      <EntryForm zoneCode={zoneCode} quarter={quarter} today={todayInBeijing()} />
    </HydrateClient>
  );
}
