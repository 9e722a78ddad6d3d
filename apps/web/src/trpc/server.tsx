import "server-only";

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { type AppRouter, appRouter, createCaller } from "@zones/api";
import { cache, type ReactNode } from "react";

import { getCurrentUser } from "~/server/auth";
import { createTRPCContext } from "~/server/trpc-context";
import { createQueryClient } from "./query-client";

/** One query client per request, shared by every prefetch of that request. */
export const getQueryClient = cache(createQueryClient);

const createContext = cache(async () => createTRPCContext(await getCurrentUser()));

/** Server components call procedures in-process (no HTTP hop) through this proxy. */
export const trpc = createTRPCOptionsProxy<AppRouter>({
  router: appRouter,
  ctx: createContext,
  queryClient: getQueryClient,
});

/**
 * Procedures called in-process for what a server component renders itself: their answers stay on the server
 * (nothing of them is dehydrated into the page for the browser).
 */
export const serverCaller = cache(async () => createCaller(await createContext()));

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

// biome-ignore lint/suspicious/noExplicitAny: the options of any procedure
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T): Promise<void> {
  return getQueryClient().prefetchQuery(queryOptions);
}
