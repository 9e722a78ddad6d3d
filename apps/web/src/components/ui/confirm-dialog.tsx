"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * "Are you sure?" in place, beside what it is about (not a modal): the question, anything the answer needs
 * (e.g. a reason), and the two buttons. The confirm button takes the focus unless the caller puts it in a
 * field of its own.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  busy,
  danger = false,
  focusConfirm = true,
  className,
  testId,
  onConfirm,
  onCancel,
}: {
  title: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  /** Deleting or otherwise losing something. */
  danger?: boolean;
  focusConfirm?: boolean;
  className?: string;
  testId?: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the question appears
  useEffect(() => {
    if (focusConfirm) confirmRef.current?.focus();
  }, []);
  return (
    <fieldset className={className ? `confirm-box ${className}` : "confirm-box"} data-testid={testId}>
      <legend>{title}</legend>
      {children}
      <div className="confirm-buttons">
        <button
          ref={confirmRef}
          type="button"
          className={danger ? "confirm-yes confirm-danger" : "confirm-yes"}
          onClick={onConfirm}
          disabled={busy}
        >
          {confirmLabel}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </button>
      </div>
    </fieldset>
  );
}
