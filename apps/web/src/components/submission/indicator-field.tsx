"use client";

import { type Indicator, type Locale, localized, type QuarterString, type ZoneCode } from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";
import { type KeyboardEvent, memo } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

import { FieldContext } from "./field-context";
import type { EntryRow } from "./form-model";
import { ValueHistory } from "./value-history";

export interface IndicatorFieldProps {
  zoneCode: ZoneCode;
  quarter: QuarterString;
  indicator: Indicator;
  row: EntryRow;
  /** The value as typed now. */
  text: string;
  valueError?: string;
  noteError?: string;
  /** Soft warnings of the value (already sentences). */
  warnings: string[];
  /** The filer explained the warnings (上报说明 filled in). */
  explained: boolean;
  reviewNote?: string;
  showNote: boolean;
  readOnly: boolean;
  /** Server-rendered text (the form state takes over once hydrated). */
  initialValue: string;
  initialNote: string;
  valueField: UseFormRegisterReturn;
  noteField: UseFormRegisterReturn;
  /** Enter in the value: go to the next value. */
  onEnter(): void;
}

export function valueInputId(code: string) {
  return `value-${code}`;
}

export function noteInputId(code: string) {
  return `note-${code}`;
}

/**
 * One indicator: its name and unit, the value, what to compare it with, its messages, the explanation
 * (上报说明) when a warning asks for one, the reviewer's comment and the value's history.
 */
/**
 * Whether a field would render the same: its data, texts and messages. The handlers are left out on purpose:
 * `register` and `onEnter` are new functions on each render of the form but do the same (they close over the
 * form's control and the field's code only), so one keystroke re-renders one field, not forty.
 */
export function sameFieldProps(before: IndicatorFieldProps, after: IndicatorFieldProps): boolean {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof IndicatorFieldProps>;
  for (const key of keys) {
    if (key === "onEnter" || key === "valueField" || key === "noteField" || key === "warnings") continue;
    if (before[key] !== after[key]) return false;
  }
  return (
    before.valueField.name === after.valueField.name &&
    before.noteField.name === after.noteField.name &&
    before.warnings.length === after.warnings.length &&
    before.warnings.every((warning, index) => warning === after.warnings[index])
  );
}

export const IndicatorField = memo(IndicatorFieldView, sameFieldProps);

function IndicatorFieldView(props: IndicatorFieldProps) {
  const { indicator, row, valueError, noteError, warnings, reviewNote, readOnly } = props;
  const t = useTranslations("entry.field");
  const locale = useLocale() as Locale;
  const code = indicator.code;
  const id = valueInputId(code);
  const noteId = noteInputId(code);
  const ids = {
    error: `${id}-error`,
    warning: `${id}-warning`,
    review: `${id}-review`,
    context: `${id}-context`,
    noteError: `${noteId}-error`,
    noteHint: `${noteId}-hint`,
  };
  const describedBy = [
    valueError && ids.error,
    warnings.length > 0 && ids.warning,
    reviewNote && ids.review,
    ids.context,
  ]
    .filter(Boolean)
    .join(" ");
  const state = valueError ? "error" : warnings.length > 0 && !props.explained ? "warning" : "ok";

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Not while an input method is composing: its Enter commits the characters.
    if (event.key !== "Enter" || event.nativeEvent.isComposing || event.altKey || event.ctrlKey) return;
    event.preventDefault();
    props.onEnter();
  }

  return (
    <div
      className={`entry-field entry-field-${state}`}
      data-indicator={code}
      data-state={state}
      data-last-year={row.lastYear ?? ""}
      data-previous={row.previousQuarter ?? ""}
      data-history-min={row.historyMin ?? ""}
      data-history-max={row.historyMax ?? ""}
    >
      <div className="entry-field-main">
        <label htmlFor={id} className="entry-field-label">
          <span className="entry-field-name">{localized(indicator.name, locale)}</span>
          <span className="entry-field-unit">{t("unit", { unit: localized(indicator.unit, locale) })}</span>
          {row.revisionKind === "preliminary" && <span className="entry-tag">{t("preliminary")}</span>}
        </label>
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          className="entry-value"
          readOnly={readOnly}
          aria-readonly={readOnly || undefined}
          aria-invalid={valueError ? true : undefined}
          aria-describedby={describedBy}
          defaultValue={props.initialValue}
          {...props.valueField}
          onKeyDown={onKeyDown}
        />
        {valueError && (
          <p id={ids.error} className="field-error" role="alert">
            {t("errorPrefix")}
            {valueError}
          </p>
        )}
        {warnings.length > 0 && (
          <div id={ids.warning} className="field-warning" data-testid="field-warning">
            {warnings.map((warning) => (
              <p key={warning}>
                <span className="field-warning-label">{t("warningPrefix")}</span>
                {warning}
              </p>
            ))}
            {props.explained && <p className="field-explained">✓ {t("explained")}</p>}
          </div>
        )}
        {reviewNote && (
          <p id={ids.review} className="entry-review-note" data-testid="review-note">
            <strong>{t("reviewNote")}</strong>
            {reviewNote}
          </p>
        )}
        {props.showNote && (
          <div className="entry-note">
            <label htmlFor={noteId}>
              {t("note")}
              <span className="visually-hidden"> · {localized(indicator.name, locale)}</span>
            </label>
            <textarea
              id={noteId}
              rows={2}
              readOnly={readOnly}
              aria-readonly={readOnly || undefined}
              aria-invalid={noteError ? true : undefined}
              aria-describedby={
                [noteError && ids.noteError, !readOnly && ids.noteHint].filter(Boolean).join(" ") || undefined
              }
              defaultValue={props.initialNote}
              {...props.noteField}
            />
            {!readOnly && (
              <p id={ids.noteHint} className="hint">
                {t("noteHint")}
              </p>
            )}
            {noteError && (
              <p id={ids.noteError} className="field-error" role="alert">
                {t("errorPrefix")}
                {noteError}
              </p>
            )}
          </div>
        )}
      </div>
      <div className="entry-field-side">
        <FieldContext
          id={ids.context}
          indicator={indicator}
          row={row}
          quarter={props.quarter}
          text={props.text}
        />
        <ValueHistory zoneCode={props.zoneCode} quarter={props.quarter} indicator={indicator} />
      </div>
    </div>
  );
}
