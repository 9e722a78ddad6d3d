"use client";

import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type { Locale, QuarterString, ZoneCode } from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useWatch } from "react-hook-form";

import { formatServedDate, type ServedDate } from "~/components/format/dates";
import { useTRPC } from "~/trpc/react";
import { conflictRows } from "./conflict-panel";
import { daysUntil } from "./deadline";
import { EntryActions } from "./entry-actions";
import { EntryBanners, SaveNotices } from "./entry-banners";
import { EntryFields } from "./entry-fields";
import { ErrorSummary, type SummaryItem, summaryItems } from "./error-summary";
import { type EntryFormData, type EntryTexts, savePayload } from "./form-model";
import { StatusHeader } from "./status-header";
import { SubmitConfirmation } from "./submit-confirmation";
import { useEntrySaving } from "./use-entry-saving";
import { useSubmissionForm } from "./use-submission-form";
import { useSubmitForReview } from "./use-submit-for-review";

type FieldName = `values.${string}` | `notes.${string}`;

/** Still owed after the deadline of an open period, and never approved before: submitting now is late. */
function isLateNow(data: EntryFormData, today: string): boolean {
  const status = data.submission?.status ?? null;
  const owing = status === null || status === "draft" || status === "returned";
  return (
    data.lock === null &&
    owing &&
    data.period?.status === "open" &&
    (data.submission?.revision ?? 0) === 0 &&
    daysUntil(data.period.deadline, today) < 0
  );
}

/**
 * The entry form of one zone × quarter: generated from the catalogue, checked as the filer types with the
 * same schema the server uses, saved as a draft automatically (with a copy in this browser), and never
 * overwriting a newer version without asking.
 */
export function EntryForm({
  zoneCode,
  quarter,
  today,
  servedDeadline,
}: {
  zoneCode: ZoneCode;
  quarter: QuarterString;
  today: string;
  /** The period's deadline as the server formatted it. */
  servedDeadline: ServedDate | null;
}) {
  const t = useTranslations("entry");
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(
    trpc.submission.form.queryOptions({ zoneCode, quarter }, { refetchOnWindowFocus: false }),
  );
  const locked = data.lock !== null;
  const model = useSubmissionForm(data, quarter);
  const { form, codes, rows, context } = model;
  const { errors } = form.formState;
  const typed = useWatch({ control: form.control }) as EntryTexts;
  // The summary of field errors: `key` changes on each refusal, so it takes the focus again.
  const [summary, setSummary] = useState<{ key: number; general: string[] } | null>(null);
  const showSummary = (general: string[]) =>
    setSummary((previous) => ({ key: (previous?.key ?? 0) + 1, general }));
  const saving = useEntrySaving({
    zoneCode,
    quarter,
    data,
    model,
    onFieldErrors: showSummary,
    onReset: () => setSummary(null),
  });
  const { saver, conflictMessage } = saving;
  const submitting = useSubmitForReview({
    zoneCode,
    quarter,
    model,
    saver,
    onFieldErrors: showSummary,
    onSubmitted: () => setSummary(null),
  });
  // The outcome of 提交审核 shows at the top of the page: take the reader there, not leave them mid-scroll.
  useEffect(() => {
    if (submitting.submitted) window.scrollTo({ top: 0 });
  }, [submitting.submitted]);
  const saveRef = useRef<HTMLButtonElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  // Once hydrated (and any backup restored, by the effects above): the form says it is ready (typing before
  // that would not reach the form state), and the first empty value takes the focus unless the reader is
  // already somewhere in the form: an official opens the form to fill it, not to Tab through what is there.
  // Marked on the element, not in state: a state change would render the whole form a second time.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const element = formRef.current;
    if (!element) return;
    element.dataset.ready = "true";
    if (locked || element.contains(document.activeElement)) return;
    const inputs = [...element.querySelectorAll<HTMLInputElement>("input.entry-value:not([readonly])")];
    inputs.find((input) => input.value === "")?.focus();
  }, [locked]);

  function focusField(item: SummaryItem) {
    const element = document.getElementById(item.inputId);
    if (element) element.focus();
    else form.setFocus(item.field as FieldName);
  }

  /** After the last value: 提交审核 when it can be pressed, else 保存草稿. */
  function focusButtons() {
    const button = submitRef.current && !submitRef.current.disabled ? submitRef.current : saveRef.current;
    button?.focus();
  }

  const held = locked ? 0 : savePayload(typed, quarter, context, model.indicators).held.length;
  const lateNotice = isLateNow(data, today)
    ? t("form.lateNotice", { date: formatServedDate(data.period?.deadline ?? "", servedDeadline, locale) })
    : null;

  return (
    <div className="entry-page">
      <StatusHeader
        zoneCode={zoneCode}
        quarter={quarter}
        data={data}
        today={today}
        servedDeadline={servedDeadline}
      />
      <EntryBanners
        zoneCode={zoneCode}
        quarter={quarter}
        data={data}
        onRevised={(next) => {
          saver.rebase(next);
          void queryClient.invalidateQueries({ queryKey: trpc.submission.pathKey() });
        }}
      />
      <SaveNotices
        saving={saving}
        submitted={submitting.submitted}
        conflictRows={() => conflictRows(codes, rows, typed, locale, model.indicators)}
      />
      {summary && (
        <ErrorSummary
          items={summaryItems(codes, errors)}
          general={summary.general}
          focusKey={summary.key}
          onFocusField={focusField}
        />
      )}

      {!locked && (
        <>
          <p className="hint entry-intro">{t("form.intro")}</p>
          <p className="hint" data-testid="history-hint">
            {t("form.historyHint")}
          </p>
        </>
      )}

      <form
        ref={formRef}
        className="entry-form"
        noValidate
        onSubmit={(event) => event.preventDefault()}
        data-testid="entry-form"
        data-ready="false"
      >
        <EntryFields
          zoneCode={zoneCode}
          quarter={quarter}
          model={model}
          typed={typed}
          reviewNotes={data.submission?.reviewNotes ?? {}}
          readOnly={locked}
          onLastEnter={focusButtons}
        />
        {(!locked || submitting.submitError) && (
          <EntryActions
            state={saver.state}
            held={held}
            readOnly={locked}
            canSubmit={data.actions.submit && conflictMessage === null}
            submitting={submitting.submitting}
            lateNotice={lateNotice}
            hint={!locked && data.submission === null ? t("submit.needsSave") : null}
            submitError={submitting.submitError}
            saveRef={saveRef}
            submitRef={submitRef}
            onSave={() => void saver.saveNow()}
            onSubmit={() => void submitting.submit()}
          />
        )}
        {submitting.confirming && (
          <SubmitConfirmation
            summary={submitting.confirming}
            lateNotice={lateNotice}
            onConfirm={() => void submitting.confirm()}
            onCancel={() => {
              submitting.cancel();
              submitRef.current?.focus();
            }}
          />
        )}
      </form>
    </div>
  );
}
