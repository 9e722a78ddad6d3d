import { describe, expect, it } from "vitest";
import type { FormLock, SubmissionAction, TransitionRefusal } from "./workflow";
import { describeFormLock, describeRefusal } from "./workflow-messages";

const ACTIONS: readonly SubmissionAction[] = ["save", "submit", "approve", "return", "revise"];
const REFUSALS: readonly TransitionRefusal[] = [
  "role",
  "not-your-zone",
  "period-not-open",
  "period-closed",
  "already-submitted",
  "already-approved",
  "not-submitted",
  "not-approved",
  "nothing-entered",
];
const LOCKS: readonly Exclude<FormLock, null>[] = [
  "approved",
  "submitted",
  "period-closed",
  "period-not-open",
  "read-only-role",
];

const HAN = /\p{Script=Han}/u;

describe("describeRefusal", () => {
  it("says what happened in each language", () => {
    expect(describeRefusal("already-approved", "submit", "zh-CN")).toBe("该季度数据已审核通过，不能再提交。");
    expect(describeRefusal("already-approved", "submit", "en")).toBe(
      "This submission is already approved; it cannot be submitted again.",
    );
  });

  it("names the action that was refused", () => {
    expect(describeRefusal("not-submitted", "approve", "zh-CN")).toBe(
      "该季度数据尚未提交，不能审核通过该季度数据。",
    );
    expect(describeRefusal("not-submitted", "return", "zh-CN")).toBe(
      "该季度数据尚未提交，不能退回该季度数据。",
    );
    expect(describeRefusal("not-submitted", "return", "en")).toBe(
      "This submission has not been submitted yet, so you cannot return this quarter's figures.",
    );
    expect(describeRefusal("period-closed", "save", "en")).toContain("save this quarter's figures");
    expect(describeRefusal("period-closed", "submit", "zh-CN")).toContain("不能再提交该季度数据");
  });

  it("names who may do it when the role is wrong", () => {
    expect(describeRefusal("role", "approve", "zh-CN")).toBe("只有审核人员或管理员才能审核通过该季度数据。");
    expect(describeRefusal("role", "save", "zh-CN")).toBe(
      "只有本示范区的填报人员或管理员才能保存该季度数据。",
    );
    expect(describeRefusal("role", "return", "en")).toBe(
      "Only a reviewer or an administrator can return this quarter's figures.",
    );
    expect(describeRefusal("role", "revise", "en")).toBe(
      "Only the zone's officials or an administrator can reopen this quarter's figures for revision.",
    );
    expect(describeRefusal("not-your-zone", "submit", "en")).toBe(
      "You are not an official of this zone, so you cannot submit this quarter's figures.",
    );
  });

  it("points to the way forward where there is one", () => {
    expect(describeRefusal("already-approved", "save", "zh-CN")).toContain("请发起修订");
    expect(describeRefusal("already-approved", "save", "en")).toContain("start a revision");
    expect(describeRefusal("already-submitted", "save", "zh-CN")).toContain("退回");
    expect(describeRefusal("already-submitted", "submit", "en")).toContain("cannot be submitted again");
    expect(describeRefusal("period-closed", "save", "zh-CN")).toContain("联系管理员");
    expect(describeRefusal("nothing-entered", "submit", "zh-CN")).toBe("该季度尚未填报任何数据，不能提交。");
    expect(describeRefusal("not-approved", "revise", "en")).toContain("only approved figures");
  });

  it("gives a Chinese and an English sentence for every refusal and action", () => {
    for (const refusal of REFUSALS) {
      for (const action of ACTIONS) {
        const zh = describeRefusal(refusal, action, "zh-CN");
        const en = describeRefusal(refusal, action, "en");
        expect(zh).toMatch(HAN);
        expect(zh).toMatch(/。$/);
        expect(en).not.toMatch(HAN);
        expect(en).toMatch(/^[A-Z].*\.$/);
      }
    }
  });

  it("tells refusals apart", () => {
    for (const action of ACTIONS) {
      const sentences = new Set(REFUSALS.map((refusal) => describeRefusal(refusal, action, "en")));
      expect(sentences.size).toBe(REFUSALS.length);
    }
  });
});

describe("describeFormLock", () => {
  it("says why the form is read-only", () => {
    expect(describeFormLock("approved", "zh-CN")).toBe(
      "该季度数据已审核通过，不能直接修改；如需更正，请发起修订。",
    );
    expect(describeFormLock("read-only-role", "en")).toBe(
      "You can view this zone's figures but not enter or change them.",
    );
    expect(describeFormLock("period-closed", "en")).toContain("has closed");
    expect(describeFormLock("period-not-open", "zh-CN")).toContain("尚未开始");
    expect(describeFormLock("submitted", "zh-CN")).toContain("等待审核");
  });

  it("gives distinct sentences in both languages for every lock", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const sentences = LOCKS.map((lock) => describeFormLock(lock, locale));
      expect(new Set(sentences).size).toBe(LOCKS.length);
      for (const sentence of sentences) expect(HAN.test(sentence)).toBe(locale === "zh-CN");
    }
  });
});
