"use client";

import {
  type Locale,
  localized,
  RUBRIC_LIMITS,
  SCORING_RULE_KINDS,
  type ScoringRuleKind,
} from "@zones/domain";
import { useLocale, useTranslations } from "next-intl";

import { type DimensionDraft, emptyItem, type ItemDraft } from "./rubric-draft";

export interface RubricIndicatorOption {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** One dimension's fields and its items, each item's indicator, weight and scoring rule. */
export function RubricDimension({
  index,
  dimension,
  indicators,
  disabled,
  onChange,
  onRemove,
}: {
  index: number;
  dimension: DimensionDraft;
  indicators: readonly RubricIndicatorOption[];
  disabled: boolean;
  onChange(next: DimensionDraft): void;
  onRemove(): void;
}) {
  const t = useTranslations("evaluation.rubric");
  const locale = useLocale() as Locale;
  const set = (patch: Partial<DimensionDraft>) => onChange({ ...dimension, ...patch });
  const setItem = (at: number, patch: Partial<ItemDraft>) =>
    set({ items: dimension.items.map((item, i) => (i === at ? { ...item, ...patch } : item)) });
  const field = (label: string, value: string, onInput: (text: string) => void, testId: string) => (
    <label className="rubric-field">
      <span>{label}</span>
      <input
        value={value}
        disabled={disabled}
        onChange={(event) => onInput(event.target.value)}
        data-testid={testId}
      />
    </label>
  );
  return (
    <fieldset className="rubric-dimension" data-testid="rubric-dimension">
      <legend>
        {t("dimension", { n: index + 1 })} · {dimension.nameZh}
      </legend>
      <div className="rubric-row">
        {field(t("code"), dimension.code, (code) => set({ code }), "rubric-dimension-code")}
        {field(t("nameZh"), dimension.nameZh, (nameZh) => set({ nameZh }), "rubric-dimension-name-zh")}
        {field(t("nameEn"), dimension.nameEn, (nameEn) => set({ nameEn }), "rubric-dimension-name-en")}
        {field(t("weight"), dimension.weight, (weight) => set({ weight }), "rubric-dimension-weight")}
      </div>
      <ol className="rubric-items">
        {dimension.items.map((item, at) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity but their place while edited
            key={at}
            className="rubric-row"
            data-testid="rubric-item"
          >
            <label className="rubric-field">
              <span>{t("indicator")}</span>
              <select
                value={item.indicatorCode}
                disabled={disabled}
                onChange={(event) => setItem(at, { indicatorCode: event.target.value })}
                data-testid="rubric-item-indicator"
              >
                {indicators.map((indicator) => (
                  <option key={indicator.code} value={indicator.code}>
                    {localized({ zh: indicator.nameZh, en: indicator.nameEn }, locale)}
                  </option>
                ))}
              </select>
            </label>
            {field(t("weight"), item.weight, (weight) => setItem(at, { weight }), "rubric-item-weight")}
            <label className="rubric-field">
              <span>{t("rule")}</span>
              <select
                value={item.kind}
                disabled={disabled}
                onChange={(event) => setItem(at, { kind: event.target.value as ScoringRuleKind })}
                data-testid="rubric-item-kind"
              >
                {SCORING_RULE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`kinds.${kind}`)}
                  </option>
                ))}
              </select>
            </label>
            {item.kind === "linear" && (
              <>
                {field(t("floor"), item.floor, (floor) => setItem(at, { floor }), "rubric-item-floor")}
                {field(t("full"), item.full, (full) => setItem(at, { full }), "rubric-item-full")}
              </>
            )}
            {item.kind === "threshold" &&
              field(t("target"), item.target, (target) => setItem(at, { target }), "rubric-item-target")}
            <button
              type="button"
              disabled={disabled || dimension.items.length <= 1}
              onClick={() => set({ items: dimension.items.filter((_, i) => i !== at) })}
            >
              {t("removeItem")}
            </button>
          </li>
        ))}
      </ol>
      <div className="evaluation-buttons">
        <button
          type="button"
          disabled={disabled || dimension.items.length >= RUBRIC_LIMITS.itemsPerDimension}
          onClick={() => set({ items: [...dimension.items, emptyItem(indicators[0]?.code ?? "")] })}
        >
          {t("addItem")}
        </button>
        <button type="button" disabled={disabled} onClick={onRemove}>
          {t("removeDimension")}
        </button>
      </div>
    </fieldset>
  );
}
