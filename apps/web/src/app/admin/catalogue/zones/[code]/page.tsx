import { canAdminister } from "@zones/domain";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { CatalogueEditor } from "~/components/catalogue/catalogue-editor";
import { requireUser } from "~/server/auth";
import "../../catalogue.css";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

type Params = Promise<{ code: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { code } = await params;
  return { title: (await getTranslations("catalogue.zoneForm"))("editTitle", { code }) };
}

/** Edits one zone of the catalogue; an unknown code is a 404. */
export default async function EditZonePage({ params }: { params: Params }) {
  const { code } = await params;
  const user = await requireUser(`/admin/catalogue/zones/${encodeURIComponent(code)}`);
  if (!canAdminister(user)) notFound();
  const catalogue = await getQueryClient().fetchQuery(trpc.catalogue.get.queryOptions());
  if (!catalogue.zones.some((found) => found.code === code)) notFound();
  return (
    <HydrateClient>
      <CatalogueEditor kind="zone" code={code} />
    </HydrateClient>
  );
}
