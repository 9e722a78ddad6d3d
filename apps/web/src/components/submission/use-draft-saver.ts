"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { QuarterString, ZoneCode } from "@zones/domain";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { useTRPC } from "~/trpc/react";
import { errorCode, errorMessage, isTransient } from "./client-errors";
import { applyPayload, type EntryTexts, pendingCodes, type SavedTexts, type SavePayload } from "./form-model";

/** Quiet time after the last keystroke before a draft is saved. */
export const AUTOSAVE_DELAY_MS = 1500;
const RETRY_FIRST_MS = 2000;
const RETRY_MAX_MS = 30_000;
/** A save without an answer by then counts as failed and is retried (a late answer meets the version check). */
const SAVE_TIMEOUT_MS = 20_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * What a CONFLICT turned out to be: a newer version that differs from the typing (the filer decides), a
 * newer version with the same content (e.g. our own save whose answer was lost: adopted), or a refusal.
 */
export type ConflictKind = "stale" | "same-content" | "refused";

export type SaveState =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "retrying" }
  | { kind: "conflict"; message: string }
  | { kind: "refused"; message: string };

/** How a save attempt ended; `clean` = nothing to save. */
export type SaveOutcome = "saved" | "clean" | "retrying" | "refused" | "conflict" | "locked";

export interface DraftSaverOptions {
  zoneCode: ZoneCode;
  quarter: QuarterString;
  initialVersion: number;
  initialSaved: SavedTexts;
  /** False while the form is read-only. */
  canSave: boolean;
  getTexts(): EntryTexts;
  makePayload(texts: EntryTexts): SavePayload;
  /** The server confirmed `payload`, made from `sent`; it is now at `version`. */
  onSaved(sent: EntryTexts, payload: SavePayload, version: number): void;
  /** Nothing differs from what the server holds. */
  onClean(texts: EntryTexts, payload: SavePayload): void;
  /** A refusal that is not a stale version (field errors, rights): shown, not retried. */
  onRefused(error: unknown): void;
  /** CONFLICT: looks at the server's newest version and says what it is (see `ConflictKind`). */
  onConflict(message: string, baseVersion: number): Promise<ConflictKind>;
}

/**
 * Saves the draft debounced while typing and on demand, one request at a time, always with the version
 * the form is based on; retries with backoff when the network fails and as soon as the browser is online.
 */
