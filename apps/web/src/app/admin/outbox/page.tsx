import { canAdminister } from "@zones/domain";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { OutboxList } from "~/components/admin/outbox-list";
import { requireUser } from "~/server/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { loadOutboxParams } from "~/url-state/outbox";
import type { SearchParams } from "~/url-state/params";
import "./outbox.css";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("outbox"))("title") };
}

/** Admins read every outgoing message here (page in `?page=`); for anyone else the page does not exist. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser("/admin/outbox");
  if (!canAdminister(user)) notFound();
  const { page } = loadOutboxParams(await searchParams);
  await prefetch(trpc.outbox.list.queryOptions({ page }));
  return (
    <HydrateClient>
      <OutboxList page={page} />
    </HydrateClient>
  );
}
