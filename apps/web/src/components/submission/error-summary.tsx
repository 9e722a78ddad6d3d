"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { FieldErrors } from "react-hook-form";

import type { EntryTexts } from "./form-model";
import { noteInputId, valueInputId } from "./indicator-field";

export interface SummaryItem {
  /** Form field name, e.g. `values.gdp`. */
  field: string;
  /** Id of the input, for the link. */
  inputId: string;
  message: string;
}

/** The fields' errors in the order of the form: each value, then its note. */
export function summaryItems(codes: readonly string[], errors: FieldErrors<EntryTexts>): SummaryItem[] {
  return codes.flatMap((code) => {
    const items: SummaryItem[] = [];
    const valueError = errors.values?.[code]?.message;
    const noteError = errors.notes?.[code]?.message;
    if (valueError) items.push({ field: `values.${code}`, inputId: valueInputId(code), message: valueError });
    if (noteError) items.push({ field: `notes.${code}`, inputId: noteInputId(code), message: noteError });
    return items;
  });
}

/** On a refused submit: every problem at the top, each a link that puts the cursor in its field. */
export function ErrorSummary({
  items,
  general,
  focusKey,
  onFocusField,
}: {
  items: SummaryItem[];
  /** Messages that belong to no field. */
  general: string[];
  /** Changes on every refused submit, so the summary takes the focus again. */
  focusKey: number;
  onFocusField(item: SummaryItem): void;
}) {
  const t = useTranslations("entry.summary");
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus on each new refusal, not on each edit
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  if (items.length === 0 && general.length === 0) return null;
  return (
    <div
      ref={ref}
      className="entry-error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby="entry-error-summary-title"
      data-testid="error-summary"
    >
      <h2 id="entry-error-summary-title">
        {items.length > 0 ? t("title", { count: items.length }) : t("serverTitle")}
      </h2>
      <ul>
        {general.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {items.map((item) => (
          <li key={item.field}>
            <a
              href={`#${item.inputId}`}
              onClick={(event) => {
                event.preventDefault();
                onFocusField(item);
              }}
            >
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
