import { formatNumber, localized } from "./format";
import { INDICATORS, indicatorIn as indicatorOf } from "./indicators";
import type { RuleIssue } from "./submission-rules";
import type { Indicator, Locale } from "./types";

/**
 * Sentences for the issues of `checkSubmission`, shown beside the field as they are: each names the
 * indicator and the rule, with the numbers in the UI language. Soft issues end by asking the filer
 * to check the value or explain it.
 */

interface Phrasing {
  indicator: Indicator;
  /** Where a message finds another indicator it names (the level of a growth rate). */
  indicators: readonly Indicator[];
  locale: Locale;
  zh: boolean;
}

function numberParam(issue: RuleIssue, key: string): number | undefined {
  const value = issue.params[key];
  return typeof value === "number" ? value : undefined;
}

function textParam(issue: RuleIssue, key: string): string {
  const value = issue.params[key];
  return value === undefined ? "" : String(value);
}

/** Decimal places a value is written with, e.g. 2 for 1200.25 (0 if unknown). */
function placesOf(value: number): number {
  const written = String(value);
  return written.includes("e") ? 0 : (written.split(".")[1]?.length ?? 0);
}

/**
 * The unit after a number: "5.3%", "1,200.00 亿元", "1,200 yuan". English scale units
 * ("100 million yuan", "10,000 people") read badly after a number, so the number stands alone there.
 */
function withUnit(number: string, { indicator, locale }: Phrasing): string {
  const unit = localized(indicator.unit, locale);
  if (unit === "%") return `${number}%`;
  if (locale === "en" && /^\d/.test(unit)) return number;
  return `${number} ${unit}`;
}

/** A figure of the indicator with its unit, never hiding decimals the filer typed. */
function figure(value: number | undefined, phrasing: Phrasing): string {
  const decimals = value === undefined ? undefined : Math.max(phrasing.indicator.decimals, placesOf(value));
  return withUnit(formatNumber(value, phrasing.locale, { decimals }), phrasing);
}

/** A bound of a range: "0 至 200,000 亿元" / "0 to 200,000". */
function bounds(
  min: number | undefined,
  max: number | undefined,
  phrasing: Phrasing,
  exact: boolean,
): string {
  const options = exact ? { decimals: phrasing.indicator.decimals } : {};
  const low = formatNumber(min, phrasing.locale, options);
  const high = withUnit(formatNumber(max, phrasing.locale, options), phrasing);
  return phrasing.zh ? `${low} 至 ${high}` : `${low} to ${high}`;
}

const CHECK = {
  zh: "请核实数值或填写说明",
  en: "check the value or explain it in a note",
};

function yoyMessage(issue: RuleIssue, phrasing: Phrasing): string {
  const { locale, zh } = phrasing;
  const value = figure(numberParam(issue, "value"), phrasing);
  const lastYear = figure(numberParam(issue, "lastYear"), phrasing);
  const threshold = formatNumber(numberParam(issue, "threshold"), locale);
  const percent = numberParam(issue, "changePercent");
  if (percent !== undefined) {
    const size = formatNumber(Math.abs(percent), locale, { decimals: 1 });
    return zh
      ? `${value}比上年同期 ${lastYear}${percent > 0 ? "增长" : "下降"} ${size}%，变动超过 ${threshold}%，${CHECK.zh}`
      : `${value} is ${size}% ${percent > 0 ? "above" : "below"} the same quarter last year (${lastYear}), a change of more than ${threshold}%; ${CHECK.en}`;
  }
  const points = numberParam(issue, "changePoints") ?? 0;
  const size = formatNumber(Math.abs(points), locale, { decimals: phrasing.indicator.decimals });
  return zh
    ? `${value}比上年同期 ${lastYear}${points > 0 ? "提高" : "降低"} ${size} 个百分点，变动超过 ${threshold} 个百分点，${CHECK.zh}`
    : `${value} is ${size} percentage points ${points > 0 ? "above" : "below"} the same quarter last year (${lastYear}), a change of more than ${threshold} points; ${CHECK.en}`;
}

