"use client";

import type { ZoneCode } from "@zones/domain";
import { useTranslations } from "next-intl";

import { useCatalogue } from "~/components/catalogue/catalogue-context";
import { useZoneLabel } from "./dashboard-format";

/** The trend chart's zones: a box per zone, all of them, or the default ones. */
export function ZonePicker({
  selected,
  byDefault,
  onChange,
}: {
  selected: readonly ZoneCode[];
  /** The default lines (the reader's zone and the leaders). */
  byDefault: readonly ZoneCode[];
  onChange: (zones: readonly ZoneCode[]) => void;
}) {
  const t = useTranslations("dashboard.indicator");
  const zoneLabel = useZoneLabel();
  const zoneCodes = useCatalogue().zones.map((zone) => zone.code);
  // A newly ticked zone goes last, so the first one (the distribution's highlight) stays.
  const toggle = (code: ZoneCode, checked: boolean) => {
    const others = selected.filter((zone) => zone !== code);
    onChange(checked ? [...others, code] : others);
  };
  return (
    <fieldset className="zone-picker" data-testid="zone-picker">
      <legend>{t("zonesLegend", { count: selected.length })}</legend>
      <ul>
        {zoneCodes.map((code) => (
          <li key={code}>
            <label>
              <input
                type="checkbox"
                value={code}
                checked={selected.includes(code)}
                onChange={(event) => toggle(code, event.target.checked)}
              />
              {zoneLabel(code)}
            </label>
          </li>
        ))}
      </ul>
      <div className="zone-picker-actions">
        <button type="button" onClick={() => onChange(zoneCodes)}>
          {t("selectAll")}
        </button>
        <button type="button" onClick={() => onChange(byDefault)}>
          {t("selectDefault")}
        </button>
        <p className="hint">{t("zonesHint")}</p>
      </div>
    </fieldset>
  );
}
