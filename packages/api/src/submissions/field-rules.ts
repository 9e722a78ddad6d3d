import { checkSubmission, type IndicatorCode, type QuarterString, type RuleIssue } from "@zones/domain";

/** Rules a draft save enforces: a value the database cannot hold as typed. The rest block submitting only. */
const FIELD_RULES = new Set<RuleIssue["rule"]>(["not-a-number", "ambiguous-separator", "range", "decimals"]);

/**
 * The field-level hard issues of the typed values (blank ones excluded). They need no comparison values,
 * so a save checks them without reading the zone's history.
 */
export function fieldIssues(
  quarter: QuarterString,
  typed: Partial<Record<IndicatorCode, string>>,
): RuleIssue[] {
  return checkSubmission({ quarter, values: typed, notes: {}, context: {} }, "draft").filter(
    (issue) => FIELD_RULES.has(issue.rule) && typed[issue.indicatorCode] !== undefined,
  );
}
