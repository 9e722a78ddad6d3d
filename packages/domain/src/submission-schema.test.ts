import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { IndicatorCode } from "./indicators";
import { describeRuleIssue } from "./submission-messages";
import type { IndicatorContext, SubmissionDraft } from "./submission-rules";
import { NOTE_MAX_LENGTH } from "./submission-rules";
import type { SubmissionFormOptions } from "./submission-schema";
import { submissionFormSchema } from "./submission-schema";

const ctx = (partial: Partial<IndicatorContext>): IndicatorContext => ({
  previousQuarter: null,
  lastYear: null,
  history: null,
  ...partial,
});

function schema(options: Partial<SubmissionFormOptions> = {}) {
  return submissionFormSchema({ quarter: "2025Q2", context: {}, mode: "draft", locale: "zh-CN", ...options });
}

/** The issues of a failed parse as [path, message] pairs; fails the test if the parse succeeded. */
function issuesOf(parser: z.ZodType, input: unknown): Array<[string, string]> {
  const result = parser.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

describe("submissionFormSchema: output", () => {
  it("gives canonical values and trimmed notes, leaving blanks out", () => {
    const parsed = schema().parse({
      values: { gdp: " １，３００．５０ ", "gdp-growth": "5.3%", pm25: "", "urban-income": "\u3000" },
      notes: { gdp: "  初步核算数  ", pm25: "   ", "gdp-growth": "" },
    });
    expect(parsed).toEqual({ values: { gdp: "1300.5", "gdp-growth": "5.3" }, notes: { gdp: "初步核算数" } });
  });

  it("writes every line end of a note as LF: a lone CR would reach exports and readers as is", () => {
    const parsed = schema().parse({
      values: {},
      notes: { gdp: "初步核算\r\n待终核", "gdp-growth": "一\r二\n三" },
    });
    expect(parsed.notes).toEqual({ gdp: "初步核算\n待终核", "gdp-growth": "一\n二\n三" });
  });

  it("accepts an empty form as a draft", () => {
    expect(schema().parse({ values: {}, notes: {} })).toEqual({ values: {}, notes: {} });
  });

  it("has the documented input and output types", () => {
    const parser = schema();
    expectTypeOf<z.input<typeof parser>>().toEqualTypeOf<{
      values: Record<string, string>;
      notes: Record<string, string>;
    }>();
    expectTypeOf<z.output<typeof parser>["values"]>().toEqualTypeOf<Partial<Record<IndicatorCode, string>>>();
  });
});

describe("submissionFormSchema: keys", () => {
  it("refuses an unknown indicator, naming it", () => {
    expect(issuesOf(schema(), { values: { gpd: "1" }, notes: { foo: "x" } })).toEqual([
      ["values.gpd", "未知的指标代码“gpd”"],
      ["notes.foo", "未知的指标代码“foo”"],
    ]);
    expect(issuesOf(schema({ locale: "en" }), { values: { gpd: "1" }, notes: {} })).toEqual([
      ["values.gpd", 'unknown indicator code "gpd"'],
    ]);
  });

  it("refuses an annual indicator outside Q4, naming it and the quarter", () => {
    expect(issuesOf(schema(), { values: { "manufacturing-share": "28" }, notes: {} })).toEqual([
      [
        "values.manufacturing-share",
        "制造业增加值占GDP比重：年度指标只随第四季度填报，2025年第二季度不填此项",
      ],
    ]);
    expect(issuesOf(schema({ locale: "en" }), { values: {}, notes: { "manufacturing-share": "" } })).toEqual([
      [
        "notes.manufacturing-share",
        "Manufacturing share of GDP: an annual indicator is entered with Q4 only, not with Q2 2025",
      ],
    ]);
    expect(
      schema({ quarter: "2025Q4" }).parse({ values: { "manufacturing-share": "28" }, notes: {} }),
    ).toEqual({
      values: { "manufacturing-share": "28" },
      notes: {},
    });
  });

  it("refuses values that are not text", () => {
    const issues = issuesOf(schema({ locale: "en" }), { values: { gdp: 1300 }, notes: {} });
    expect(issues).toEqual([["values.gdp", "must be text, got number"]]);
    expect(issuesOf(schema(), null)).toEqual([["", "须包含 values 和 notes"]]);
  });

  it(`limits a note to ${NOTE_MAX_LENGTH} characters as a person counts them`, () => {
    expect(NOTE_MAX_LENGTH).toBe(500);
    const atLimit = { values: {}, notes: { gdp: "说".repeat(500), pm25: "😀".repeat(500) } };
    expect(schema().safeParse(atLimit).success).toBe(true);
    expect(schema().safeParse({ values: {}, notes: { gdp: ` ${"说".repeat(500)} ` } }).success).toBe(true);
    expect(issuesOf(schema(), { values: {}, notes: { gdp: "说".repeat(501) } })).toEqual([
      ["notes.gdp", "地区生产总值：说明最多 500 个字，现有 501 个字"],
    ]);
  });
});

describe("submissionFormSchema: rules", () => {
  const context: SubmissionDraft["context"] = { gdp: ctx({ previousQuarter: 1300, lastYear: 1000 }) };

  it("reports hard issues at the value, with the rule's message in the locale", () => {
    const input = { values: { gdp: "1200", pm25: "35亿" }, notes: {} };
    expect(issuesOf(schema({ context }), input)).toEqual([
      [
        "values.gdp",
        "地区生产总值：累计值 1,200.00 亿元低于上季度累计 1,300.00 亿元（同一年内累计值不能下降）",
      ],
      [
        "values.pm25",
        describeRuleIssue(
          {
            indicatorCode: "pm25",
            rule: "not-a-number",
            severity: "hard",
            params: { input: "35亿" },
            explained: false,
          },
          "zh-CN",
        ),
      ],
    ]);
    const [[, en] = ["", ""]] = issuesOf(schema({ context, locale: "en" }), {
      values: { gdp: "1200" },
      notes: {},
    });
    expect(en).toBe(
      "GDP (current prices): year-to-date value 1,200.00 is below last quarter's 1,300.00 (a year-to-date figure cannot fall within a year)",
    );
  });

  it("blocks a hard issue even when a note is given", () => {
    const issues = issuesOf(schema({ context }), { values: { gdp: "1200" }, notes: { gdp: "原因" } });
    expect(issues.map(([path]) => path)).toEqual(["values.gdp"]);
  });

  it("asks for every applicable value when submitting", () => {
    const issues = issuesOf(schema({ mode: "submit" }), { values: { gdp: "1300" }, notes: {} });
    expect(issues).toHaveLength(16);
    expect(issues[0]).toEqual(["values.gdp-growth", "地区生产总值增速：提交前必须填写数值"]);
    expect(issues.map(([path]) => path)).not.toContain("values.gdp");
  });

  describe("soft issues", () => {
    const values = { gdp: "1400" }; // 40 % above last year
    const submit = (notes: Record<string, string>) =>
      schema({ context, mode: "submit" }).safeParse({ values, notes }).error?.issues ?? [];

    it("asks for an explanation at the note when submitting", () => {
      const gdpIssues = submit({}).filter((issue) => issue.path.at(-1) === "gdp");
      expect(gdpIssues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
        [
          "notes.gdp",
          "地区生产总值：1,400.00 亿元比上年同期 1,000.00 亿元增长 40.0%，变动超过 30%，请核实数值或填写说明",
        ],
      ]);
    });

    it("lets an explained soft issue through", () => {
      expect(submit({ gdp: "新能源项目集中投产" }).filter((issue) => issue.path.at(-1) === "gdp")).toEqual(
        [],
      );
      expect(submit({ gdp: "  " }).filter((issue) => issue.path.at(-1) === "gdp")).toHaveLength(1);
    });

    it("does not hold back a draft", () => {
      expect(schema({ context, mode: "draft" }).parse({ values, notes: {} })).toEqual({
        values: { gdp: "1400" },
        notes: {},
      });
    });
  });

  it("throws when made with a malformed quarter", () => {
    expect(() => schema({ quarter: "2025Q9" as SubmissionFormOptions["quarter"] })).toThrow(RangeError);
  });
});
