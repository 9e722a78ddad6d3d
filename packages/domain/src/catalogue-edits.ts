import { z } from "zod";
import { INDICATOR_CODE_PATTERN, ZONE_CODE_PATTERN } from "./code-patterns";
import { CITY_TYPES, REGIONS } from "./peer-groups";
import { parseQuarter } from "./quarter";
import { THEME_CODES } from "./themes";
import type { LocalizedText } from "./types";
import { type ErrorFieldIssue, phrased } from "./zones-error";

/**
 * What an admin edits of the catalogue. The schemas bound every field's size and type; `checkZoneEdit` and
 * `checkIndicatorEdit` then say what is wrong in both languages, beside the field.
 */

const name = z.string().trim().max(120);
const longText = z.string().trim().max(1000);
const CITY_CODE = /^[A-Z]{2}-[A-Z]{1,4}-[A-Z]{1,4}$/;
export const MAX_MEMBER_CITIES = 20;

export const ZZoneEditSchema = z.object({
  code: z.string().trim().max(12),
  nameZh: name,
  nameEn: name,
  shortNameZh: name,
  shortNameEn: name,
  provinceZh: name,
  provinceEn: name,
  batch: z.number().int().min(1).max(99),
  namedOn: z.string().max(10),
  reportsFrom: z.string().max(6),
  cityType: z.enum(CITY_TYPES),
  region: z.enum(REGIONS),
  memberCities: z
    .array(z.object({ code: z.string().trim().max(16), nameZh: name, nameEn: name }))
    .max(MAX_MEMBER_CITIES),
});
export type ZoneEdit = z.infer<typeof ZZoneEditSchema>;

export const ZIndicatorEditSchema = z.object({
  code: z.string().trim().max(40),
  theme: z.enum(THEME_CODES),
  nameZh: name,
  nameEn: name,
  unitZh: z.string().trim().max(20),
  unitEn: z.string().trim().max(40),
  definitionZh: longText,
  definitionEn: longText,
  decimals: z.number().int().min(0).max(4),
  validMin: z.number().finite(),
  validMax: z.number().finite(),
  yoyThreshold: z.number().finite().nullable(),
  headline: z.boolean(),
});
export type IndicatorEdit = z.infer<typeof ZIndicatorEditSchema>;

/** A new indicator also fixes what it measures; these never change once values exist. */
export const ZNewIndicatorSchema = ZIndicatorEditSchema.extend({
  direction: z.enum(["higher", "lower"]),
  frequency: z.enum(["quarterly", "annual"]),
  cumulative: z.boolean(),
  measure: z.enum(["amount", "count", "rate", "share", "average"]),
  inForceFrom: z.number().int().min(2017).max(2100),
  sourceZh: name,
  sourceEn: name,
});
export type NewIndicator = z.infer<typeof ZNewIndicatorSchema>;

/** An issue at a dotted path ("memberCities.1.code"), as a path of its parts. */
function issue(path: string, text: LocalizedText): ErrorFieldIssue {
  return { path: path.split("."), message: phrased(text) };
}

function required(
  edit: Record<string, unknown>,
  fields: readonly string[],
  labels: Record<string, LocalizedText>,
) {
  return fields
    .filter((field) => typeof edit[field] === "string" && (edit[field] as string).length === 0)
    .map((field) => {
      const label = labels[field] ?? { zh: field, en: field };
      return issue(field, { zh: `请填写${label.zh}`, en: `${label.en} is required` });
    });
}

const ZONE_LABELS: Record<string, LocalizedText> = {
  code: { zh: "代码", en: "Code" },
  nameZh: { zh: "中文名称", en: "Chinese name" },
  nameEn: { zh: "英文名称", en: "English name" },
  shortNameZh: { zh: "中文简称", en: "Chinese short name" },
  shortNameEn: { zh: "英文简称", en: "English short name" },
  provinceZh: { zh: "省份（中文）", en: "Province (Chinese)" },
  provinceEn: { zh: "省份（英文）", en: "Province (English)" },
};

