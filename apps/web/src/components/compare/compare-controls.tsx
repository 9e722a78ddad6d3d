"use client";

import {
  compareQuarters,
  formatQuarterLabel,
  indicatorsByTheme,
  type Locale,
  localized,
  type QuarterString,
  SERIES_MODES,
} from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";

import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { type CompareSelection, MAX_COMPARE_INDICATORS, MAX_COMPARE_ZONES } from "./compare-selection";

/**
 * What to compare: zones (2–4) as checkboxes, indicators (1–12) as checkboxes grouped by theme, the
 * quarter range and the year-to-date / single-quarter switch. A fifth zone or a thirteenth indicator is
 * refused (`onRefuse`) rather than silently dropping another choice.
 */
export function CompareControls({
  selection,
  quarters,
  onChange,
  onRefuse,
}: {
  selection: CompareSelection;
  /** Oldest first. */
  quarters: readonly string[];
  onChange: (next: CompareSelection) => void;
  onRefuse: (kind: "zones" | "indicators") => void;
}) {
  const t = useTranslations("compare.controls");
  const tApp = useTranslations("app");
  const locale = useLocale() as Locale;
  const catalogue = useCatalogue();
  const themeGroups = indicatorsByTheme(catalogue.indicators);

  function toggle(kind: "zones" | "indicators", code: string, checked: boolean) {
    const chosen = selection[kind];
    if (!checked) {
      onChange({ ...selection, [kind]: chosen.filter((candidate) => candidate !== code) });
      return;
    }
    const max = kind === "zones" ? MAX_COMPARE_ZONES : MAX_COMPARE_INDICATORS;
    if (chosen.length >= max) {
      onRefuse(kind);
      return;
    }
    onChange({ ...selection, [kind]: [...chosen, code] });
  }

  /** Keeps `from` ≤ `to`: moving one end past the other moves the other along. */
  function setRange(end: "from" | "to", quarter: QuarterString) {
    const next = { ...selection, [end]: quarter };
    if (compareQuarters(next.from, next.to) > 0) {
      if (end === "from") next.to = quarter;
      else next.from = quarter;
    }
    onChange(next);
  }

  const quarterOptions = quarters.map((quarter) => (
    <option key={quarter} value={quarter}>
      {formatQuarterLabel(quarter as QuarterString, locale)}
    </option>
  ));
  const chosenIndicators = selection.indicators.map((code) =>
    localized(catalogue.indicator(code)?.name ?? { zh: code, en: code }, locale),
  );

  return (
    <form className="compare-controls" onSubmit={(event) => event.preventDefault()}>
      <fieldset className="compare-zones" data-testid="zone-picker">
        <legend>{t("zones", { max: MAX_COMPARE_ZONES, count: selection.zones.length })}</legend>
        <div className="compare-options">
          {catalogue.zones.map((zone) => (
            <label key={zone.code} title={localized(zone.name, locale)}>
              <input
                type="checkbox"
                name="zones"
                value={zone.code}
                checked={selection.zones.includes(zone.code)}
                onChange={(event) => toggle("zones", zone.code, event.target.checked)}
              />
              {localized(zone.shortName, locale)}
            </label>
          ))}
        </div>
      </fieldset>

      <details className="compare-indicators" data-testid="indicator-picker">
        <summary>
          {t("indicators", { max: MAX_COMPARE_INDICATORS, count: selection.indicators.length })}
          {chosenIndicators.length > 0 && (
            <span className="compare-chosen">{chosenIndicators.join(tApp("listSeparator"))}</span>
          )}
        </summary>
        <div className="compare-themes">
          {themeGroups.map(({ theme, indicators }) => (
            <fieldset key={theme.code} data-theme={theme.code}>
              <legend>{localized(theme.name, locale)}</legend>
              {indicators.map((indicator) => (
                <label key={indicator.code}>
                  <input
                    type="checkbox"
                    name="indicators"
                    value={indicator.code}
                    checked={selection.indicators.includes(indicator.code)}
                    onChange={(event) => toggle("indicators", indicator.code, event.target.checked)}
                  />
                  {localized(indicator.name, locale)}
                  {indicator.frequency === "annual" && <span className="compare-annual">{t("annual")}</span>}
                </label>
              ))}
            </fieldset>
          ))}
        </div>
      </details>

      <div className="compare-range">
        <label>
          {t("from")}
          <select
            value={selection.from}
            onChange={(event) => setRange("from", event.target.value as QuarterString)}
            data-testid="range-from"
          >
            {quarterOptions}
          </select>
        </label>
        <label>
          {t("to")}
          <select
            value={selection.to}
            onChange={(event) => setRange("to", event.target.value as QuarterString)}
            data-testid="range-to"
          >
            {quarterOptions}
          </select>
        </label>
        <fieldset className="compare-mode" data-testid="mode-switch">
          <legend>{t("mode")}</legend>
          {SERIES_MODES.map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name="mode"
                value={mode}
                checked={selection.mode === mode}
                onChange={() => onChange({ ...selection, mode })}
              />
              {t(`modes.${mode}`)}
            </label>
          ))}
        </fieldset>
      </div>
    </form>
  );
}
