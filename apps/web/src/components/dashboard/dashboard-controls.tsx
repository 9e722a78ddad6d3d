"use client";

import {
  formatQuarterLabel,
  type Locale,
  type QuarterString,
  SERIES_MODES,
  type SeriesMode,
} from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";

/** Every message about the URL's selection in one live region, so tests and readers find one notice. */
export function SelectionNotice({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="notice dashboard-notice" role="status" data-testid="selection-notice">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

/** Quarters a range select offers: the given choices plus the shown ends, oldest first, each once. */
export function rangeChoices(choices: readonly string[], ...shown: (string | null | undefined)[]): string[] {
  const all = new Set<string>(choices);
  for (const quarter of shown) if (quarter) all.add(quarter);
  return [...all].sort();
}

/** The from/to pair of selects. */
export function RangeSelects({
  quarters,
  from,
  to,
  onChange,
}: {
  quarters: readonly string[];
  from: string;
  to: string;
  onChange: (range: { from: string; to: string }) => void;
}) {
  const t = useTranslations("dashboard.common");
  const locale = useLocale() as Locale;
  const options = quarters.map((quarter) => (
    <option key={quarter} value={quarter}>
      {formatQuarterLabel(quarter as QuarterString, locale)}
    </option>
  ));
  return (
    <>
      <label>
        {t("from")}
        <select
          value={from}
          onChange={(event) => onChange({ from: event.target.value, to })}
          data-testid="range-from"
        >
          {options}
        </select>
      </label>
      <label>
        {t("to")}
        <select
          value={to}
          onChange={(event) => onChange({ from, to: event.target.value })}
          data-testid="range-to"
        >
          {options}
        </select>
      </label>
    </>
  );
}

/** 累计值 / 单季值, as two radio buttons. */
export function ModeToggle({ mode, onChange }: { mode: SeriesMode; onChange: (mode: SeriesMode) => void }) {
  const t = useTranslations("dashboard.common");
  const name = useId();
  return (
    <fieldset className="mode-toggle" data-testid="mode-toggle">
      <legend>{t("mode")}</legend>
      {SERIES_MODES.map((value) => (
        <label key={value} className={mode === value ? "selected" : undefined}>
          <input
            type="radio"
            name={name}
            value={value}
            checked={mode === value}
            onChange={() => onChange(value)}
          />
          {t(value === "ytd" ? "modeYtd" : "modeSingle")}
        </label>
      ))}
    </fieldset>
  );
}

/** For reviewers and admins only: the page does not render it for anyone else. */
export function SubmittedToggle({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const t = useTranslations("dashboard.common");
  return (
    <label className="submitted-toggle">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        data-testid="include-submitted"
      />
      {t("includeSubmitted")}
    </label>
  );
}
