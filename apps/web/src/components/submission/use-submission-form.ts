"use client";

import {
  type CheckMode,
  formIndicators,
  type Locale,
  type QuarterString,
  type SubmissionFormOutput,
} from "@zones/domain";
import { useLocale } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type Resolver, useForm } from "react-hook-form";

import type { FieldIssue } from "./client-errors";
import { type EntryFormData, type EntryTexts, indicatorContexts, serverTexts } from "./form-model";
import type { SubmissionResolverOptions } from "./submission-resolvers";

function loadSubmissionResolvers(options: SubmissionResolverOptions) {
  return import("./submission-resolvers").then((module) => module.submissionResolvers(options));
}

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
  // The schema's module (and zod with it) is fetched once the form is on screen, not before it paints; the
  // first check waits for it if it has not arrived yet.
  const loadResolvers = useMemo(() => {
    let loading: ReturnType<typeof loadSubmissionResolvers> | null = null;
    return () => {
      // A failed download is tried again at the next check.
      loading ??= loadSubmissionResolvers({ quarter, context, locale, indicators }).catch(
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      return loading;
    };
  }, [quarter, context, locale, indicators]);
  useEffect(() => {
    void loadResolvers();
  }, [loadResolvers]);
  const loadResolversRef = useRef(loadResolvers);
  loadResolversRef.current = loadResolvers;
  const resolver = useCallback<Resolver<EntryTexts, unknown, SubmissionFormOutput>>(
    async (values, resolverContext, options) => {
      const mode = modeRef.current;
      const resolvers = await loadResolversRef.current();
      return resolvers[mode](values, resolverContext, options);
    },
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
