"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { ExportScheduleView } from "@zones/api";
import {
  MAX_RECENT_QUARTERS,
  MAX_RETENTION,
  type TExportSchedule,
  ZExportScheduleSchema,
} from "@zones/exports/schedules";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { FormProvider, type Resolver, useForm, useWatch } from "react-hook-form";

import { useHydrated } from "~/components/hooks/use-hydrated";
import { useTRPC } from "~/trpc/react";
import { DeliveryFields } from "./delivery-fields";
import { FieldError } from "./field-error";
import { IndicatorChoices, OutputChoices, SelectField, StatusChoices, ZoneChoices } from "./filter-fields";
import { type ScheduleFormValues, scheduleFormValues } from "./schedule-values";
import { ServerAlert } from "./server-alert";
import { placeServerIssues } from "./server-issues";
import { TimeZoneOptions } from "./time-zone-options";
import { NumberField, TriggerFields } from "./trigger-fields";
import { WebhookSecrets } from "./webhook-secrets";

/** Every field the server may name, as the form names it. */
const FIELDS = [
  "name",
  "trigger.kind",
  "trigger.cron",
  "trigger.weekday",
  "trigger.hour",
  "trigger.day",
  "trigger.daysAfterDeadline",
  "timezone",
  "zoneCodes",
  "indicatorCodes",
  "statuses",
  "layout",
  "headerLanguage",
  "encoding",
  "quarters.kind",
  "quarters.from",
  "quarters.to",
  "quarters.count",
  "format",
  "retention",
  "delivery.accounts",
  "delivery.addresses",
  "delivery.mode",
  "delivery.zip",
  "delivery.linkDays",
  "delivery.webhooks",
] as const;

