"use client";

import {
  FIRST_QUARTER,
  formatQuarterLabel,
  type Locale,
  localized,
  nextQuarter,
  type QuarterString,
  quarterRange,
  toQuarter,
} from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useCatalogue } from "~/components/catalogue/catalogue-context";

/** Builds the link of a pre-filled template for the chosen zones, quarters, format and header language. */
export function TemplateDownload({
  zoneCodes,
  defaultQuarter,
}: {
  zoneCodes: string[];
  defaultQuarter: string;
}) {
  const t = useTranslations("imports");
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  const [zones, setZones] = useState<string[]>(zoneCodes.slice(0, 1));
  const [from, setFrom] = useState(defaultQuarter);
  const [to, setTo] = useState(defaultQuarter);
  const [format, setFormat] = useState<"xlsx" | "csv">("xlsx");
  const [language, setLanguage] = useState<"zh" | "en">(locale === "zh-CN" ? "zh" : "en");
  const params = new URLSearchParams({ zones: zones.join(","), from, to, format, lang: language });
  // The quarters one may enter: from the first monitored one to the quarter in progress, newest first.
  const quarters = quarterRange(FIRST_QUARTER, nextQuarter(toQuarter(defaultQuarter)))
    .reverse()
    .map((quarter: QuarterString) => (
      <option key={quarter} value={quarter}>
        {formatQuarterLabel(quarter, locale)}
      </option>
    ));
  const backwards = from > to;

  return (
    <section aria-labelledby="template-heading" className="import-section">
      <h2 id="template-heading">{t("template.heading")}</h2>
      <p className="hint">{t("template.hint")}</p>
      <fieldset className="zone-choices">
        <legend>{t("template.zones")}</legend>
        {zoneCodes.map((code) => {
          const zone = catalogue.zone(code);
          return (
            <label key={code} className="checkbox">
              <input
                type="checkbox"
                value={code}
                checked={zones.includes(code)}
                onChange={(event) =>
                  setZones((current) =>
                    event.target.checked ? [...current, code] : current.filter((zone) => zone !== code),
                  )
                }
              />
              {zone ? localized(zone.shortName, locale) : code} ({code})
            </label>
          );
        })}
      </fieldset>
      <div className="controls">
        <label>
          {t("template.from")}
          <select value={from} onChange={(event) => setFrom(event.target.value)} data-testid="template-from">
            {quarters}
          </select>
        </label>
        <label>
          {t("template.to")}
          <select value={to} onChange={(event) => setTo(event.target.value)} data-testid="template-to">
            {quarters}
          </select>
        </label>
        <label>
          {t("template.format")}
          <select value={format} onChange={(event) => setFormat(event.target.value as "xlsx" | "csv")}>
            <option value="xlsx">Excel (.xlsx)</option>
            <option value="csv">CSV (UTF-8)</option>
          </select>
        </label>
        <label>
          {t("template.language")}
          <select value={language} onChange={(event) => setLanguage(event.target.value as "zh" | "en")}>
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
      {zones.length === 0 || backwards ? (
        <p className="field-error" data-testid="template-error">
          {t(backwards ? "template.backwards" : "template.noZone")}
        </p>
      ) : (
        <a className="button-link" href={`/api/templates?${params}`} download data-testid="template-link">
          {t("template.download")}
        </a>
      )}
    </section>
  );
}
