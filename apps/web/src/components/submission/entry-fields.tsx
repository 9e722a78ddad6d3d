"use client";

import {
  checkSubmission,
  describeRuleIssue,
  type IndicatorCode,
  type Locale,
  localized,
  type QuarterString,
  type RuleIssue,
  type ZoneCode,
} from "@zones/domain";
import { useLocale } from "next-intl";
import { useRef } from "react";

import type { EntryTexts } from "./form-model";
import { IndicatorField, valueInputId } from "./indicator-field";
import type { SubmissionFormModel } from "./use-submission-form";

/** Soft warnings as the filer types: shown beside the value, explained in 上报说明. */
function softIssuesByCode(typed: EntryTexts, quarter: QuarterString, model: SubmissionFormModel) {
  const byCode = new Map<string, RuleIssue[]>();
  const issues = checkSubmission(
    {
      quarter,
      values: (typed.values ?? {}) as Partial<Record<IndicatorCode, string>>,
      notes: (typed.notes ?? {}) as Partial<Record<IndicatorCode, string>>,
      context: model.context,
    },
    "draft",
    model.indicators,
  );
  for (const issue of issues) {
    if (issue.severity !== "soft") continue;
    byCode.set(issue.indicatorCode, [...(byCode.get(issue.indicatorCode) ?? []), issue]);
  }
  return byCode;
}

/** The indicators by theme, each with its value, note, messages and context. */
export function EntryFields({
  zoneCode,
  quarter,
  model,
  typed,
  reviewNotes,
  readOnly,
  onLastEnter,
}: {
  zoneCode: ZoneCode;
  quarter: QuarterString;
  model: SubmissionFormModel;
  /** The form's texts now. */
  typed: EntryTexts;
  reviewNotes: Record<string, string>;
  readOnly: boolean;
  /** Enter in the last value: on to the buttons. */
  onLastEnter(): void;
}) {
  const locale = useLocale() as Locale;
  const { form, rows, groups, codes, initialTexts } = model;
  const { errors } = form.formState;
  // A note field, once shown, stays (it would jump away while the filer explains a warning).
  const noteShown = useRef(new Set<string>());
  const soft = softIssuesByCode(typed, quarter, model);

  function focusNext(code: string) {
    const next = codes[codes.indexOf(code) + 1];
    if (!next) return onLastEnter();
    const input = document.getElementById(valueInputId(next));
    if (input instanceof HTMLInputElement) {
      input.focus();
      input.select();
    }
  }

  return groups.map((group) => (
    <fieldset key={group.theme.code} className="entry-theme">
      <legend>{localized(group.theme.name, locale)}</legend>
      {group.indicators.map((indicator) => {
        const code = indicator.code;
        const row = rows.get(code);
        if (!row) return null;
        const warnings = soft.get(code) ?? [];
        const noteText = typed.notes?.[code] ?? "";
        const noteError = errors.notes?.[code]?.message;
        if (warnings.length > 0 || noteText.trim() !== "" || noteError) noteShown.current.add(code);
        return (
          <IndicatorField
            key={code}
            zoneCode={zoneCode}
            quarter={quarter}
            indicator={indicator}
            row={row}
            text={typed.values?.[code] ?? ""}
            valueError={errors.values?.[code]?.message}
            noteError={noteError}
            warnings={warnings.map((issue) => describeRuleIssue(issue, locale, model.indicators))}
            explained={warnings.length > 0 && warnings.every((issue) => issue.explained)}
            reviewNote={reviewNotes[code]}
            showNote={noteShown.current.has(code)}
            readOnly={readOnly}
            initialValue={initialTexts.values[code] ?? ""}
            initialNote={initialTexts.notes[code] ?? ""}
            valueField={form.register(`values.${code}`)}
            noteField={form.register(`notes.${code}`)}
            onEnter={() => focusNext(code)}
          />
        );
      })}
    </fieldset>
  ));
}