/** Creates a schedule, or edits one (`editing`). Every refusal, the form's or the server's, names its field. */
export function ScheduleForm({
  editing,
  defaults,
  quarters,
  onSaved,
  onCancel,
}: {
  editing: ExportScheduleView | null;
  defaults: ScheduleFormValues;
  quarters: readonly { value: string; label: string }[];
  onSaved: (name: string) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useTranslations("exports.scheduleForm");
  const tForm = useTranslations("exports.form");
  const trpc = useTRPC();
  const ids = useId();
  const hydrated = useHydrated();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [invalid, setInvalid] = useState(false);
  // Secrets generated for new webhooks: shown once, before the form closes.
  const [secrets, setSecrets] = useState<{ name: string; secrets: { url: string; secret: string }[] } | null>(
    null,
  );

  const form = useForm<ScheduleFormValues, unknown, TExportSchedule>({
    resolver: zodResolver(ZExportScheduleSchema) as unknown as Resolver<
      ScheduleFormValues,
      unknown,
      TExportSchedule
    >,
    defaultValues: editing?.definition
      ? scheduleFormValues(editing.definition, defaults)
      : { ...defaults, name: editing?.name ?? "" },
  });
  const quarterKind = useWatch({ control: form.control, name: "quarters.kind" });

  // Opening the form moves focus to it, so keyboard and screen-reader users land where they asked to go.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const onError = (error: unknown) => {
    const { placed, unplaced } = placeServerIssues(error, {
      fields: FIELDS,
      setError: form.setError,
      strip: "schedule",
    });
    setInvalid(placed > 0);
    setFailure(placed > 0 && unplaced.length === 0 ? null : error);
  };
  const onSuccess = async (saved: { name: string; newSecrets: { url: string; secret: string }[] }) => {
    if (saved.newSecrets.length > 0) setSecrets({ name: saved.name, secrets: saved.newSecrets });
    else await onSaved(saved.name);
  };
  const create = useMutation(trpc.exports.schedules.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.exports.schedules.update.mutationOptions({ onSuccess, onError }));
  const pending = create.isPending || update.isPending;

  const submit = form.handleSubmit(
    (schedule) => {
      setFailure(null);
      setInvalid(false);
      if (editing) update.mutate({ id: editing.id, schedule });
      else create.mutate(schedule);
    },
    () => {
      setFailure(null);
      setInvalid(true);
    },
  );

  return (
    <section className="export-schedule-form" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`} ref={headingRef} tabIndex={-1}>
        {editing ? t("editHeading", { name: editing.name }) : t("createHeading")}
      </h3>
      {editing?.invalidReason && (
        <p className="notice">{t("invalidDefinition", { reason: editing.invalidReason })}</p>
      )}
      {secrets && <WebhookSecrets secrets={secrets.secrets} onDone={() => void onSaved(secrets.name)} />}
      <FormProvider {...form}>
        <form className="export-form" noValidate onSubmit={submit} data-testid="schedule-form">
          <div className="export-field export-name">
            <label htmlFor={`${ids}-name`}>{t("name")}</label>
            <input
              id={`${ids}-name`}
              type="text"
              autoComplete="off"
              aria-invalid={form.formState.errors.name !== undefined}
              aria-describedby={`${ids}-name-error`}
              {...form.register("name")}
            />
            <FieldError name="name" id={`${ids}-name-error`} />
          </div>
          <TriggerFields />
          <div className="export-field">
            <label htmlFor={`${ids}-timezone`}>{t("timezone")}</label>
            <select
              id={`${ids}-timezone`}
              aria-invalid={form.formState.errors.timezone !== undefined}
              aria-describedby={`${ids}-timezone-hint ${ids}-timezone-error`}
              {...form.register("timezone")}
            >
              <TimeZoneOptions current={form.getValues("timezone")} />
            </select>
            <p className="hint" id={`${ids}-timezone-hint`}>
              {t("timezoneHint")}
            </p>
            <FieldError name="timezone" id={`${ids}-timezone-error`} />
          </div>
          <div className="export-choices">
            <ZoneChoices name="zoneCodes" disabled={!hydrated} />
            <IndicatorChoices name="indicatorCodes" disabled={!hydrated} />
          </div>
          <fieldset className="export-quarters" aria-describedby={`${ids}-quarters-error`}>
            <legend>{t("quarters")}</legend>
            <div className="export-radios">
              {(["recent", "fixed"] as const).map((kind) => (
                <label key={kind} className="checkbox">
                  <input type="radio" value={kind} {...form.register("quarters.kind")} />
                  {t(`quarterKinds.${kind}`)}
                </label>
              ))}
            </div>
            <FieldError name="quarters.kind" id={`${ids}-quarters-error`} />
            <div className="export-options">
              {quarterKind === "fixed" ? (
                <>
                  <SelectField name="quarters.from" label={tForm("from")} options={quarters} />
                  <SelectField name="quarters.to" label={tForm("to")} options={quarters} />
                </>
              ) : (
                <NumberField
                  name="quarters.count"
                  label={t("count")}
                  min={1}
                  max={MAX_RECENT_QUARTERS}
                  hint={t("countHint")}
                />
              )}
            </div>
          </fieldset>
          <div className="export-options">
            <StatusChoices name="statuses" right="all" disabled={!hydrated} />
            <OutputChoices prefix="" formatName="format" />
            <NumberField
              name="retention"
              label={t("retention")}
              min={1}
              max={MAX_RETENTION}
              hint={t("retentionHint")}
            />
          </div>
          <DeliveryFields initialAccounts={editing?.recipientAccounts ?? []} />
          <div className="export-actions">
            <button
              type="submit"
              className="export-button export-button-primary"
              disabled={!hydrated || pending || secrets !== null}
              data-testid="schedule-save"
            >
              {pending ? t("saving") : t("save")}
            </button>
            <button type="button" className="export-button" onClick={onCancel}>
              {t("cancel")}
            </button>
          </div>
          <div role="status">{invalid && <p className="form-error">{tForm("invalid")}</p>}</div>
          <ServerAlert error={failure} testId="schedule-form-error" />
        </form>
      </FormProvider>
    </section>
  );
}
