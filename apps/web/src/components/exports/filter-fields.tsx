"use client";

import { indicatorsByTheme, type Locale, localized } from "@zones/domain";
import {
  EXPORT_ENCODINGS,
  EXPORT_FORMATS,
  EXPORT_HEADER_LANGUAGES,
  EXPORT_LAYOUTS,
  EXPORTABLE_STATUSES,
} from "@zones/exports/filters";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { useController, useFormContext } from "react-hook-form";
import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { type ChecklistGroup, CodeChecklist } from "./code-checklist";
import { FieldError, useFieldInvalid } from "./field-error";

/**
 * The export filter fields shared by the on-demand form and the schedule form. Each takes its field's full
 * name (`filters.zoneCodes` in one form, `zoneCodes` in the other) and reads the form from context.
 */

/** Who may include submitted data: everyone's (reviewers, admins), their own zones' (officials), or none. */
export type SubmittedRight = "all" | "own" | "none";

export function ZoneChoices({ name, disabled }: { name: string; disabled?: boolean }) {
  const t = useTranslations("exports.form");
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  const groups: ChecklistGroup[] = [
    {
      key: "zones",
      label: null,
      items: catalogue.zones.map((zone) => ({
        code: zone.code,
        label: `${localized(zone.shortName, locale)} (${zone.code})`,
        title: localized(zone.name, locale),
      })),
    },
  ];
  return (
    <CodeChecklist
      name={name}
      legend={t("zones")}
      groups={groups}
      testId="zone-choices"
      disabled={disabled}
    />
  );
}

export function IndicatorChoices({ name, disabled }: { name: string; disabled?: boolean }) {
  const t = useTranslations("exports.form");
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  const groups: ChecklistGroup[] = indicatorsByTheme(catalogue.indicators)
    .filter(({ indicators }) => indicators.length > 0)
    .map(({ theme, indicators }) => ({
      key: theme.code,
      label: localized(theme.name, locale),
      items: indicators.map((indicator) => ({
        code: indicator.code,
        label: localized(indicator.name, locale),
      })),
    }));
  return (
    <CodeChecklist
      name={name}
      legend={t("indicators")}
      groups={groups}
      testId="indicator-choices"
      disabled={disabled}
    />
  );
}

/** A select bound to a form field, with its error beside it. */
export function SelectField({
  name,
  label,
  options,
  asNumber = false,
}: {
  name: string;
  label: string;
  options: readonly { value: string | number; label: string }[];
  asNumber?: boolean;
}) {
  const id = useId();
  const { register } = useFormContext();
  const invalid = useFieldInvalid(name);
  return (
    <div className="export-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={invalid}
        aria-describedby={`${id}-error`}
        {...register(name, asNumber ? { valueAsNumber: true } : {})}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError name={name} id={`${id}-error`} />
    </div>
  );
}

export function StatusChoices({
  name,
  right,
  disabled,
}: {
  name: string;
  right: SubmittedRight;
  disabled?: boolean;
}) {
  const t = useTranslations("exports.form");
  const id = useId();
  const { field } = useController({ name });
  const chosen: string[] = Array.isArray(field.value) ? field.value : [];
  // Submitted data is offered only to those who may export some; the server checks again.
  const offered = EXPORTABLE_STATUSES.filter((status) => status === "approved" || right !== "none");
  function toggle(status: string, checked: boolean) {
    const next = checked ? [...chosen, status] : chosen.filter((value) => value !== status);
    field.onChange(EXPORTABLE_STATUSES.filter((value) => next.includes(value)));
  }
  return (
    <fieldset className="export-statuses" aria-describedby={`${id}-error`}>
      <legend>{t("statuses")}</legend>
      {offered.map((status) => (
        <label key={status} className="checkbox">
          <input
            type="checkbox"
            name={name}
            value={status}
            checked={chosen.includes(status)}
            disabled={disabled}
            onChange={(event) => toggle(status, event.target.checked)}
            onBlur={field.onBlur}
          />
          {t(`status.${status}`)}
        </label>
      ))}
      {right === "own" && <p className="hint">{t("submittedOwnZones")}</p>}
      <FieldError name={name} id={`${id}-error`} />
    </fieldset>
  );
}

/** Layout, header language, encoding and file format. */
export function OutputChoices({
  prefix,
  formatName,
}: {
  /** `filters.` or empty: where layout, headerLanguage and encoding live. */
  prefix: string;
  formatName: string;
}) {
  const t = useTranslations("exports.form");
  return (
    <>
      <SelectField
        name={`${prefix}layout`}
        label={t("layout")}
        options={EXPORT_LAYOUTS.map((value) => ({ value, label: t(`layouts.${value}`) }))}
      />
      <SelectField
        name={`${prefix}headerLanguage`}
        label={t("headerLanguage")}
        options={EXPORT_HEADER_LANGUAGES.map((value) => ({ value, label: t(`headerLanguages.${value}`) }))}
      />
      <SelectField
        name={formatName}
        label={t("format")}
        options={EXPORT_FORMATS.map((value) => ({ value, label: t(`formats.${value}`) }))}
      />
      <SelectField
        name={`${prefix}encoding`}
        label={t("encoding")}
        options={EXPORT_ENCODINGS.map((value) => ({ value, label: t(`encodings.${value}`) }))}
      />
    </>
  );
}
