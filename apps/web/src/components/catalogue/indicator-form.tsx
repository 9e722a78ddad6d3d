"use client";

import { useMutation } from "@tanstack/react-query";
import {
  type Indicator,
  type Locale,
  localized,
  type NewIndicator,
  THEMES,
  YOY_THRESHOLDS,
} from "@zones/domain";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useId } from "react";
import { useForm } from "react-hook-form";

import { Notice } from "~/components/ui/notices";
import { useTRPC } from "~/trpc/react";
import { CatalogueField } from "./catalogue-field";
import { IndicatorFixedFields } from "./indicator-fixed-fields";
import { IndicatorRetirement } from "./indicator-retirement";
import { useCatalogueSave } from "./use-catalogue-save";

const TEXT_FIELDS = ["nameZh", "nameEn", "unitZh", "unitEn"] as const;
const NUMBER_FIELDS = ["decimals", "validMin", "validMax"] as const;
const SERVER_FIELDS = [
  "code",
  ...TEXT_FIELDS,
  ...NUMBER_FIELDS,
  "yoyThreshold",
  "definitionZh",
  "definitionEn",
];

/** The form's values: the threshold as typed, so that empty means "the default". */
export type IndicatorFormValues = Omit<NewIndicator, "yoyThreshold"> & { yoyThreshold: string };

function valuesOf(indicator: Indicator): IndicatorFormValues {
  return {
    code: indicator.code,
    theme: indicator.theme,
    nameZh: indicator.name.zh,
    nameEn: indicator.name.en,
    unitZh: indicator.unit.zh,
    unitEn: indicator.unit.en,
    definitionZh: indicator.definition.zh,
    definitionEn: indicator.definition.en,
    decimals: indicator.decimals,
    validMin: indicator.validRange.min,
    validMax: indicator.validRange.max,
    yoyThreshold: indicator.yoyThreshold === null ? "" : String(indicator.yoyThreshold),
    headline: indicator.headline,
    direction: indicator.direction,
    frequency: indicator.frequency,
    cumulative: indicator.cumulative,
    measure: indicator.measure,
    inForceFrom: indicator.inForceFrom ?? 2017,
    sourceZh: indicator.source.zh,
    sourceEn: indicator.source.en,
  };
}

const EMPTY: IndicatorFormValues = {
  code: "",
  theme: "growth",
  nameZh: "",
  nameEn: "",
  unitZh: "",
  unitEn: "",
  definitionZh: "",
  definitionEn: "",
  decimals: 1,
  validMin: 0,
  validMax: 100,
  yoyThreshold: "",
  headline: false,
  direction: "higher",
  frequency: "quarterly",
  cumulative: false,
  measure: "share",
  inForceFrom: new Date().getFullYear(),
  sourceZh: "",
  sourceEn: "",
};

/** Adds an indicator (without `indicator`) or edits one's metadata; what it measures is fixed once added. */
export function IndicatorForm({ indicator }: { indicator?: Indicator }) {
  const t = useTranslations("catalogue.indicatorForm");
  const tc = useTranslations("catalogue");
  const locale = useLocale() as Locale;
  const ids = useId();
  const trpc = useTRPC();
  const form = useForm<IndicatorFormValues>({ defaultValues: indicator ? valuesOf(indicator) : EMPTY });
  const save = useCatalogueSave(SERVER_FIELDS, form.setError);
  const router = useRouter();
  const options = {
    onSuccess: async () => {
      await save.succeeded();
      // A new entry is listed in the catalogue; an edited one stays on its form, which says it was saved.
      if (!indicator) router.push("/admin/catalogue");
    },
    onError: save.failed,
  };
  const add = useMutation(trpc.catalogue.addIndicator.mutationOptions(options));
  const update = useMutation(trpc.catalogue.updateIndicator.mutationOptions(options));
  const error = (name: string) =>
    form.getFieldState(name as keyof IndicatorFormValues, form.formState).error?.message;

  const validSubmit = form.handleSubmit((values) => {
    const typed = values.yoyThreshold.trim();
    const yoyThreshold = typed === "" ? null : Number(typed);
    if (indicator) {
      const { direction, frequency, cumulative, measure, inForceFrom, sourceZh, sourceEn, ...edit } = values;
      update.mutate({ ...edit, yoyThreshold });
    } else add.mutate({ ...values, yoyThreshold });
  });
  // The server's refusals are the only errors: cleared before each try.
  const submit = (event: FormEvent) => {
    save.reset();
    form.clearErrors();
    return validSubmit(event);
  };

  return (
    <div className="catalogue-form">
      <p>
        <Link href="/admin/catalogue">{tc("back")}</Link>
      </p>
      <h1>{indicator ? t("editTitle", { code: indicator.code }) : t("newTitle")}</h1>
      <form className="stacked-form" onSubmit={submit} noValidate data-testid="indicator-form">
        <CatalogueField id={`${ids}-code`} label={t("code")} hint={t("codeHint")} error={error("code")}>
          {(field) => (
            <input {...field} {...form.register("code")} readOnly={Boolean(indicator)} maxLength={40} />
          )}
        </CatalogueField>
        <label htmlFor={`${ids}-theme`}>{t("theme")}</label>
        <select id={`${ids}-theme`} {...form.register("theme")}>
          {THEMES.map((theme) => (
            <option key={theme.code} value={theme.code}>
              {localized(theme.name, locale)}
            </option>
          ))}
        </select>
        {TEXT_FIELDS.map((name) => (
          <CatalogueField key={name} id={`${ids}-${name}`} label={t(name)} error={error(name)}>
            {(field) => <input {...field} {...form.register(name)} maxLength={120} />}
          </CatalogueField>
        ))}
        {(["definitionZh", "definitionEn"] as const).map((name) => (
          <div key={name} className="catalogue-field">
            <label htmlFor={`${ids}-${name}`}>{t(name)}</label>
            <textarea id={`${ids}-${name}`} rows={3} maxLength={1000} {...form.register(name)} />
          </div>
        ))}
        {NUMBER_FIELDS.map((name) => (
          <CatalogueField key={name} id={`${ids}-${name}`} label={t(name)} error={error(name)}>
            {(field) => (
              <input {...field} type="number" step="any" {...form.register(name, { valueAsNumber: true })} />
            )}
          </CatalogueField>
        ))}
        <CatalogueField
          id={`${ids}-yoyThreshold`}
          label={t("yoyThreshold")}
          hint={t("yoyThresholdHint", {
            relative: YOY_THRESHOLDS.relativePercent,
            points: YOY_THRESHOLDS.percentagePoints,
          })}
          error={error("yoyThreshold")}
        >
          {(field) => (
            <input {...field} inputMode="decimal" maxLength={12} {...form.register("yoyThreshold")} />
          )}
        </CatalogueField>
        <label className="checkbox">
          <input type="checkbox" {...form.register("headline")} /> {t("headline")}
        </label>
        <IndicatorFixedFields form={form} fixed={Boolean(indicator)} />
        {save.general && <Notice tone="error">{save.general}</Notice>}
        <button
          type="submit"
          className="button"
          disabled={add.isPending || update.isPending}
          data-testid="indicator-save"
        >
          {t("save")}
        </button>
        {save.saved && (
          <Notice tone="success" inline>
            {t("saved")}
          </Notice>
        )}
      </form>
      {indicator && <IndicatorRetirement indicator={indicator} />}
    </div>
  );
}
