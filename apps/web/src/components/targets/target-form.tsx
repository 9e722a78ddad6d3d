"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import {
  type Locale,
  localized,
  TARGET_COMPARISON_LABELS,
  TARGET_COMPARISONS,
  TARGET_NOTE_MAX_LENGTH,
  TARGET_YEARS,
  type TargetComparison,
} from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";

import { useTRPC } from "~/trpc/react";

/** The values of the form, as typed. */
export interface TargetDraft {
  zoneCode: string;
  indicatorCode: string;
  targetYear: string;
  targetValue: string;
  comparison: TargetComparison | "";
  baselineYear: string;
  note: string;
}

export const EMPTY_DRAFT: TargetDraft = {
  zoneCode: "",
  indicatorCode: "",
  targetYear: "2025",
  targetValue: "",
  comparison: "",
  baselineYear: "2020",
  note: "",
};

/** A typed number, or the text itself so that the server refuses it naming the field. */
const numberOrText = (text: string) =>
  text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text;

/** Adds a target, or edits one (the zone, indicator and year then stay: they are what it is). */
export function TargetForm({
  initial,
  editing,
  disabled,
  onDone,
}: {
  initial: TargetDraft;
  editing: boolean;
  disabled: boolean;
  onDone(message: string | null): void;
}) {
  const t = useTranslations("targets");
  const locale = useLocale() as Locale;
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: choices } = useSuspenseQuery(trpc.targets.choices.queryOptions());
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.targets.save.mutationOptions({
      onSuccess: async () => {
        setError(null);
        setDraft(EMPTY_DRAFT);
        onDone(t("admin.saved"));
        await queryClient.invalidateQueries({ queryKey: trpc.targets.pathKey() });
      },
      onError: (failure) => setError(failure.message),
    }),
  );
  const set = (field: keyof TargetDraft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      zoneCode: draft.zoneCode,
      indicatorCode: draft.indicatorCode,
      targetYear: numberOrText(draft.targetYear),
      targetValue: numberOrText(draft.targetValue),
      baselineYear: numberOrText(draft.baselineYear),
      ...(draft.comparison ? { comparison: draft.comparison } : {}),
      note: draft.note,
    } as Parameters<typeof save.mutate>[0]);
  }

  const locked = disabled || save.isPending;
  return (
    <form
      className="stacked-form"
      onSubmit={submit}
      noValidate
      data-testid="target-form"
      aria-labelledby={id}
    >
      <h2 id={id}>{editing ? t("admin.edit") : t("admin.add")}</h2>
      <label>
        {t("zone")}
        <select
          value={draft.zoneCode}
          onChange={set("zoneCode")}
          disabled={locked || editing}
          data-testid="target-zone"
        >
          <option value="">{t("admin.choose")}</option>
          {choices.zones.map((zone) => (
            <option key={zone.code} value={zone.code}>
              {localized(zone.name, locale)} ({zone.code})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("indicator")}
        <select
          value={draft.indicatorCode}
          onChange={set("indicatorCode")}
          disabled={locked || editing}
          data-testid="target-indicator"
        >
          <option value="">{t("admin.choose")}</option>
          {choices.indicators.map((indicator) => (
            <option key={indicator.code} value={indicator.code}>
              {localized(indicator.name, locale)}（{localized(indicator.unit, locale)}）
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("targetYear")}
        <input
          type="number"
          inputMode="numeric"
          min={TARGET_YEARS.min}
          max={TARGET_YEARS.max}
          value={draft.targetYear}
          onChange={set("targetYear")}
          disabled={locked || editing}
          data-testid="target-year"
        />
      </label>
      <label>
        {t("comparison")}
        <select
          value={draft.comparison}
          onChange={set("comparison")}
          disabled={locked}
          data-testid="target-comparison"
        >
          <option value="">{t("comparisonDefault")}</option>
          {TARGET_COMPARISONS.map((comparison) => (
            <option key={comparison} value={comparison}>
              {localized(TARGET_COMPARISON_LABELS[comparison], locale)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("targetValue")}
        <input
          inputMode="decimal"
          value={draft.targetValue}
          onChange={set("targetValue")}
          disabled={locked}
          data-testid="target-value"
        />
      </label>
      <label>
        {t("baselineYear")}
        <input
          type="number"
          inputMode="numeric"
          min={TARGET_YEARS.min}
          max={TARGET_YEARS.max}
          value={draft.baselineYear}
          onChange={set("baselineYear")}
          disabled={locked}
          data-testid="target-baseline-year"
        />
      </label>
      <label>
        {t("note")}
        <input
          value={draft.note}
          maxLength={TARGET_NOTE_MAX_LENGTH}
          onChange={set("note")}
          disabled={locked}
          data-testid="target-note"
        />
      </label>
      {error && (
        <p className="form-error" role="alert" data-testid="target-error">
          {error}
        </p>
      )}
      <div className="target-row-actions">
        <button type="submit" className="button-primary" disabled={locked} data-testid="target-save">
          {t("admin.save")}
        </button>
        {editing && (
          <button type="button" onClick={() => onDone(null)} disabled={locked}>
            {t("admin.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
