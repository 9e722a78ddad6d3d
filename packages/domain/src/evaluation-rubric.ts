import { hasAtMostDecimals, sumDecimals } from "./decimal";
import {
  ADJUSTMENT_REASON_LENGTH,
  DEFAULT_RATING_THRESHOLDS,
  EVALUATION_YEARS,
  MAX_ADJUSTMENT_POINTS,
  type RatingThresholds,
  RUBRIC_LIMITS,
  type Rubric,
  type RubricDimension,
  type RubricItem,
  SCORE_DECIMALS,
  SCORING_RULE_KINDS,
  type ScoringRule,
} from "./evaluation";
import { unsafeCharacterInLine, unsafeCharacterInText } from "./text-safety";
import type { LocalizedText } from "./types";

/** One fault of a rubric, at its field (`dimensions.1.items.0.weight`), said in both languages. */
export interface RubricIssue {
  path: (string | number)[];
  message: LocalizedText;
}

export type RubricCheck = { ok: true; rubric: Rubric } | { ok: false; issues: RubricIssue[] };

const CODE_PATTERN = /^[a-z][a-z0-9-]*$/;

type Path = (string | number)[];

/** "第 2 个维度的第 1 项的权重" / "dimension 2, item 1, weight". */
function fieldName(path: Path): LocalizedText {
  const zh: string[] = [];
  const en: string[] = [];
  const labels: Record<string, LocalizedText> = {
    year: { zh: "年份", en: "year" },
    dimensions: { zh: "维度", en: "dimensions" },
    items: { zh: "指标项", en: "items" },
    code: { zh: "代码", en: "code" },
    name: { zh: "名称", en: "name" },
    zh: { zh: "中文", en: "Chinese" },
    en: { zh: "英文", en: "English" },
    weight: { zh: "权重", en: "weight" },
    indicatorCode: { zh: "指标代码", en: "indicator code" },
    rule: { zh: "计分规则", en: "scoring rule" },
    kind: { zh: "类型", en: "kind" },
    floor: { zh: "起评值", en: "floor" },
    full: { zh: "满分值", en: "full-score value" },
    target: { zh: "达标值", en: "target" },
    thresholds: { zh: "评级分数线", en: "rating thresholds" },
    excellent: { zh: "优秀", en: "excellent" },
    good: { zh: "良好", en: "good" },
    pass: { zh: "合格", en: "pass" },
    adjustment: { zh: "调整分值", en: "adjustment" },
    reason: { zh: "调整理由", en: "reason" },
  };
  for (let i = 0; i < path.length; i += 1) {
    const part = path[i];
    const next = path[i + 1];
    if (typeof part === "string" && typeof next === "number") {
      zh.push(part === "dimensions" ? `第 ${next + 1} 个维度` : `第 ${next + 1} 项`);
      en.push(part === "dimensions" ? `dimension ${next + 1}` : `item ${next + 1}`);
      i += 1;
    } else if (typeof part === "string") {
      zh.push(labels[part]?.zh ?? part);
      en.push(labels[part]?.en ?? part);
    }
  }
  return { zh: zh.join("的"), en: en.join(", ") };
}

