"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import {
  type CheckMode,
  checkSubmission,
  describeRuleIssue,
  formatValue,
  formIndicators,
  getIndicator,
  type IndicatorCode,
  type Locale,
  localized,
  type QuarterString,
  type RuleIssue,
  type SubmissionFormOutput,
  submissionFormSchema,
  type ZoneCode,
} from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type Resolver, useForm, useWatch } from "react-hook-form";

import { formatDate, formatNumericDateTime } from "~/components/format/dates";
import { useTRPC } from "~/trpc/react";
import { errorMessage, type FieldIssue, fieldIssues } from "./client-errors";
import { ConflictPanel, type ConflictRow } from "./conflict-panel";
import { daysUntil } from "./deadline";
import { EntryActions } from "./entry-actions";
import { ErrorSummary, type SummaryItem } from "./error-summary";
import {
  canonicalValue,
  type EntryTexts,
  indicatorContexts,
  parsedValue,
  restrictTo,
  sameContent,
  sameTexts,
  savedFromServer,
  savePayload,
  serverTexts,
} from "./form-model";
import { IndicatorField, noteInputId, valueInputId } from "./indicator-field";
import { backupKey, readBackup, removeBackup, writeBackup } from "./local-backup";
import { RestoreNotice } from "./restore-notice";
import { ReviseRequest } from "./revise-request";
import { StatusHeader } from "./status-header";
import { useDraftSaver } from "./use-draft-saver";

type FieldName = `values.${string}` | `notes.${string}`;

/**
 * The entry form of one zone × quarter: generated from the catalogue, checked as the filer types with the
 * same schema the server uses, saved as a draft automatically (with a copy in this browser), and never
 * overwriting a newer version without asking.
 */
