"use client";

import { MAX_DAYS_AFTER_DEADLINE, type ScheduleTriggerKind } from "@zones/exports/schedules";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useFormContext, useWatch } from "react-hook-form";

import { FieldError, useFieldInvalid } from "./field-error";
import { SelectField } from "./filter-fields";

/** The common cases first, cron last. */
const KIND_ORDER = [
  "weekly",
  "monthly",
  "quarterly",
  "all-approved",
  "cron",
] as const satisfies readonly ScheduleTriggerKind[];

const HOURS = Array.from({ length: 24 }, (_, hour) => ({
  value: hour,
  label: `${String(hour).padStart(2, "0")}:00`,
}));

/** A number input bound to a form field, with its error beside it. */
export function NumberField({
  name,
  label,
  min,
  max,
  hint,
}: {
  name: string;
  label: string;
  min: number;
  max: number;
  hint?: string;
}) {
  const id = useId();
  const { register } = useFormContext();
  const invalid = useFieldInvalid(name);
  return (
    <div className="export-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        aria-invalid={invalid}
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        aria-describedby={`${id}-error${hint ? ` ${id}-hint` : ""}`}
        {...register(name, { valueAsNumber: true })}
      />
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError name={name} id={`${id}-error`} />
    </div>
  );
}

/** When a schedule runs: the kind (radio buttons) and that kind's fields. */
export function TriggerFields() {
  const t = useTranslations("exports.scheduleForm");
  const id = useId();
  const { register, control } = useFormContext();
  const kind = useWatch({ control, name: "trigger.kind" }) as string;
  const cronInvalid = useFieldInvalid("trigger.cron");

  return (
    <fieldset className="export-trigger" data-testid="trigger-fields" aria-describedby={`${id}-kind-error`}>
      <legend>{t("trigger")}</legend>
      <div className="export-radios">
        {KIND_ORDER.map((value) => (
          <label key={value} className="checkbox">
            <input type="radio" value={value} {...register("trigger.kind")} />
            {t(`triggerKinds.${value}`)}
          </label>
        ))}
      </div>
      <FieldError name="trigger.kind" id={`${id}-kind-error`} />
      <div className="export-options">
        {kind === "cron" && (
          <div className="export-field">
            <label htmlFor={`${id}-cron`}>{t("cron")}</label>
            <input
              id={`${id}-cron`}
              type="text"
              spellCheck={false}
              autoComplete="off"
              className="export-cron"
              aria-invalid={cronInvalid}
              aria-describedby={`${id}-cron-hint ${id}-cron-error`}
              {...register("trigger.cron")}
            />
            <p className="hint" id={`${id}-cron-hint`}>
              {t("cronHint")}
            </p>
            <FieldError name="trigger.cron" id={`${id}-cron-error`} />
          </div>
        )}
        {kind === "weekly" && (
          <SelectField
            name="trigger.weekday"
            label={t("weekday")}
            asNumber
            options={[1, 2, 3, 4, 5, 6, 0].map((day) => ({ value: day, label: t(`weekdays.${day}`) }))}
          />
        )}
        {kind === "monthly" && <NumberField name="trigger.day" label={t("day")} min={1} max={28} />}
        {kind === "quarterly" && (
          <NumberField
            name="trigger.daysAfterDeadline"
            label={t("daysAfterDeadline")}
            min={0}
            max={MAX_DAYS_AFTER_DEADLINE}
          />
        )}
        {(kind === "weekly" || kind === "monthly" || kind === "quarterly") && (
          <SelectField name="trigger.hour" label={t("hour")} asNumber options={HOURS} />
        )}
        {kind === "all-approved" && <p className="hint">{t("allApprovedHint")}</p>}
      </div>
    </fieldset>
  );
}