/** Every rule a zone breaks, beside its field; an empty list lets it through. */
export function checkZoneEdit(edit: ZoneEdit): ErrorFieldIssue[] {
  const issues = required(edit, Object.keys(ZONE_LABELS), ZONE_LABELS);
  if (edit.code && !ZONE_CODE_PATTERN.test(edit.code)) {
    issues.push(
      issue("code", {
        zh: "代码应为省级简称两位大写字母、连字符和一至四位大写字母，如 JS-XZ",
        en: "Code: two capital letters for the province, a hyphen and 1–4 capital letters, e.g. JS-XZ",
      }),
    );
  }
  if (!isCalendarDate(edit.namedOn)) {
    issues.push(
      issue("namedOn", {
        zh: "设立日期应为 1949 至 2100 年间的日期，格式 YYYY-MM-DD",
        en: "Date named: a date from 1949 to 2100, as YYYY-MM-DD",
      }),
    );
  }
  if (!parseQuarter(edit.reportsFrom).ok) {
    issues.push(
      issue("reportsFrom", {
        zh: "起报季度应如 2019Q4",
        en: "First quarter reported: a quarter such as 2019Q4",
      }),
    );
  }
  if (edit.memberCities.length === 0) {
    issues.push(issue("memberCities", { zh: "至少填写一个成员城市", en: "Add at least one member city" }));
  }
  const seen = new Set<string>();
  edit.memberCities.forEach((city, index) => {
    const path = `memberCities.${index}`;
    if (!CITY_CODE.test(city.code) || !city.code.startsWith(`${edit.code}-`)) {
      issues.push(
        issue(`${path}.code`, {
          zh: `成员城市代码应以“${edit.code}-”开头，如 ${edit.code}-AB`,
          en: `Member city code must start with "${edit.code}-", e.g. ${edit.code}-AB`,
        }),
      );
    } else if (seen.has(city.code)) {
      issues.push(issue(`${path}.code`, { zh: "成员城市代码重复", en: "Member city code repeated" }));
    }
    seen.add(city.code);
    if (!city.nameZh) {
      issues.push(
        issue(`${path}.nameZh`, { zh: "请填写成员城市的中文名称", en: "Give the city's Chinese name" }),
      );
    }
    if (!city.nameEn) {
      issues.push(
        issue(`${path}.nameEn`, { zh: "请填写成员城市的英文名称", en: "Give the city's English name" }),
      );
    }
  });
  return issues;
}

/** A real day (no 31 February) of a year from 1949 to 2100, written YYYY-MM-DD. */
function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1949 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const INDICATOR_LABELS: Record<string, LocalizedText> = {
  code: { zh: "代码", en: "Code" },
  nameZh: { zh: "中文名称", en: "Chinese name" },
  nameEn: { zh: "英文名称", en: "English name" },
  unitZh: { zh: "中文单位", en: "Chinese unit" },
  unitEn: { zh: "英文单位", en: "English unit" },
};

/** Every rule an indicator's metadata breaks, beside its field. */
export function checkIndicatorEdit(edit: IndicatorEdit): ErrorFieldIssue[] {
  const issues = required(edit, Object.keys(INDICATOR_LABELS), INDICATOR_LABELS);
  if (edit.code && !INDICATOR_CODE_PATTERN.test(edit.code)) {
    issues.push(
      issue("code", {
        zh: "代码应为小写英文字母、数字和连字符，如 rd-intensity",
        en: "Code: lowercase letters, digits and hyphens, e.g. rd-intensity",
      }),
    );
  }
  if (edit.validMin >= edit.validMax) {
    issues.push(
      issue("validMax", { zh: "取值上限应大于下限", en: "The upper bound must be above the lower bound" }),
    );
  }
  if (edit.yoyThreshold !== null && (edit.yoyThreshold <= 0 || edit.yoyThreshold > 1000)) {
    issues.push(
      issue("yoyThreshold", {
        zh: "同比提示阈值应大于 0 且不超过 1000，留空用默认值",
        en: "Year-on-year threshold: above 0 and at most 1000, or empty for the default",
      }),
    );
  }
  return issues;
}
