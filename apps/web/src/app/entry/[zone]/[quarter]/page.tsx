import { TRPCError } from "@trpc/server";
import {
  canReadZoneDrafts,
  catalogueZone,
  formatQuarterLabel,
  type Locale,
  localized,
  type QuarterString,
  type ZoneCode,
} from "@zones/domain";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import { formatDate } from "~/components/format/dates";
import { todayInBeijing } from "~/components/submission/deadline";
import { EntryForm } from "~/components/submission/entry-form";
import { requireUser } from "~/server/auth";
import { getCatalogue } from "~/server/catalogue";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { requireZoneQuarterPath, zoneQuarterOfPath } from "~/url-state/canonical";
import "../../entry.css";

export const dynamic = "force-dynamic";

type Params = Promise<{ zone: string; quarter: string }>;

function fetchForm(zoneCode: ZoneCode, quarter: QuarterString) {
  return getQueryClient().fetchQuery(trpc.submission.form.queryOptions({ zoneCode, quarter }));
}

export async function generateMetadata({ params }: { params: Params }) {
  const catalogue = await getCatalogue();
  const parsed = zoneQuarterOfPath(await params, catalogue);
  const zone = parsed && catalogueZone(catalogue, parsed.zoneCode);
  if (!parsed || !zone) return {};
  const [t, locale] = await Promise.all([getTranslations("entry"), getLocale()]);
  return {
    title: t("form.metaTitle", {
      zone: localized(zone.shortName, locale as Locale),
      quarter: formatQuarterLabel(parsed.quarter, locale as Locale),
    }),
  };
}

/** The entry form of one zone × quarter. A zone the user may not read does not exist for them. */
export default async function EntryFormPage({ params }: { params: Params }) {
  const { zoneCode, quarter } = requireZoneQuarterPath("/entry", await params, await getCatalogue());
  const user = await requireUser(`/entry/${zoneCode}/${quarter}`);
  if (!canReadZoneDrafts(user, zoneCode)) notFound();
  let form: Awaited<ReturnType<typeof fetchForm>>;
  try {
    form = await fetchForm(zoneCode, quarter);
  } catch (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") notFound();
    throw error;
  }
  // Formatted here: the first date formatter a phone builds costs it ~40 ms of a long task while the form loads.
  const deadline = form.period?.deadline;
  const servedDeadline = deadline
    ? { date: deadline, text: formatDate(deadline, (await getLocale()) as Locale) }
    : null;
  return (
    <HydrateClient>
      <EntryForm
        zoneCode={zoneCode}
        quarter={quarter}
        today={todayInBeijing()}
        servedDeadline={servedDeadline}
      />
    </HydrateClient>
  );
}
