"use client";

import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import {
  createTRPCClient,
  httpBatchStreamLink,
  httpLink,
  isNonJsonSerializable,
  loggerLink,
  splitLink,
} from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@zones/api";
import { MAX_BATCH_SIZE } from "@zones/api/batch-limit";
import { CACHED_DASHBOARD_PROCEDURES } from "@zones/api/cached-procedures";
import { type ReactNode, useState } from "react";
import superjson from "superjson";

import { createQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

const CACHED: ReadonlySet<string> = new Set(CACHED_DASHBOARD_PROCEDURES);

let browserQueryClient: QueryClient | undefined;

function getQueryClient() {
  // On the server every render gets a new client; in the browser one lives for the page's life.
  if (typeof window === "undefined") return createQueryClient();
  browserQueryClient ??= createQueryClient();
  return browserQueryClient;
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        loggerLink({
          enabled: (op) =>
            process.env.NODE_ENV === "development" || (op.direction === "down" && op.result instanceof Error),
        }),
        // Uploads (FormData) go unbatched; so do the dashboards' queries, one GET each, which the server
        // answers from kept bytes once it has answered them (server/dashboard-responses.ts). The rest is batched.
        splitLink({
          condition: (op) => isNonJsonSerializable(op.input) || CACHED.has(op.path),
          true: httpLink({ transformer: superjson, url: "/api/trpc" }),
          false: httpBatchStreamLink({ transformer: superjson, url: "/api/trpc", maxItems: MAX_BATCH_SIZE }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
