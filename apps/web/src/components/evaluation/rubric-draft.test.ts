import { checkRubric, defaultRubric, INDICATOR_CODES } from "@zones/domain";
import { describe, expect, it } from "vitest";

import { draftOf, rubricOf } from "./rubric-draft";

describe("the rubric editor's draft", () => {
  it("gives back the rubric it was made from, every rule kind included", () => {
    const rubric = defaultRubric(2025);
    expect(rubricOf(draftOf(rubric))).toEqual(rubric);
    expect(checkRubric(rubricOf(draftOf(rubric)), new Set(INDICATOR_CODES)).ok).toBe(true);
  });

  it("sends what is not a number as typed, for the server to refuse by its field", () => {
    const draft = draftOf(defaultRubric(2025));
    draft.excellent = "九十";
    draft.good = " ";
    const sent = rubricOf(draft) as { thresholds: Record<string, unknown> };
    expect(sent.thresholds).toEqual({ excellent: "九十", good: " ", pass: 60 });
    const check = checkRubric(sent, new Set(INDICATOR_CODES));
    expect(check.ok ? [] : check.issues.map((issue) => issue.path.join("."))).toEqual([
      "thresholds.excellent",
      "thresholds.good",
      "thresholds",
    ]);
  });
});
