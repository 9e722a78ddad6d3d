import { TRPCError } from "@trpc/server";
import {
  canReadZoneDrafts,
  formatQuarterLabel,
  getZone,
  type Locale,
  localized,
  ZQuarterSchema,
  ZZoneCodeSchema,
} from "@zones/domain";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import { todayInBeijing } from "~/components/submission/deadline";
import { EntryForm } from "~/components/submission/entry-form";
import { requireUser } from "~/server/auth";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import "../../entry.css";

export const dynamic = "force-dynamic";

type Params = Promise<{ zone: string; quarter: string }>;

function parseParams(params: { zone: string; quarter: string }) {
  const zone = ZZoneCodeSchema.safeParse(decodeURIComponent(params.zone));
  const quarter = ZQuarterSchema.safeParse(decodeURIComponent(params.quarter));
  return zone.success && quarter.success ? { zoneCode: zone.data, quarter: quarter.data } : null;
}

export async function generateMetadata({ params }: { params: Params }) {
  const parsed = parseParams(await params);
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
  const raw = await params;
  const parsed = parseParams(raw);
  if (!parsed) notFound();
  const { zoneCode, quarter } = parsed;
  if (raw.zone !== zoneCode || raw.quarter !== quarter) redirect(`/entry/${zoneCode}/${quarter}`);
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
