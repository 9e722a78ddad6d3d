"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { QuarterString, ZoneCode } from "@zones/domain";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldIssues } from "./client-errors";
import {
  type EntryFormData,
  restrictTo,
  sameContent,
  sameTexts,
  savedFromServer,
  savePayload,
  serverTexts,
} from "./form-model";
import { backupKey, readBackup, removeBackup, writeBackup } from "./local-backup";
import { useDraftSaver } from "./use-draft-saver";
import type { SubmissionFormModel } from "./use-submission-form";

/**
 * Keeping the typing safe: a copy in this browser on every change, a draft save once typing pauses (and on
 * Ctrl+S), the copy restored on opening, a newer version of someone else's shown when nothing here is
 * unsaved, and a conflict (a newer version that differs) left to the filer to decide.
 */
export function useEntrySaving({
  zoneCode,
  quarter,
  data,
  model,
  onFieldErrors,
  onReset,
}: {
  zoneCode: ZoneCode;
  quarter: QuarterString;
  data: EntryFormData;
  model: SubmissionFormModel;
  /** The server put errors beside fields: show the summary (with these messages that fit no field). */
  onFieldErrors(general: string[]): void;
  /** The form went back to what the server holds. */
  onReset(): void;
}) {
  const t = useTranslations("entry");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { form, snapshot, reset, applyIssues, contextRef, context } = model;
  const key = backupKey(zoneCode, quarter);
  const locked = data.lock !== null;
  const serverVersion = data.submission?.version ?? 0;
  const [conflictMessage, setConflictMessage] = useState<string | null>(null);
  const [resolving, setResolving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [adopted, setAdopted] = useState<number | null>(null);

  const saver = useDraftSaver({
    zoneCode,
    quarter,
    initialVersion: serverVersion,
    initialSaved: savedFromServer(data),
    canSave: !locked,
    getTexts: snapshot,
    makePayload: (texts) => savePayload(texts, quarter, contextRef.current, model.indicators),
    onSaved(sent, payload, version) {
      setRefusal(null);
      const now = snapshot();
      // The backup goes only once the server holds exactly what the form holds.
      if (payload.held.length === 0 && sameTexts(now, sent)) removeBackup(key);
      else writeBackup(key, now, version);
      if (payload.held.length > 0) void form.trigger(payload.held);
    },
    onClean(_texts, payload) {
      setRefusal(null);
      if (payload.held.length === 0) removeBackup(key);
      else void form.trigger(payload.held);
    },
    onRefused(error) {
      const issues = fieldIssues(error);
      const general = applyIssues(issues);
      if (issues.length > general.length) {
        // Field errors from the server: beside the fields and in the summary, like the form's own.
        onFieldErrors(general);
        setRefusal(null);
      } else {
        setRefusal(general.length > 0 ? general.join("; ") : (errorMessage(error) ?? t("errors.network")));
      }
    },
    async onConflict(message, baseVersion) {
      const fresh = await queryClient.fetchQuery({
        ...trpc.submission.form.queryOptions({ zoneCode, quarter }),
        staleTime: 0,
      });
      const freshVersion = fresh.submission?.version ?? 0;
      // Same version: not a stale form but a workflow refusal (e.g. submitted meanwhile in another tab).
      if (freshVersion === baseVersion) return "refused";
      // Newer, but holding what the form would save (e.g. our own save whose answer was lost): adopt it.
      if (
        fresh.lock === null &&
        sameContent(restrictTo(snapshot(), serverTexts(fresh)), serverTexts(fresh))
      ) {
        rebase(freshVersion, savedFromServer(fresh));
        return "same-content";
      }
      setConflictMessage(message);
      return "stale";
    },
  });
  const { schedule, saveNow, version, rebase, resume, hasPending, isSaving } = saver;

  // Every change: a copy in this browser at once, a save once typing pauses.
  useEffect(() => {
    const subscription = form.watch((_values, { type }) => {
      if (type !== "change") return;
      writeBackup(key, snapshot(), version());
      schedule();
    });
    return () => subscription.unsubscribe();
  }, [form, key, snapshot, version, schedule]);

  // On opening: typing this browser kept but the server does not have comes back into the form.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only once, with the data the page opened with
  useEffect(() => {
    if (locked) return;
    const backup = readBackup(key);
    if (!backup) return;
    const server = serverTexts(data);
    const restored = restrictTo(backup, server);
    if (sameContent(restored, server)) {
      removeBackup(key);
      return;
    }
    reset(restored, { keepDefaultValues: true });
    // Based on an older version? Then the next save meets the newer one and the filer decides.
    rebase(Math.min(backup.baseVersion, serverVersion));
    setRestoredAt(backup.savedAt);
    void form.trigger();
    schedule();
  }, []);

  // Someone else saved a newer version while nothing here is unsaved: show theirs (and say so).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the server data changes
  useEffect(() => {
    if (conflictMessage !== null || isSaving() || serverVersion === version()) return;
    if (hasPending() || savePayload(snapshot(), quarter, context, model.indicators).held.length > 0) return;
    const previous = version();
    reset(serverTexts(data));
    rebase(serverVersion, savedFromServer(data));
    if (previous > 0 && !locked) setAdopted(serverVersion);
  }, [data]);

  // Ctrl+S (⌘S) saves now instead of saving the web page.
  const lockedRef = useRef(locked);
  lockedRef.current = locked;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== "s") return;
      event.preventDefault();
      if (!lockedRef.current) void saveNow();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [saveNow]);

  /** Back to what the server holds: after a conflict, or when the restored typing is not wanted. */
  function takeServerVersion() {
    reset(serverTexts(data));
    rebase(serverVersion, savedFromServer(data));
    removeBackup(key);
    setConflictMessage(null);
    setRestoredAt(null);
    onReset();
    resume();
  }

  /** After a conflict: the filer's figures saved over the newest version. */
  async function saveMineOverNewest() {
    setResolving(true);
    rebase(serverVersion, savedFromServer(data));
    setConflictMessage(null);
    resume();
    await saveNow();
    setResolving(false);
  }

  return {
    saver,
    conflictMessage,
    resolving,
    refusal,
    restoredAt,
    adopted,
    dismissAdopted: () => setAdopted(null),
    takeServerVersion,
    saveMineOverNewest,
  };
}
