"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { QuarterString, ZoneCode } from "@zones/domain";
import { type FormEvent, useRef, useState } from "react";

import { useTRPC } from "~/trpc/react";

/**
 * The reviewer's decision on one submission version: approve (with an optional comment) or return (with a
 * reason, required, and comments per indicator). A refusal (e.g. decided meanwhile in another tab) reloads
 * the data.
 */
export function useReviewDecision({
  zoneCode,
  quarter,
  version,
}: {
  zoneCode: ZoneCode;
  quarter: QuarterString;
  version: number;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [approveComment, setApproveComment] = useState("");
  const [reason, setReason] = useState("");
  const [reasonMissing, setReasonMissing] = useState(false);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<"approved" | "returned" | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  // The queue, the completeness grid and this form all change with a decision.
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.submission.pathKey() });
  const onError = async (error: { message: string }) => {
    setOutcome(null);
    setServerError(error.message);
    await refresh();
  };
  const approve = useMutation(
    trpc.submission.approve.mutationOptions({
      onSuccess: async () => {
        setOutcome("approved");
        setApproveComment("");
        await refresh();
      },
      onError,
    }),
  );
  const returnIt = useMutation(
    trpc.submission.return.mutationOptions({
      onSuccess: async () => {
        setOutcome("returned");
        setReason("");
        setNotes({});
        await refresh();
      },
      onError,
    }),
  );

  function submitApprove(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    setOutcome(null);
    const comment = approveComment.trim();
    approve.mutate({ zoneCode, quarter, version, ...(comment ? { comment } : {}) });
  }

  function submitReturn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError(null);
    setOutcome(null);
    if (reason.trim() === "") {
      setReasonMissing(true);
      reasonRef.current?.focus();
      return;
    }
    setReasonMissing(false);
    const indicatorNotes = Object.fromEntries(
      Object.entries(notes)
        .map(([code, note]) => [code, note.trim()] as const)
        .filter(([, note]) => note !== ""),
    );
    returnIt.mutate({ zoneCode, quarter, version, comment: reason.trim(), notes: indicatorNotes });
  }

  return {
    approveComment,
    setApproveComment,
    reason,
    reasonRef,
    reasonMissing,
    setReason(text: string) {
      setReason(text);
      if (text.trim() !== "") setReasonMissing(false);
    },
    notes,
    setNote: (code: string, text: string) => setNotes({ ...notes, [code]: text }),
    serverError,
    outcome,
    pending: approve.isPending || returnIt.isPending,
    submitApprove,
    submitReturn,
  };
}

export type ReviewDecisionState = ReturnType<typeof useReviewDecision>;
