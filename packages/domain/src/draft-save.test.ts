import { describe, expect, it } from "vitest";

import { draftSave } from "./draft-save";
import { draftRefusal, refusedTransition, staleVersion } from "./submission-errors";
import { submissionState } from "./workflow";
import { ZonesError } from "./zones-error";

describe("draftSave", () => {
  it("stores exact decimal text, clears blank values and notes, and trims notes", () => {
    const save = draftSave("2026Q3", {
      values: { gdp: " 1,234.50 ", "gdp-growth": "  " },
      notes: { gdp: "  含新并入县区 ", "gdp-growth": " " },
    });
    expect(save).toEqual({
      values: { gdp: "1234.5", "gdp-growth": null },
      notes: { gdp: "含新并入县区", "gdp-growth": null },
      unknown: [],
      refused: [],
    });
    expect(draftRefusal("2026Q3", save)).toBeNull();
  });

  it("lists codes outside the quarter's form, and refuses the save naming them", () => {
    const save = draftSave("2026Q3", {
      values: { gdp: "1", "manufacturing-share": "30" },
      notes: { nope: "x" },
    });
    expect(save.unknown).toEqual(["manufacturing-share", "nope"]);
    expect(draftRefusal("2026Q3", save)).toMatchObject({
      code: "invalid",
      key: "submission.notInForm",
      params: {
        codes: { zh: "manufacturing-share、nope", en: "manufacturing-share, nope" },
        quarter: "2026Q3",
      },
    });
    expect(draftSave("2026Q4", { values: { "manufacturing-share": "30" }, notes: {} }).unknown).toEqual([]);
  });

  it("refuses values the database cannot hold as typed, each beside its field", () => {
    const save = draftSave("2026Q3", { values: { gdp: "12,5", "gdp-growth": "abc" }, notes: {} });
    expect(save.refused.map((issue) => [issue.indicatorCode, issue.rule])).toEqual([
      ["gdp", "ambiguous-separator"],
      ["gdp-growth", "not-a-number"],
    ]);
    const refusal = draftRefusal("2026Q3", save);
    expect(refusal?.issues.map((issue) => issue.path)).toEqual([
      ["values", "gdp"],
      ["values", "gdp-growth"],
    ]);
    expect(refusal?.message).toContain("; ");
  });
});

describe("submissionState", () => {
  it("decides inRevision once: a revision is in progress until it is approved again", () => {
    const open = { status: "open" as const };
    expect(submissionState(null, null)).toEqual({
      status: null,
      periodStatus: "not_open",
      inRevision: false,
    });
    expect(submissionState({ status: "draft", revision: 0 }, open).inRevision).toBe(false);
    expect(submissionState({ status: "draft", revision: 1 }, open).inRevision).toBe(true);
    expect(submissionState({ status: "submitted", revision: 2 }, open).inRevision).toBe(true);
    expect(submissionState({ status: "approved", revision: 1 }, open).inRevision).toBe(false);
  });
});

describe("submission refusals", () => {
  it("are ZonesErrors: stale versions conflict, rights are forbidden, the rest conflict", () => {
    expect(staleVersion(1, 2)).toMatchObject({
      code: "conflict",
      params: { baseVersion: 1, currentVersion: 2 },
    });
    expect(refusedTransition("save", "role")).toMatchObject({
      code: "forbidden",
      params: { refusal: "role" },
    });
    expect(refusedTransition("save", "not-your-zone").code).toBe("forbidden");
    expect(refusedTransition("submit", "period-closed").code).toBe("conflict");
    expect(refusedTransition("approve", "not-submitted")).toBeInstanceOf(ZonesError);
  });
});
