import { checkSubmission, type IndicatorCode, type RuleIssue, type SubmissionDraft } from "@zones/domain";

/** Rules a draft save enforces: a value the database cannot hold as typed. The rest block submitting only. */
const FIELD_RULES = new Set<RuleIssue["rule"]>(["not-a-number", "ambiguous-separator", "range", "decimals"]);

/** The field-level hard issues of the typed values (blank ones excluded), checked against the form's context. */
export function fieldIssues(
  draft: SubmissionDraft,
  typed: Partial<Record<IndicatorCode, string>>,
): RuleIssue[] {
  return checkSubmission({ ...draft, values: typed, notes: {} }, "draft").filter(
    (issue) => FIELD_RULES.has(issue.rule) && typed[issue.indicatorCode] !== undefined,
  );
}
