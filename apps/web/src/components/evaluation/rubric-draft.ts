import type { Rubric, ScoringRuleKind } from "@zones/domain";

/** A rubric as its form holds it: every number as typed, so a bad one reaches the server, which names it. */
export interface ItemDraft {
  indicatorCode: string;
  weight: string;
  kind: ScoringRuleKind;
  floor: string;
  full: string;
  target: string;
}

export interface DimensionDraft {
  code: string;
  nameZh: string;
  nameEn: string;
  weight: string;
  items: ItemDraft[];
}

export interface RubricDraft {
  year: number;
  excellent: string;
  good: string;
  pass: string;
  dimensions: DimensionDraft[];
}

export function draftOf(rubric: Rubric): RubricDraft {
  return {
    year: rubric.year,
    excellent: String(rubric.thresholds.excellent),
    good: String(rubric.thresholds.good),
    pass: String(rubric.thresholds.pass),
    dimensions: rubric.dimensions.map((dimension) => ({
      code: dimension.code,
      nameZh: dimension.name.zh,
      nameEn: dimension.name.en,
      weight: String(dimension.weight),
      items: dimension.items.map((item) => ({
        indicatorCode: item.indicatorCode,
        weight: String(item.weight),
        kind: item.rule.kind,
        floor: item.rule.kind === "linear" ? String(item.rule.floor) : "",
        full: item.rule.kind === "linear" ? String(item.rule.full) : "",
        target: item.rule.kind === "threshold" ? String(item.rule.target) : "",
      })),
    })),
  };
}

/** A typed number, or the text itself when it is not one (the server refuses it, naming the field). */
function numberOf(text: string): number | string {
  const value = Number(text);
  return text.trim() !== "" && Number.isFinite(value) ? value : text;
}

/** What the form sends: the rubric's shape, the numbers converted where they are numbers. */
export function rubricOf(draft: RubricDraft): unknown {
  return {
    year: draft.year,
    thresholds: {
      excellent: numberOf(draft.excellent),
      good: numberOf(draft.good),
      pass: numberOf(draft.pass),
    },
    dimensions: draft.dimensions.map((dimension) => ({
      code: dimension.code,
      name: { zh: dimension.nameZh, en: dimension.nameEn },
      weight: numberOf(dimension.weight),
      items: dimension.items.map((item) => ({
        indicatorCode: item.indicatorCode,
        weight: numberOf(item.weight),
        rule:
          item.kind === "linear"
            ? { kind: "linear", floor: numberOf(item.floor), full: numberOf(item.full) }
            : item.kind === "threshold"
              ? { kind: "threshold", target: numberOf(item.target) }
              : { kind: "percentile" },
      })),
    })),
  };
}

export const emptyItem = (indicatorCode: string): ItemDraft => ({
  indicatorCode,
  weight: "",
  kind: "percentile",
  floor: "",
  full: "",
  target: "",
});