export function EntryForm({
  zoneCode,
  quarter,
  today,
}: {
  zoneCode: ZoneCode;
  quarter: QuarterString;
  today: string;
}) {
  const t = useTranslations("entry");
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formQuery = trpc.submission.form.queryOptions({ zoneCode, quarter }, { refetchOnWindowFocus: false });
  const { data } = useSuspenseQuery(formQuery);
  const submitMutation = useMutation(trpc.submission.submit.mutationOptions());
  const key = backupKey(zoneCode, quarter);
  const locked = data.lock !== null;
  const serverVersion = data.submission?.version ?? 0;

  const rows = useMemo(() => new Map(data.indicators.map((row) => [row.indicatorCode, row])), [data]);
  const groups = useMemo(
    () =>
      formIndicators(quarter)
        .map((group) => ({
          theme: group.theme,
          indicators: group.indicators.filter((indicator) => rows.has(indicator.code)),
        }))
        .filter((group) => group.indicators.length > 0),
    [quarter, rows],
  );
  const codes = useMemo(
    () => groups.flatMap((group) => group.indicators.map((indicator) => indicator.code)),
    [groups],
  );
  const context = useMemo(() => indicatorContexts(data), [data]);
  const contextRef = useRef(context);
  contextRef.current = context;

  // One schema for both sides: draft mode while typing, submit mode when 提交审核 is pressed.
  const modeRef = useRef<CheckMode>("draft");
  const resolvers = useMemo(
    () => ({
      draft: zodResolver(submissionFormSchema({ quarter, context, mode: "draft", locale })),
      submit: zodResolver(submissionFormSchema({ quarter, context, mode: "submit", locale })),
    }),
    [quarter, context, locale],
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
  const { errors } = form.formState;
  const watched = useWatch({ control: form.control }) as EntryTexts;
  const snapshot = useCallback((): EntryTexts => {
    const current = form.getValues();
    return { values: { ...current.values }, notes: { ...current.notes } };
  }, [form]);

  const [conflictMessage, setConflictMessage] = useState<string | null>(null);
  const [resolving, setResolving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [summary, setSummary] = useState<{ key: number; general: string[] } | null>(null);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [adopted, setAdopted] = useState<number | null>(null);
  const [submitted, setSubmitted] = useState<{ late: boolean } | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const saveRef = useRef<HTMLButtonElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const noteShown = useRef(new Set<string>());
  // Set once hydrated (and any backup restored): typing before that would not reach the form state.
  const [ready, setReady] = useState(false);

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

  const saver = useDraftSaver({
    zoneCode,
    quarter,
    initialVersion: serverVersion,
    initialSaved: savedFromServer(data),
    canSave: !locked,
    getTexts: snapshot,
    makePayload: (texts) => savePayload(texts, quarter, contextRef.current),
    onSaved(sent, payload, version) {
      setRefusal(null);
      const now = snapshot();
      // The backup goes only once the server holds exactly what the form holds.
      if (payload.held.length === 0 && sameTexts(now, sent)) removeBackup(key);
      else writeBackup(key, now, version);
      if (payload.held.length > 0) void form.trigger(payload.held);
    },
    onClean(_texts, payload) {
      setRefusal(null);
      if (payload.held.length === 0) removeBackup(key);
      else void form.trigger(payload.held);
    },
    onRefused(error) {
      const issues = fieldIssues(error);
      const general = applyIssues(issues);
      if (issues.length > general.length) {
        // Field errors from the server: beside the fields and in the summary, like the form's own.
        setSummary((previous) => ({ key: (previous?.key ?? 0) + 1, general }));
        setRefusal(null);
      } else {
        setRefusal(general.length > 0 ? general.join("; ") : (errorMessage(error) ?? t("errors.network")));
      }
    },
    async onConflict(message, baseVersion) {
      const fresh = await queryClient.fetchQuery({ ...formQuery, staleTime: 0 });
      const freshVersion = fresh.submission?.version ?? 0;
      // Same version: not a stale form but a workflow refusal (e.g. submitted meanwhile in another tab).
      if (freshVersion === baseVersion) return "refused";
      // Newer, but holding what the form would save (e.g. our own save whose answer was lost): adopt it.
      if (
        fresh.lock === null &&
        sameContent(restrictTo(snapshot(), serverTexts(fresh)), serverTexts(fresh))
      ) {
        rebase(freshVersion, savedFromServer(fresh));
        return "same-content";
      }
      setConflictMessage(message);
      return "stale";
    },
  });
  const { schedule, saveNow, version, rebase, resume, hasPending, isSaving } = saver;

  // Every change: a copy in this browser at once, a save once typing pauses.
  useEffect(() => {
    const subscription = form.watch((_values, { type }) => {
      if (type !== "change") return;
      writeBackup(key, snapshot(), version());
      schedule();
    });
    return () => subscription.unsubscribe();
  }, [form, key, snapshot, version, schedule]);

  // On opening: typing this browser kept but the server does not have comes back into the form.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only once, with the data the page opened with
  useEffect(() => {
    if (locked) return;
    const backup = readBackup(key);
    if (!backup) return;
    const server = serverTexts(data);
    const restored = restrictTo(backup, server);
    if (sameContent(restored, server)) {
      removeBackup(key);
      return;
    }
    form.reset(restored, { keepDefaultValues: true });
    // Based on an older version? Then the next save meets the newer one and the filer decides.
    rebase(Math.min(backup.baseVersion, serverVersion));
    setRestoredAt(backup.savedAt);
    void form.trigger();
    schedule();
  }, []);

  useEffect(() => setReady(true), []);

  // Someone else saved a newer version while nothing here is unsaved: show theirs (and say so).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the server data changes
  useEffect(() => {
    if (conflictMessage !== null || isSaving() || serverVersion === version()) return;
    if (hasPending() || savePayload(snapshot(), quarter, context).held.length > 0) return;
    const previous = version();
    form.reset(serverTexts(data));
    rebase(serverVersion, savedFromServer(data));
    if (previous > 0 && !locked) setAdopted(serverVersion);
  }, [data]);

  // Ctrl+S (⌘S) saves now instead of saving the web page.
  const lockedRef = useRef(locked);
  lockedRef.current = locked;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== "s") return;
      event.preventDefault();
      if (!lockedRef.current) void saveNow();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [saveNow]);

  function focusNext(code: string) {
    const next = codes[codes.indexOf(code) + 1];
    if (next) {
      const input = document.getElementById(valueInputId(next));
      if (input instanceof HTMLInputElement) {
        input.focus();
        input.select();
      }
      return;
    }
    const button = submitRef.current && !submitRef.current.disabled ? submitRef.current : saveRef.current;
    button?.focus();
  }

  function focusField(item: SummaryItem) {
    const element = document.getElementById(item.inputId);
    if (element) element.focus();
    else form.setFocus(item.field as FieldName);
  }

  async function submitForReview() {
    setSubmitError(null);
    setSubmitted(null);
    setSubmitting(true);
    try {
      const outcome = await saveNow();
      if (outcome !== "saved" && outcome !== "clean") {
        setSubmitError(t("submit.saveFailed"));
        return;
      }
      modeRef.current = "submit";
      let valid = false;
      try {
        valid = await form.trigger();
      } finally {
        modeRef.current = "draft";
      }
      if (!valid) {
        setSummary((previous) => ({ key: (previous?.key ?? 0) + 1, general: [] }));
        return;
      }
      const result = await submitMutation.mutateAsync({ zoneCode, quarter, version: version() });
      rebase(result.version);
      removeBackup(key);
      setSummary(null);
      setSubmitted({ late: result.late });
      await queryClient.invalidateQueries({ queryKey: trpc.submission.pathKey() });
    } catch (error) {
      const issues = fieldIssues(error);
      if (issues.length > 0) {
        const general = applyIssues(issues);
        setSummary((previous) => ({ key: (previous?.key ?? 0) + 1, general }));
      } else {
        setSubmitError(t("submit.failed", { message: errorMessage(error) ?? t("submit.network") }));
      }
      void queryClient.invalidateQueries({ queryKey: formQuery.queryKey });
    } finally {
      setSubmitting(false);
    }
  }

  /** Back to what the server holds: after a conflict, or when the restored typing is not wanted. */
  function takeServerVersion() {
    form.reset(serverTexts(data));
    rebase(serverVersion, savedFromServer(data));
    removeBackup(key);
    setConflictMessage(null);
    setRestoredAt(null);
    setSummary(null);
    resume();
  }

  async function saveMineOverNewest() {
    setResolving(true);
    rebase(serverVersion, savedFromServer(data));
    setConflictMessage(null);
    resume();
    await saveNow();
    setResolving(false);
  }

  // Soft warnings as the filer types: shown beside the value, explained in 上报说明.
  const softByCode = new Map<string, RuleIssue[]>();
  const issues = checkSubmission(
    {
      quarter,
      values: (watched.values ?? {}) as Partial<Record<IndicatorCode, string>>,
      notes: (watched.notes ?? {}) as Partial<Record<IndicatorCode, string>>,
      context,
    },
    "draft",
  );
  for (const issue of issues) {
    if (issue.severity !== "soft") continue;
    softByCode.set(issue.indicatorCode, [...(softByCode.get(issue.indicatorCode) ?? []), issue]);
  }

  const summaryItems: SummaryItem[] = summary
    ? codes.flatMap((code) => {
        const items: SummaryItem[] = [];
        const valueError = errors.values?.[code]?.message;
        const noteError = errors.notes?.[code]?.message;
        if (valueError)
          items.push({ field: `values.${code}`, inputId: valueInputId(code), message: valueError });
        if (noteError) items.push({ field: `notes.${code}`, inputId: noteInputId(code), message: noteError });
        return items;
      })
    : [];

  const conflictRows: ConflictRow[] =
    conflictMessage === null
      ? []
      : codes.flatMap((code) => {
          const row = rows.get(code);
          if (!row) return [];
          const indicator = getIndicator(code);
          const name = localized(indicator.name, locale);
          const found: ConflictRow[] = [];
          const yours = watched.values?.[code] ?? "";
          if (canonicalValue(row.value) !== canonicalValue(yours)) {
            const typed = parsedValue(yours);
            found.push({
              field: `values.${code}`,
              indicator: name,
              kind: "value",
              latest: row.value === null ? "" : formatValue(Number(row.value), indicator, locale),
              yours: typed === null ? yours.trim() : formatValue(typed, indicator, locale),
            });
          }
          const latestNote = (row.note ?? "").trim();
          const yourNote = (watched.notes?.[code] ?? "").trim();
          if (latestNote !== yourNote) {
            found.push({
              field: `notes.${code}`,
              indicator: name,
              kind: "note",
              latest: latestNote,
              yours: yourNote,
            });
          }
          return found;
        });

  const held = locked ? 0 : savePayload(watched, quarter, context).held.length;
  const status = data.submission?.status ?? null;
  const owing = status === null || status === "draft" || status === "returned";
  const lateNotice =
    !locked &&
    owing &&
    data.period?.status === "open" &&
    (data.submission?.revision ?? 0) === 0 &&
    daysUntil(data.period.deadline, today) < 0
      ? t("form.lateNotice", { date: formatDate(data.period.deadline, locale) })
      : null;
  const reviewNotes = data.submission?.reviewNotes ?? {};

  return (
    <div className="entry-page">
      <StatusHeader zoneCode={zoneCode} quarter={quarter} data={data} today={today} />

      {locked && data.lockMessage && (
        <div className="entry-banner entry-locked" data-testid="lock-message">
          <p>
            <strong>{t("form.lockedTitle")}</strong> {data.lockMessage}
          </p>
          {data.lock === "approved" && data.actions.revise && data.submission && (
            <ReviseRequest
              zoneCode={zoneCode}
              quarter={quarter}
              version={data.submission.version}
              onRevised={(next) => {
                rebase(next);
                void queryClient.invalidateQueries({ queryKey: trpc.submission.pathKey() });
              }}
            />
          )}
        </div>
      )}

      {status === "returned" && data.submission?.reviewComment && (
        <div className="entry-banner entry-returned" role="note" data-testid="review-comment">
          <h2>{t("form.returnedTitle")}</h2>
          <p>{data.submission.reviewComment}</p>
          {data.submission.reviewedByName && data.submission.reviewedAt && (
            <p className="hint">
              {t("form.returnedBy", {
                name: data.submission.reviewedByName,
                time: formatNumericDateTime(new Date(data.submission.reviewedAt), locale),
              })}
            </p>
          )}
        </div>
      )}

      {submitted && (
        <p className="entry-banner entry-success" role="status" data-testid="submitted-notice">
          ✓ {submitted.late ? t("form.submittedLate") : t("form.submittedNotice")}
        </p>
      )}
      {adopted !== null && (
        <div className="notice entry-notice" role="status">
          <p>{t("form.adopted", { version: adopted })}</p>
          <button type="button" className="entry-secondary" onClick={() => setAdopted(null)}>
            {t("form.dismiss")}
          </button>
        </div>
      )}
      {restoredAt !== null && conflictMessage === null && (
        <RestoreNotice savedAt={restoredAt} onDiscard={takeServerVersion} />
      )}
      {conflictMessage !== null && (
        <ConflictPanel
          message={conflictMessage}
          rows={conflictRows}
          busy={resolving}
          onRebase={saveMineOverNewest}
          onDiscard={takeServerVersion}
        />
      )}
      {refusal && (
        <p className="form-error entry-banner" role="alert" data-testid="save-refusal">
          {refusal}
        </p>
      )}
      {summary && (
        <ErrorSummary
          items={summaryItems}
          general={summary.general}
          focusKey={summary.key}
          onFocusField={focusField}
        />
      )}

      {!locked && <p className="hint entry-intro">{t("form.intro")}</p>}

      <form
        className="entry-form"
        noValidate
        onSubmit={(event) => event.preventDefault()}
        data-testid="entry-form"
        data-ready={ready}
      >
        {groups.map((group) => (
          <fieldset key={group.theme.code} className="entry-theme">
            <legend>{localized(group.theme.name, locale)}</legend>
            {group.indicators.map((indicator) => {
              const code = indicator.code;
              const row = rows.get(code);
              if (!row) return null;
              const soft = softByCode.get(code) ?? [];
              const noteText = watched.notes?.[code] ?? "";
              const noteError = errors.notes?.[code]?.message;
              if (soft.length > 0 || noteText.trim() !== "" || noteError) noteShown.current.add(code);
              return (
                <IndicatorField
                  key={code}
                  zoneCode={zoneCode}
                  quarter={quarter}
                  indicator={indicator}
                  row={row}
                  text={watched.values?.[code] ?? ""}
                  valueError={errors.values?.[code]?.message}
                  noteError={noteError}
                  warnings={soft.map((issue) => describeRuleIssue(issue, locale))}
                  explained={soft.length > 0 && soft.every((issue) => issue.explained)}
                  reviewNote={reviewNotes[code]}
                  showNote={noteShown.current.has(code)}
                  readOnly={locked}
                  initialValue={initialTexts.values[code] ?? ""}
                  initialNote={initialTexts.notes[code] ?? ""}
                  valueField={form.register(`values.${code}`)}
                  noteField={form.register(`notes.${code}`)}
                  onEnter={() => focusNext(code)}
                />
              );
            })}
          </fieldset>
        ))}

        {(!locked || submitError) && (
          <EntryActions
            state={saver.state}
            held={held}
            readOnly={locked}
            canSubmit={data.actions.submit && conflictMessage === null}
            submitting={submitting}
            lateNotice={lateNotice}
            hint={!locked && data.submission === null ? t("submit.needsSave") : null}
            submitError={submitError}
            saveRef={saveRef}
            submitRef={submitRef}
            onSave={() => void saveNow()}
            onSubmit={() => void submitForReview()}
          />
        )}
      </form>
    </div>
  );
}
