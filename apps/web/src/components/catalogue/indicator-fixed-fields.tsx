"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import type { UseFormReturn } from "react-hook-form";

import type { IndicatorFormValues } from "./indicator-form";

const MEASURES = ["amount", "count", "rate", "share", "average"] as const;

/** What an indicator measures: chosen when it is added, shown (disabled) afterwards. */
export function IndicatorFixedFields({
  form,
  fixed,
}: {
  form: UseFormReturn<IndicatorFormValues>;
  fixed: boolean;
}) {
  const t = useTranslations("catalogue.indicatorForm");
  const ids = useId();
  return (
    <fieldset className="catalogue-fixed" disabled={fixed}>
      <legend className="hint">{t("fixedHint")}</legend>
      <label htmlFor={`${ids}-direction`}>{t("direction")}</label>
      <select id={`${ids}-direction`} {...form.register("direction")}>
        <option value="higher">{t("higher")}</option>
        <option value="lower">{t("lower")}</option>
      </select>
      <label htmlFor={`${ids}-frequency`}>{t("frequency")}</label>
      <select id={`${ids}-frequency`} {...form.register("frequency")}>
        <option value="quarterly">{t("quarterly")}</option>
        <option value="annual">{t("annual")}</option>
      </select>
      <label htmlFor={`${ids}-measure`}>{t("measure")}</label>
      <select id={`${ids}-measure`} {...form.register("measure")}>
        {MEASURES.map((measure) => (
          <option key={measure} value={measure}>
            {t(`measures.${measure}`)}
          </option>
        ))}
      </select>
      <label className="checkbox">
        <input type="checkbox" {...form.register("cumulative")} /> {t("cumulative")}
      </label>
      <label htmlFor={`${ids}-inForceFrom`}>{t("inForceFrom")}</label>
      <input
        id={`${ids}-inForceFrom`}
        type="number"
        min={2017}
        max={2100}
        {...form.register("inForceFrom", { valueAsNumber: true })}
      />
      <label htmlFor={`${ids}-sourceZh`}>{t("sourceZh")}</label>
      <input id={`${ids}-sourceZh`} maxLength={120} {...form.register("sourceZh")} />
      <label htmlFor={`${ids}-sourceEn`}>{t("sourceEn")}</label>
      <input id={`${ids}-sourceEn`} maxLength={120} {...form.register("sourceEn")} />
    </fieldset>
  );
}
