"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  type CheckMode,
  formIndicators,
  type Locale,
  type QuarterString,
  type SubmissionFormOutput,
  submissionFormSchema,
} from "@zones/domain";
import { useLocale } from "next-intl";
import { useCallback, useMemo, useRef, useState } from "react";
import { type Resolver, useForm } from "react-hook-form";

import type { FieldIssue } from "./client-errors";
import { type EntryFormData, type EntryTexts, indicatorContexts, serverTexts } from "./form-model";

/**
 * The entry form's state (react-hook-form) for what the server sent: its indicators by theme, checked with
 * the same schema the server uses, in draft mode while typing and in submit mode when 提交审核 is pressed.
 */
export function useSubmissionForm(data: EntryFormData, quarter: QuarterString) {
  const locale = useLocale() as Locale;
  const rows = useMemo(() => new Map(data.indicators.map((row) => [row.indicatorCode, row])), [data]);
  const groups = useMemo(
    () =>
      formIndicators(quarter, data.catalogue)
        .map((group) => ({
          theme: group.theme,
          indicators: group.indicators.filter((indicator) => rows.has(indicator.code)),
        }))
        .filter((group) => group.indicators.length > 0),
    [quarter, rows, data.catalogue],
  );
  const codes = useMemo(
    () => groups.flatMap((group) => group.indicators.map((indicator) => indicator.code)),
    [groups],
  );
  const context = useMemo(() => indicatorContexts(data), [data]);
  // The form's indicators as the server read them from the catalogue (that year's).
  const indicators = data.catalogue;
  const contextRef = useRef(context);
  contextRef.current = context;

  const modeRef = useRef<CheckMode>("draft");
  const resolvers = useMemo(
    () => ({
      draft: zodResolver(submissionFormSchema({ quarter, context, mode: "draft", locale, indicators })),
      submit: zodResolver(submissionFormSchema({ quarter, context, mode: "submit", locale, indicators })),
    }),
    [quarter, context, locale, indicators],
  );
  const resolversRef = useRef(resolvers);
  resolversRef.current = resolvers;
  const resolver = useCallback<Resolver<EntryTexts, unknown, SubmissionFormOutput>>(
    (values, resolverContext, options) =>
      resolversRef.current[modeRef.current](values, resolverContext, options),
    [],
  );
  // What the page opened with: also rendered into the HTML, so values show before hydration.
  const [initialTexts] = useState(() => serverTexts(data));
  const form = useForm<EntryTexts, unknown, SubmissionFormOutput>({
    defaultValues: initialTexts,
    resolver,
    mode: "onTouched",
  });
  const snapshot = useCallback((): EntryTexts => {
    const current = form.getValues();
    return { values: { ...current.values }, notes: { ...current.notes } };
  }, [form]);

  /**
   * Puts these texts in the form. The inputs keep their registration (`keepFieldsRef`): the fields are memoized
   * (`IndicatorField`: a keystroke renders one field), so a field would not render again to register anew,
   * and a plain `form.reset` would leave the inputs unbound. Reset the form through this only.
   */
  const reset = useCallback(
    (texts: EntryTexts, options: { keepDefaultValues?: boolean } = {}) =>
      form.reset(texts, { ...options, keepFieldsRef: true }),
    [form],
  );

  /** Server field errors go beside their fields, like the form's own; the rest are returned. */
  const applyIssues = useCallback(
    (issues: FieldIssue[]): string[] => {
      const general: string[] = [];
      for (const issue of issues) {
        const [field, code] = issue.path;
        if ((field === "values" || field === "notes") && code && rows.has(code)) {
          form.setError(`${field}.${code}`, { type: "server", message: issue.message });
        } else {
          general.push(issue.message);
        }
      }
      return general;
    },
    [form, rows],
  );

  /** Every field checked as for submitting (required values too); the form goes back to draft checks. */
  const validateForSubmit = useCallback(async (): Promise<boolean> => {
    modeRef.current = "submit";
    try {
      return await form.trigger();
    } finally {
      modeRef.current = "draft";
    }
  }, [form]);

  return {
    form,
    rows,
    groups,
    codes,
    indicators,
    context,
    contextRef,
    initialTexts,
    snapshot,
    reset,
    applyIssues,
    validateForSubmit,
  };
}

export type SubmissionFormModel = ReturnType<typeof useSubmissionForm>;
