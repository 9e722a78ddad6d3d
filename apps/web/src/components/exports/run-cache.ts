"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { ExportRunView } from "@zones/api";

import { useTRPC } from "~/trpc/react";

/**
 * Shows a run the server just answered with, before the list is fetched again: a new run goes at the top of
 * the first page (the list is newest first), a changed one replaces its row. Then the lists refetch (and
 * poll while a run is queued or running).
 */
export function useRunCache() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.exports.pathKey() });

  async function showNew(run: ExportRunView) {
    queryClient.setQueryData(trpc.exports.runs.list.queryKey({ page: 1 }), (old) =>
      old && !old.items.some((item) => item.id === run.id)
        ? { ...old, items: [run, ...old.items].slice(0, old.pageSize), total: old.total + 1 }
        : old,
    );
    await refresh();
  }

  async function showChanged(run: ExportRunView) {
    queryClient.setQueriesData(
      { queryKey: trpc.exports.runs.list.pathKey() },
      (old: { items: ExportRunView[] } | undefined) =>
        old && { ...old, items: old.items.map((item) => (item.id === run.id ? run : item)) },
    );
    await refresh();
  }

  return { showNew, showChanged, refresh };
}
