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
  return { title: (await getTranslations("catalogue.indicatorForm"))("editTitle", { code }) };
}

/** Edits one indicator of the catalogue; an unknown code is a 404. */
export default async function EditIndicatorPage({ params }: { params: Params }) {
  const { code } = await params;
  const user = await requireUser(`/admin/catalogue/indicators/${encodeURIComponent(code)}`);
  if (!canAdminister(user)) notFound();
  const catalogue = await getQueryClient().fetchQuery(trpc.catalogue.get.queryOptions());
  if (!catalogue.indicators.some((found) => found.code === code)) notFound();
  return (
    <HydrateClient>
      <CatalogueEditor kind="indicator" code={code} />
    </HydrateClient>
  );
}
