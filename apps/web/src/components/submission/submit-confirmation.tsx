"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

import type { SubmitSummary } from "./use-submit-for-review";

/**
 * 确认提交: a modal dialog (the browser's own <dialog>: focus kept inside, Escape cancels) saying what is
 * about to be submitted — values filled, warnings explained, whether it is late — before the quarter locks.
 */
export function SubmitConfirmation({
  summary,
  lateNotice,
  onConfirm,
  onCancel,
}: {
  summary: SubmitSummary;
  lateNotice: string | null;
  onConfirm(): void;
  onCancel(): void;
}) {
  const t = useTranslations("entry.confirm");
  const dialogRef = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    confirmRef.current?.focus();
  }, []);
  // Closed before the parent acts: while the modal is open the rest of the page is inert and takes no focus.
  function closeThen(action: () => void) {
    dialogRef.current?.close();
    action();
  }
  return (
    <dialog
      ref={dialogRef}
      className="submit-confirmation"
      aria-labelledby="submit-confirmation-title"
      data-testid="submit-confirmation"
      onCancel={(event) => {
        event.preventDefault();
        closeThen(onCancel);
      }}
    >
      <h2 id="submit-confirmation-title">{t("title")}</h2>
      <ul>
        <li data-testid="confirm-filled">{t("filled", { filled: summary.filled, total: summary.total })}</li>
        <li data-testid="confirm-warnings">
          {summary.warned === 0
            ? t("noWarnings")
            : t("warnings", { warned: summary.warned, explained: summary.explained })}
        </li>
        {lateNotice && (
          <li className="entry-late-notice" data-testid="confirm-late">
            {lateNotice}
          </li>
        )}
      </ul>
      <p className="hint">{t("locks")}</p>
      <div className="entry-buttons">
        <button type="button" className="entry-secondary" onClick={() => closeThen(onCancel)}>
          {t("cancel")}
        </button>
        <button ref={confirmRef} type="button" className="entry-primary" onClick={() => closeThen(onConfirm)}>
          {t("confirm")}
        </button>
      </div>
    </dialog>
  );
}