class Issues {
  readonly list: RubricIssue[] = [];
  add(path: Path, rule: LocalizedText) {
    const field = fieldName(path);
    this.list.push({ path, message: { zh: `${field.zh}：${rule.zh}`, en: `${field.en}: ${rule.en}` } });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readNumber(
  issues: Issues,
  path: Path,
  value: unknown,
  range: { min: number; max: number; decimals?: number },
): number {
  const decimals = range.decimals ?? RUBRIC_LIMITS.weightDecimals;
  if (
    typeof value !== "number" ||
    !Number.isFinite(value) ||
    value < range.min ||
    value > range.max ||
    !hasAtMostDecimals(value, decimals)
  ) {
    issues.add(path, {
      zh: `须为 ${range.min} 到 ${range.max} 之间的数，最多 ${decimals} 位小数`,
      en: `must be a number from ${range.min} to ${range.max} with at most ${decimals} decimals`,
    });
    return Number.NaN;
  }
  return value;
}

function readText(issues: Issues, path: Path, value: unknown, max: number, pattern?: RegExp): string {
  const text = typeof value === "string" ? value.trim() : "";
  if (text.length === 0 || text.length > max) {
    issues.add(path, { zh: `须为 1 到 ${max} 个字符`, en: `must be 1 to ${max} characters` });
  } else if (pattern && !pattern.test(text)) {
    issues.add(path, {
      zh: "只能用小写字母、数字和连字符，以字母开头",
      en: "may hold only lower-case letters, digits and hyphens, starting with a letter",
    });
  } else if (unsafeCharacterInLine(text)) {
    issues.add(path, { zh: "含有不允许的字符", en: "holds a character that is not allowed" });
  }
  return text;
}

function readList(issues: Issues, path: Path, value: unknown, max: number): unknown[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > max) {
    issues.add(path, { zh: `须有 1 到 ${max} 个`, en: `must have 1 to ${max} entries` });
    return [];
  }
  return value;
}

function readRule(issues: Issues, path: Path, value: unknown): ScoringRule {
  const rule = isRecord(value) ? value : {};
  const range = { min: -RUBRIC_LIMITS.ruleValue, max: RUBRIC_LIMITS.ruleValue, decimals: 4 };
  switch (rule.kind) {
    case "percentile":
      return { kind: "percentile" };
    case "linear": {
      const floor = readNumber(issues, [...path, "floor"], rule.floor, range);
      const full = readNumber(issues, [...path, "full"], rule.full, range);
      if (floor === full) {
        issues.add([...path, "full"], { zh: "不能等于起评值", en: "must differ from the floor" });
      }
      return { kind: "linear", floor, full };
    }
    case "threshold":
      return { kind: "threshold", target: readNumber(issues, [...path, "target"], rule.target, range) };
    default:
      issues.add([...path, "kind"], {
        zh: `须为 ${SCORING_RULE_KINDS.join("、")} 之一`,
        en: `must be one of ${SCORING_RULE_KINDS.join(", ")}`,
      });
      return { kind: "percentile" };
  }
}

function checkWeights(issues: Issues, path: Path, weights: readonly number[]) {
  if (weights.some(Number.isNaN)) return;
  const total = sumDecimals(weights, RUBRIC_LIMITS.weightDecimals);
  if (total !== 100) {
    issues.add(path, {
      zh: `权重合计须为 100（现为 ${total}）`,
      en: `weights must sum to 100 (now ${total})`,
    });
  }
}

function readItem(issues: Issues, path: Path, value: unknown, known: ReadonlySet<string>): RubricItem {
  const item = isRecord(value) ? value : {};
  const indicatorCode = typeof item.indicatorCode === "string" ? item.indicatorCode : "";
  if (!known.has(indicatorCode)) {
    issues.add([...path, "indicatorCode"], {
      zh: "不是指标目录中的指标",
      en: "is not an indicator of the catalogue",
    });
  }
  return {
    indicatorCode,
    weight: readNumber(issues, [...path, "weight"], item.weight, { min: 0.01, max: 100 }),
    rule: readRule(issues, [...path, "rule"], item.rule),
  };
}

function readDimension(
  issues: Issues,
  path: Path,
  value: unknown,
  known: ReadonlySet<string>,
): RubricDimension {
  const dimension = isRecord(value) ? value : {};
  const name = isRecord(dimension.name) ? dimension.name : {};
  const items = readList(issues, [...path, "items"], dimension.items, RUBRIC_LIMITS.itemsPerDimension).map(
    (item, index) => readItem(issues, [...path, "items", index], item, known),
  );
  if (items.length > 0)
    checkWeights(
      issues,
      [...path, "items"],
      items.map((item) => item.weight),
    );
  return {
    code: readText(issues, [...path, "code"], dimension.code, RUBRIC_LIMITS.codeLength, CODE_PATTERN),
    name: {
      zh: readText(issues, [...path, "name", "zh"], name.zh, RUBRIC_LIMITS.nameLength),
      en: readText(issues, [...path, "name", "en"], name.en, RUBRIC_LIMITS.nameLength),
    },
    weight: readNumber(issues, [...path, "weight"], dimension.weight, { min: 0.01, max: 100 }),
    items,
  };
}

function readThresholds(issues: Issues, value: unknown): RatingThresholds {
  if (value === undefined) return { ...DEFAULT_RATING_THRESHOLDS };
  const given = isRecord(value) ? value : {};
  const range = { min: 0, max: 100 };
  const thresholds = {
    excellent: readNumber(issues, ["thresholds", "excellent"], given.excellent, range),
    good: readNumber(issues, ["thresholds", "good"], given.good, range),
    pass: readNumber(issues, ["thresholds", "pass"], given.pass, range),
  };
  if (!(thresholds.excellent > thresholds.good && thresholds.good > thresholds.pass)) {
    issues.add(["thresholds"], { zh: "须为 优秀 > 良好 > 合格", en: "must be excellent > good > pass" });
  }
  return thresholds;
}

/**
 * A rubric as an admin sent it, checked whole: sizes bounded, codes unique, every indicator in `indicatorCodes`
 * (the catalogue as the database holds it), each set of weights summing to 100, thresholds in order. Every
 * fault is reported at once, each naming its field.
 */
export function checkRubric(input: unknown, indicatorCodes: ReadonlySet<string>): RubricCheck {
  const issues = new Issues();
  const given = isRecord(input) ? input : {};
  const year = readNumber(issues, ["year"], given.year, { ...EVALUATION_YEARS, decimals: 0 });
  const dimensions = readList(issues, ["dimensions"], given.dimensions, RUBRIC_LIMITS.dimensions).map(
    (dimension, index) => readDimension(issues, ["dimensions", index], dimension, indicatorCodes),
  );
  if (dimensions.length > 0)
    checkWeights(
      issues,
      ["dimensions"],
      dimensions.map((d) => d.weight),
    );
  const codes = new Set<string>();
  const indicators = new Set<string>();
  dimensions.forEach((dimension, index) => {
    if (dimension.code && codes.has(dimension.code)) {
      issues.add(["dimensions", index, "code"], {
        zh: "与前面的维度重复",
        en: "repeats an earlier dimension's",
      });
    }
    codes.add(dimension.code);
    dimension.items.forEach((item, itemIndex) => {
      if (item.indicatorCode && indicators.has(item.indicatorCode)) {
        issues.add(["dimensions", index, "items", itemIndex, "indicatorCode"], {
          zh: "该指标已在评估细则中出现",
          en: "is already in the rubric",
        });
      }
      indicators.add(item.indicatorCode);
    });
  });
  const thresholds = readThresholds(issues, given.thresholds);
  if (issues.list.length > 0) return { ok: false, issues: issues.list };
  return { ok: true, rubric: { year, dimensions, thresholds } };
}

export type FieldCheck<T> = { ok: true; value: T } | { ok: false; issues: RubricIssue[] };

/** A year an evaluation may be held for. */
export function checkEvaluationYear(year: unknown): FieldCheck<number> {
  const issues = new Issues();
  const value = readNumber(issues, ["year"], year, { ...EVALUATION_YEARS, decimals: 0 });
  return issues.list.length > 0 ? { ok: false, issues: issues.list } : { ok: true, value };
}

/**
 * A reviewer's adjustment: points within ±MAX_ADJUSTMENT_POINTS (2 decimals; 0 takes it back) and the reason,
 * one to a few sentences, always given.
 */
export function checkAdjustment(input: {
  adjustment: unknown;
  reason: unknown;
}): FieldCheck<{ adjustment: number; reason: string }> {
  const issues = new Issues();
  const adjustment = readNumber(issues, ["adjustment"], input.adjustment, {
    min: -MAX_ADJUSTMENT_POINTS,
    max: MAX_ADJUSTMENT_POINTS,
    decimals: SCORE_DECIMALS,
  });
  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  if (reason.length < ADJUSTMENT_REASON_LENGTH.min || reason.length > ADJUSTMENT_REASON_LENGTH.max) {
    issues.add(["reason"], {
      zh: `须为 ${ADJUSTMENT_REASON_LENGTH.min} 到 ${ADJUSTMENT_REASON_LENGTH.max} 个字符`,
      en: `must be ${ADJUSTMENT_REASON_LENGTH.min} to ${ADJUSTMENT_REASON_LENGTH.max} characters`,
    });
  } else if (unsafeCharacterInText(reason)) {
    issues.add(["reason"], { zh: "含有不允许的字符", en: "holds a character that is not allowed" });
  }
  return issues.list.length > 0
    ? { ok: false, issues: issues.list }
    : { ok: true, value: { adjustment, reason } };
}

/** Several issues as one sentence per language. */
export function joinIssues(issues: readonly RubricIssue[]): LocalizedText {
  return {
    zh: issues.map((issue) => issue.message.zh).join("；"),
    en: issues.map((issue) => issue.message.en).join("; "),
  };
}
