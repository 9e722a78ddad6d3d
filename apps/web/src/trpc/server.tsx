import "server-only";

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { type AppRouter, appRouter, createInnerContext } from "@zones/api";
import { getLocale } from "next-intl/server";
import { cache, type ReactNode } from "react";

import { toLocale } from "~/i18n/locales";
import { getAuth, getCurrentUser } from "~/server/auth";
import { getDb } from "~/server/db";
import { getExportJobs } from "~/server/jobs";
import { createQueryClient } from "./query-client";

/** One query client per request, shared by every prefetch of that request. */
export const getQueryClient = cache(createQueryClient);

const createContext = cache(async () =>
  createInnerContext({
    db: await getDb(),
    auth: await getAuth(),
    locale: toLocale(await getLocale()),
    user: await getCurrentUser(),
    // Background exports are unavailable (and say so) rather than every page failing with them.
    exportJobs: await getExportJobs().catch(() => null),
  }),
);

/** Server components call procedures in-process (no HTTP hop) through this proxy. */
export const trpc = createTRPCOptionsProxy<AppRouter>({
  router: appRouter,
  ctx: createContext,
  queryClient: getQueryClient,
});

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

// biome-ignore lint/suspicious/noExplicitAny: the options of any procedure
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T): Promise<void> {
  return getQueryClient().prefetchQuery(queryOptions);
}
