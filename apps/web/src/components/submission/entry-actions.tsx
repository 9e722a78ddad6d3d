"use client";

import { useTranslations } from "next-intl";
import type { Ref } from "react";

import { Notice } from "~/components/ui/notices";
import { SaveStatus } from "./save-status";
import type { SaveState } from "./use-draft-saver";

/**
 * The bar under the form (it stays in view while scrolling): where the draft stands, 保存草稿 and 提交审核.
 * It comes after the fields in the tab order, so the keyboard reaches it when the form is done.
 */
export function EntryActions({
  state,
  held,
  readOnly,
  canSubmit,
  submitting,
  lateNotice,
  hint,
  submitError,
  saveRef,
  submitRef,
  onSave,
  onSubmit,
}: {
  state: SaveState;
  held: number;
  readOnly: boolean;
  canSubmit: boolean;
  submitting: boolean;
  lateNotice: string | null;
  hint: string | null;
  submitError: string | null;
  saveRef: Ref<HTMLButtonElement>;
  submitRef: Ref<HTMLButtonElement>;
  onSave(): void;
  onSubmit(): void;
}) {
  const t = useTranslations("entry");
  return (
    <div className="entry-actions" data-testid="entry-actions">
      <div className="entry-actions-status">
        {!readOnly && <SaveStatus state={state} held={held} />}
        {lateNotice && (
          <p className="entry-late-notice" data-testid="late-notice">
            <span aria-hidden="true">⚠ </span>
            {lateNotice}
          </p>
        )}
        {hint && <p className="hint">{hint}</p>}
        {submitError && (
          <Notice tone="error" inline testId="submit-error">
            {submitError}
          </Notice>
        )}
      </div>
      {!readOnly && (
        <div className="entry-buttons">
          <button
            ref={saveRef}
            type="button"
            className="entry-secondary"
            onClick={onSave}
            aria-keyshortcuts="Control+S"
            title={t("save.shortcut")}
          >
            {t("save.button")}
          </button>
          <button
            ref={submitRef}
            type="button"
            className="entry-primary"
            onClick={onSubmit}
            disabled={!canSubmit || submitting}
            data-testid="submit-button"
          >
            {submitting ? t("submit.submitting") : t("submit.button")}
          </button>
        </div>
      )}
    </div>
  );
}
