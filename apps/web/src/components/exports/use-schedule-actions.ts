"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ExportScheduleView } from "@zones/api";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { useTRPC } from "~/trpc/react";
import { useRunCache } from "./run-cache";

/**
 * What can be done to a listed schedule (run now, pause or enable, delete after a confirmation), and how the
 * last action went: `failure` (a server refusal) or `done` (a sentence).
 */
export function useScheduleActions(items: readonly ExportScheduleView[]) {
  const t = useTranslations("exports.schedules");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const runs = useRunCache();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.exports.schedules.pathKey() });

  function succeeded(message: string) {
    setFailure(null);
    setDone(message);
  }
  const runNow = useMutation(
    trpc.exports.schedules.runNow.mutationOptions({
      onSuccess: async (run) => {
        succeeded(t("runStarted", { name: run.scheduleName ?? "" }));
        await runs.showNew(run);
      },
      onError: setFailure,
    }),
  );
  const setEnabled = useMutation(
    trpc.exports.schedules.setEnabled.mutationOptions({
      onSuccess: async (schedule) => {
        succeeded(t(schedule.enabled ? "enabled" : "paused", { name: schedule.name }));
        await refresh();
      },
      onError: setFailure,
    }),
  );
  const remove = useMutation(
    trpc.exports.schedules.remove.mutationOptions({
      onSuccess: async (_, input) => {
        const name = items.find((item) => item.id === input.id)?.name ?? "";
        setConfirming(null);
        succeeded(t("deleted", { name }));
        await runs.refresh();
      },
      onError: setFailure,
    }),
  );

  return {
    failure,
    done,
    /** A schedule was saved in the form. */
    async saved(name: string) {
      succeeded(t("saved", { name }));
      await refresh();
    },
    clearDone: () => setDone(null),
    pending: runNow.isPending || setEnabled.isPending || remove.isPending,
    runNow: (id: string) => runNow.mutate({ id }),
    toggle: (schedule: ExportScheduleView) =>
      setEnabled.mutate({ id: schedule.id, enabled: !schedule.enabled }),
    /** The schedule whose deletion is being asked about. */
    confirming,
    askDelete: setConfirming,
    cancelDelete: () => setConfirming(null),
    remove: (id: string) => remove.mutate({ id }),
    removing: remove.isPending,
  };
}

export type ScheduleActions = ReturnType<typeof useScheduleActions>;
