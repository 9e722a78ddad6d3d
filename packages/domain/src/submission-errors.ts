import type { DraftSave } from "./draft-save";
import { INDICATORS } from "./indicators";
import type { QuarterString } from "./quarter";
import { describeRuleIssue } from "./submission-messages";
import type { Indicator, LocalizedText } from "./types";
import type { SubmissionAction, TransitionRefusal } from "./workflow";
import { refusalText } from "./workflow-messages";
import { PHRASED_KEY, phrased, ZonesError } from "./zones-error";

/** Refusals that are about who the caller is, rather than where the submission stands. */
const RIGHTS_REFUSALS: ReadonlySet<TransitionRefusal> = new Set(["role", "not-your-zone"]);

/** A save or step named a version that is no longer the newest: someone else saved meanwhile. */
export function staleVersion(baseVersion: number, currentVersion: number): ZonesError {
  return new ZonesError("conflict", {
    key: "submission.stale",
    params: { baseVersion, currentVersion },
  });
}

/** The workflow does not allow the action from where the submission stands (see `checkTransition`). */
export function refusedTransition(action: SubmissionAction, refusal: TransitionRefusal): ZonesError {
  // The sentence is the workflow's own; the action and refusal stay readable for callers and tests.
  return new ZonesError(RIGHTS_REFUSALS.has(refusal) ? "forbidden" : "conflict", {
    key: PHRASED_KEY,
    params: { text: refusalText(refusal, action), action, refusal },
  });
}

/**
 * Why a draft save is refused as a whole, or null when it may be written: codes that are not part of the
 * quarter's form, or values that cannot be stored as typed (each named beside its field).
 */
export function draftRefusal(
  quarter: QuarterString,
  save: DraftSave,
  indicators: readonly Indicator[] = INDICATORS,
): ZonesError | null {
  if (save.unknown.length > 0) {
    return new ZonesError("invalid", {
      key: "submission.notInForm",
      params: { codes: { zh: save.unknown.join("、"), en: save.unknown.join(", ") }, quarter },
    });
  }
  if (save.refused.length === 0) return null;
  const texts = save.refused.map(
    (issue): LocalizedText => ({
      zh: describeRuleIssue(issue, "zh-CN", indicators),
      en: describeRuleIssue(issue, "en", indicators),
    }),
  );
  return new ZonesError(
    "invalid",
    phrased({ zh: texts.map((text) => text.zh).join("; "), en: texts.map((text) => text.en).join("; ") }),
    {
      issues: save.refused.map((issue, i) => ({
        path: ["values", issue.indicatorCode],
        message: phrased(texts[i] ?? ""),
      })),
    },
  );
}