function growthSignMessage(issue: RuleIssue, phrasing: Phrasing): string {
  const { locale, zh } = phrasing;
  const levelIndicator = indicatorOf(phrasing.indicators, textParam(issue, "levelCode"));
  const levelPhrasing = { ...phrasing, indicator: levelIndicator };
  const levelName = localized(levelIndicator.name, locale);
  const growth = figure(numberParam(issue, "growth"), phrasing);
  const level = figure(numberParam(issue, "level"), levelPhrasing);
  const lastYear = figure(numberParam(issue, "lastYear"), levelPhrasing);
  const rose = (numberParam(issue, "growth") ?? 0) < 0;
  return zh
    ? `增速为 ${growth}，但${levelName}从上年同期的 ${lastYear}${rose ? "增至" : "降至"} ${level}，方向不一致，${CHECK.zh}`
    : `the growth rate is ${growth}, but ${levelName} ${rose ? "rose" : "fell"} from ${lastYear} a year earlier to ${level}; the directions disagree, so ${CHECK.en}`;
}

function decimalsMessage(issue: RuleIssue, phrasing: Phrasing): string {
  const allowed = numberParam(issue, "decimals") ?? 0;
  const given = numberParam(issue, "given");
  const typed = withUnit(
    formatNumber(numberParam(issue, "value"), phrasing.locale, { decimals: given }),
    phrasing,
  );
  if (allowed === 0) {
    return phrasing.zh
      ? `应填写整数，${typed}带有小数`
      : `must be a whole number; ${typed} has decimal places`;
  }
  return phrasing.zh
    ? `最多保留 ${allowed} 位小数，${typed}有 ${given} 位小数`
    : `at most ${allowed} decimal ${allowed === 1 ? "place is" : "places are"} allowed; ${typed} has ${given}`;
}

function ruleMessage(issue: RuleIssue, phrasing: Phrasing): string {
  const { zh } = phrasing;
  const value = () => figure(numberParam(issue, "value"), phrasing);
  const input = textParam(issue, "input");
  switch (issue.rule) {
    case "required":
      return zh ? "提交前必须填写数值" : "a value is required before submitting";
    case "not-a-number":
      return zh
        ? `“${input}”不是有效的数字（只填数字，不要带单位、字母或科学计数法）`
        : `"${input}" is not a number (enter digits only, without units, letters or exponent notation)`;
    case "ambiguous-separator":
      return zh
        ? `“${input}”中的逗号或空格不是正确的千分位分隔（每三位一组），无法确定数值；小数点请用“.”`
        : `the comma or space in "${input}" is not a thousands separator between groups of three digits, so the number is ambiguous; use "." as the decimal point`;
    case "range": {
      const range = bounds(numberParam(issue, "min"), numberParam(issue, "max"), phrasing, false);
      return zh
        ? `${value()}超出可能的取值范围（${range}）`
        : `${value()} is outside the possible range (${range})`;
    }
    case "decimals":
      return decimalsMessage(issue, phrasing);
    case "ytd-decrease": {
      const previous = figure(numberParam(issue, "previous"), phrasing);
      return zh
        ? `累计值 ${value()}低于上季度累计 ${previous}（同一年内累计值不能下降）`
        : `year-to-date value ${value()} is below last quarter's ${previous} (a year-to-date figure cannot fall within a year)`;
    }
    case "yoy-change":
      return yoyMessage(issue, phrasing);
    case "outside-history": {
      const range = bounds(numberParam(issue, "min"), numberParam(issue, "max"), phrasing, true);
      const count = formatNumber(numberParam(issue, "count"), phrasing.locale);
      const margin = formatNumber(numberParam(issue, "margin"), phrasing.locale);
      const byPoints = numberParam(issue, "byPoints") === 1;
      const beyond = zh
        ? byPoints
          ? `${margin} 个百分点`
          : `${margin}%`
        : byPoints
          ? `${margin} points`
          : `${margin} %`;
      return zh
        ? `${value()}超出本示范区以往 ${count} 个已审核季度的取值范围（${range}）${beyond}以上，${CHECK.zh}`
        : `${value()} is more than ${beyond} outside this zone's range over ${count} approved quarters (${range}); ${CHECK.en}`;
    }
    case "growth-sign":
      return growthSignMessage(issue, phrasing);
  }
}

/**
 * The issue as a sentence naming the indicator and the rule, e.g.
 * "地区生产总值：累计值 1,200.00 亿元低于上季度累计 1,300.00 亿元（同一年内累计值不能下降）".
 */
export function describeRuleIssue(
  issue: RuleIssue,
  locale: Locale,
  indicators: readonly Indicator[] = INDICATORS,
): string {
  const indicator = indicatorOf(indicators, issue.indicatorCode);
  const zh = locale === "zh-CN";
  const name = localized(indicator.name, locale);
  return `${name}${zh ? "：" : ": "}${ruleMessage(issue, { indicator, indicators, locale, zh })}`;
}
