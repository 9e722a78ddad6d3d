"use client";

import { useMutation } from "@tanstack/react-query";
import type { QuarterString, ZoneCode } from "@zones/domain";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";

import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { useTRPC } from "~/trpc/react";
import { errorMessage } from "./client-errors";

/** 申请修订: reopens approved figures with a reason (required); the form unlocks once the server agrees. */
export function ReviseRequest({
  zoneCode,
  quarter,
  version,
  onRevised,
}: {
  zoneCode: ZoneCode;
  quarter: QuarterString;
  version: number;
  onRevised(version: number): void;
}) {
  const t = useTranslations("entry");
  const trpc = useTRPC();
  const id = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const revise = useMutation(trpc.submission.revise.mutationOptions());

  async function confirm() {
    if (reason.trim() === "") {
      setError(t("revise.reasonRequired"));
      reasonRef.current?.focus();
      return;
    }
    setError(null);
    try {
      const result = await revise.mutateAsync({ zoneCode, quarter, version, reason: reason.trim() });
      setOpen(false);
      setReason("");
      onRevised(result.version);
    } catch (caught) {
      setError(t("revise.failed", { message: errorMessage(caught) ?? t("submit.network") }));
    }
  }

  if (!open) {
    return (
      <button
        type="button"
        className="entry-primary"
        onClick={() => {
          setOpen(true);
          setTimeout(() => reasonRef.current?.focus(), 0);
        }}
        data-testid="revise-button"
      >
        {t("revise.button")}
      </button>
    );
  }
  return (
    <ConfirmDialog
      title={t("revise.button")}
      confirmLabel={t("revise.confirm")}
      cancelLabel={t("revise.cancel")}
      busy={revise.isPending}
      focusConfirm={false}
      className="entry-revise"
      onConfirm={confirm}
      onCancel={() => {
        setOpen(false);
        setError(null);
      }}
    >
      <p className="hint">{t("revise.intro")}</p>
      <label htmlFor={`${id}-reason`}>{t("revise.reason")}</label>
      <textarea
        ref={reasonRef}
        id={`${id}-reason`}
        rows={3}
        maxLength={500}
        required
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </ConfirmDialog>
  );
}
