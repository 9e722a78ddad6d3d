import { TRPCError } from "@trpc/server";
import { canAdminister } from "@zones/domain";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";

import { OutboxMessage } from "~/components/admin/outbox-message";
import { requireUser } from "~/server/auth";
import { getQueryClient, trpc } from "~/trpc/server";
import "../outbox.css";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

const ZMessageId = z.uuid();

export async function generateMetadata() {
  return { title: (await getTranslations("outbox"))("title") };
}

/** One outgoing message, whole; a path that names no message is a 404, as is the page for anyone but admins. */
export default async function OutboxMessagePage({ params }: { params: Params }) {
  const { id } = await params;
  const user = await requireUser(`/admin/outbox/${encodeURIComponent(id)}`);
  if (!canAdminister(user) || !ZMessageId.safeParse(id).success) notFound();
  const message = await getQueryClient()
    .fetchQuery(trpc.outbox.get.queryOptions({ id }))
    .catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
      throw error;
    });
  if (!message) notFound();
  return <OutboxMessage message={message} />;
}