export function useDraftSaver(options: DraftSaverOptions) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { mutateAsync } = useMutation(trpc.submission.save.mutationOptions());

  const optionsRef = useRef(options);
  optionsRef.current = options;
  const versionRef = useRef(options.initialVersion);
  const savedRef = useRef(options.initialSaved);
  const runningRef = useRef<Promise<SaveOutcome> | null>(null);
  const debounceRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attemptsRef = useRef(0);
  const blockedRef = useRef(false);
  const lastSavedAtRef = useRef<Date | null>(null);
  const [state, setState] = useState<SaveState>({ kind: "idle" });

  const restingState = useCallback(
    (): SaveState =>
      lastSavedAtRef.current ? { kind: "saved", at: lastSavedAtRef.current } : { kind: "idle" },
    [],
  );

  const clearTimers = useCallback(() => {
    if (debounceRef.current) clearTimeout(debounceRef.current);
    if (retryRef.current) clearTimeout(retryRef.current);
    debounceRef.current = null;
    retryRef.current = null;
  }, []);

  /** What a save would send now, and which of it differs from the server. */
  const pending = useCallback(() => {
    const current = optionsRef.current;
    const texts = current.getTexts();
    const payload = current.makePayload(texts);
    return { texts, payload, codes: pendingCodes(savedRef.current, payload) };
  }, []);

  const runOnce = useCallback(async (): Promise<SaveOutcome> => {
    const current = optionsRef.current;
    if (!current.canSave || blockedRef.current) return "locked";
    const { texts, payload, codes } = pending();
    if (codes.length === 0) {
      current.onClean(texts, payload);
      setState(restingState());
      return "clean";
    }
    const baseVersion = versionRef.current;
    setState({ kind: "saving" });
    try {
      const result = await withTimeout(
        mutateAsync({
          zoneCode: current.zoneCode,
          quarter: current.quarter,
          baseVersion,
          values: payload.values,
          notes: payload.notes,
        }),
        SAVE_TIMEOUT_MS,
      );
      attemptsRef.current = 0;
      versionRef.current = result.version;
      savedRef.current = applyPayload(savedRef.current, payload);
      lastSavedAtRef.current = new Date(result.savedAt);
      optionsRef.current.onSaved(texts, payload, result.version);
      void queryClient.invalidateQueries({
        queryKey: trpc.submission.form.queryKey({ zoneCode: current.zoneCode, quarter: current.quarter }),
      });
      // Typed while the request was on its way: those changes get their own save.
      setState(pending().codes.length > 0 ? { kind: "dirty" } : restingState());
      if (pending().codes.length > 0) scheduleRef.current();
      return "saved";
    } catch (error) {
      if (isTransient(error)) {
        attemptsRef.current += 1;
        const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (attemptsRef.current - 1));
        if (retryRef.current) clearTimeout(retryRef.current);
        retryRef.current = setTimeout(() => void saveNowRef.current(), delay);
        setState({ kind: "retrying" });
        return "retrying";
      }
      const message = errorMessage(error) ?? "";
      if (errorCode(error) === "CONFLICT") {
        blockedRef.current = true;
        setState({ kind: "conflict", message });
        const kind = await optionsRef.current.onConflict(message, baseVersion);
        if (kind === "stale") return "conflict";
        blockedRef.current = false;
        if (kind === "same-content") {
          // The caller rebased onto the newer version: what is still pending is saved on top of it, and
          // with nothing pending the backup goes (`onClean`).
          lastSavedAtRef.current = new Date();
          return runOnceRef.current();
        }
      }
      setState({ kind: "refused", message });
      optionsRef.current.onRefused(error);
      return "refused";
    }
  }, [mutateAsync, pending, queryClient, restingState, trpc]);

  const runOnceRef = useRef(runOnce);
  runOnceRef.current = runOnce;

  /** Saves now (after any save on its way), e.g. the 保存草稿 button, Ctrl+S, before submitting. */
  const saveNow = useCallback(async (): Promise<SaveOutcome> => {
    clearTimers();
    while (runningRef.current) await runningRef.current;
    const run = (async () => {
      try {
        return await runOnce();
      } finally {
        runningRef.current = null;
      }
    })();
    runningRef.current = run;
    return run;
  }, [clearTimers, runOnce]);

  /** After a change: shows that something is unsaved and saves once typing pauses. */
  const schedule = useCallback(() => {
    if (debounceRef.current) clearTimeout(debounceRef.current);
    if (!optionsRef.current.canSave || blockedRef.current) return;
    const { codes } = pending();
    if (codes.length > 0) {
      setState((previous) =>
        previous.kind === "saving" || previous.kind === "retrying" ? previous : { kind: "dirty" },
      );
    } else {
      setState((previous) =>
        previous.kind === "dirty" || previous.kind === "refused" ? restingState() : previous,
      );
    }
    debounceRef.current = setTimeout(() => void saveNowRef.current(), AUTOSAVE_DELAY_MS);
  }, [pending, restingState]);

  const saveNowRef = useRef(saveNow);
  saveNowRef.current = saveNow;
  const scheduleRef = useRef(schedule);
  scheduleRef.current = schedule;

  // Back online: try at once instead of waiting for the next retry.
  useEffect(() => {
    const onOnline = () => {
      if (retryRef.current) void saveNowRef.current();
    };
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, []);

  useEffect(() => clearTimers, [clearTimers]);

  const hasPending = useCallback(() => pending().codes.length > 0, [pending]);
  const isSaving = useCallback(() => runningRef.current !== null, []);
  const version = useCallback(() => versionRef.current, []);
  /** Start from this server state: after a revision, a submit, or adopting a newer version. */
  const rebase = useCallback((next: number, saved?: SavedTexts) => {
    versionRef.current = next;
    if (saved) savedRef.current = saved;
  }, []);
  /** The filer decided a conflict: saving may go on. */
  const resume = useCallback(() => {
    blockedRef.current = false;
    setState(restingState());
  }, [restingState]);

  return useMemo(
    () => ({ state, saveNow, schedule, hasPending, isSaving, version, rebase, resume }),
    [state, saveNow, schedule, hasPending, isSaving, version, rebase, resume],
  );
}
