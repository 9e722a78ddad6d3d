import { describe, expect, it } from "vitest";
import type { Role } from "./access-policy";
import type {
  Actor,
  PeriodStatus,
  SubmissionAction,
  SubmissionState,
  SubmissionStatus,
  TransitionResult,
} from "./workflow";
import { checkTransition, formLock, SUBMISSION_STATUSES } from "./workflow";

const official: Actor = { role: "official", ownsZone: true };
const foreignOfficial: Actor = { role: "official", ownsZone: false };
const reviewer: Actor = { role: "reviewer", ownsZone: false };
const admin: Actor = { role: "admin", ownsZone: false };
const viewer: Actor = { role: "viewer", ownsZone: false };

const STATUSES: readonly (SubmissionStatus | null)[] = [null, ...SUBMISSION_STATUSES];
const PERIODS: readonly PeriodStatus[] = ["not_open", "open", "closed"];
const ACTIONS: readonly SubmissionAction[] = ["save", "submit", "approve", "return", "revise"];
const ROLES: readonly Role[] = ["viewer", "official", "reviewer", "admin"];

function state(
  status: SubmissionStatus | null,
  periodStatus: PeriodStatus = "open",
  inRevision = false,
): SubmissionState {
  return { status, periodStatus, inRevision };
}

const ok = (next: SubmissionStatus): TransitionResult => ({ ok: true, next });
const no = (refusal: string): TransitionResult => ({ ok: false, refusal }) as TransitionResult;

describe("SUBMISSION_STATUSES", () => {
  it("lists the four statuses", () => {
    expect([...SUBMISSION_STATUSES]).toEqual(["draft", "submitted", "returned", "approved"]);
  });
});

describe("checkTransition: save", () => {
  it.each([
    [null, ok("draft")],
    ["draft", ok("draft")],
    ["returned", ok("draft")],
    ["submitted", no("already-submitted")],
    ["approved", no("already-approved")],
  ] as const)("from %s in an open period", (status, expected) => {
    expect(checkTransition("save", state(status), official)).toEqual(expected);
    expect(checkTransition("save", state(status), admin)).toEqual(expected);
  });
});

describe("checkTransition: submit", () => {
  it.each([
    [null, no("nothing-entered")],
    ["draft", ok("submitted")],
    ["returned", ok("submitted")],
    ["submitted", no("already-submitted")],
    ["approved", no("already-approved")],
  ] as const)("from %s in an open period", (status, expected) => {
    expect(checkTransition("submit", state(status), official)).toEqual(expected);
    expect(checkTransition("submit", state(status), admin)).toEqual(expected);
  });
});

describe("checkTransition: approve and return", () => {
  it.each([
    [null, no("not-submitted"), no("not-submitted")],
    ["draft", no("not-submitted"), no("not-submitted")],
    ["returned", no("not-submitted"), no("not-submitted")],
    ["submitted", ok("approved"), ok("returned")],
    ["approved", no("already-approved"), no("already-approved")],
  ] as const)("from %s", (status, approve, back) => {
    for (const actor of [reviewer, admin]) {
      expect(checkTransition("approve", state(status), actor)).toEqual(approve);
      expect(checkTransition("return", state(status), actor)).toEqual(back);
    }
  });

  it("ignores the period", () => {
    for (const period of PERIODS) {
      expect(checkTransition("approve", state("submitted", period), reviewer)).toEqual(ok("approved"));
      expect(checkTransition("return", state("submitted", period), reviewer)).toEqual(ok("returned"));
    }
  });

  it("does not ask reviewers to own the zone", () => {
    expect(checkTransition("approve", state("submitted"), { role: "reviewer", ownsZone: false })).toEqual(
      ok("approved"),
    );
  });
});

describe("checkTransition: revise", () => {
  it.each([
    [null, no("not-approved")],
    ["draft", no("not-approved")],
    ["submitted", no("not-approved")],
    ["returned", no("not-approved")],
    ["approved", ok("draft")],
  ] as const)("from %s", (status, expected) => {
    expect(checkTransition("revise", state(status), official)).toEqual(expected);
    expect(checkTransition("revise", state(status), admin)).toEqual(expected);
  });

  it("is allowed after the period closed, but not before it opened", () => {
    expect(checkTransition("revise", state("approved", "closed"), official)).toEqual(ok("draft"));
    expect(checkTransition("revise", state("approved", "not_open"), official)).toEqual(no("period-not-open"));
  });
});

describe("checkTransition: roles", () => {
  it("lets only the zone's officials and admins write", () => {
    for (const action of ["save", "submit", "revise"] as const) {
      expect(checkTransition(action, state("approved"), viewer)).toEqual(no("role"));
      expect(checkTransition(action, state("approved"), reviewer)).toEqual(no("role"));
      expect(checkTransition(action, state("approved"), foreignOfficial)).toEqual(no("not-your-zone"));
    }
  });

  it("lets only reviewers and admins review", () => {
    for (const action of ["approve", "return"] as const) {
      expect(checkTransition(action, state("submitted"), viewer)).toEqual(no("role"));
      expect(checkTransition(action, state("submitted"), official)).toEqual(no("role"));
      expect(checkTransition(action, state("submitted"), foreignOfficial)).toEqual(no("role"));
    }
  });

  it("does not ask admins to own the zone", () => {
    expect(checkTransition("save", state(null), { role: "admin", ownsZone: false })).toEqual(ok("draft"));
  });
});

describe("checkTransition: period", () => {
  it.each([
    ["save", "draft"],
    ["submit", "draft"],
  ] as const)("%s needs an open period", (action, status) => {
    expect(checkTransition(action, state(status, "not_open"), official)).toEqual(no("period-not-open"));
    expect(checkTransition(action, state(status, "closed"), official)).toEqual(no("period-closed"));
    expect(checkTransition(action, state(status, "closed"), admin)).toEqual(no("period-closed"));
  });

  it("lets a revision be saved and submitted after the period closed", () => {
    expect(checkTransition("save", state("draft", "closed", true), official)).toEqual(ok("draft"));
    expect(checkTransition("save", state("returned", "closed", true), official)).toEqual(ok("draft"));
    expect(checkTransition("submit", state("draft", "closed", true), official)).toEqual(ok("submitted"));
  });

  it("keeps a revision shut while the period is not open", () => {
    expect(checkTransition("save", state("draft", "not_open", true), official)).toEqual(
      no("period-not-open"),
    );
    expect(checkTransition("submit", state("draft", "not_open", true), official)).toEqual(
      no("period-not-open"),
    );
  });
});

describe("checkTransition: check order", () => {
  it("checks the role before the zone, the status and the period", () => {
    expect(checkTransition("submit", state(null, "closed"), viewer)).toEqual(no("role"));
    expect(checkTransition("approve", state("draft", "closed"), official)).toEqual(no("role"));
  });

  it("checks the zone before the status and the period", () => {
    expect(checkTransition("submit", state(null, "not_open"), foreignOfficial)).toEqual(no("not-your-zone"));
  });

  it("checks the status before the period", () => {
    expect(checkTransition("save", state("approved", "closed"), official)).toEqual(no("already-approved"));
    expect(checkTransition("submit", state("submitted", "not_open"), official)).toEqual(
      no("already-submitted"),
    );
    expect(checkTransition("submit", state(null, "closed"), official)).toEqual(no("nothing-entered"));
    expect(checkTransition("revise", state("draft", "not_open"), official)).toEqual(no("not-approved"));
  });

  it("allows nothing to viewers, whatever the state", () => {
    for (const action of ACTIONS) {
      for (const status of STATUSES) {
        for (const period of PERIODS) {
          for (const inRevision of [false, true]) {
            expect(checkTransition(action, state(status, period, inRevision), viewer)).toEqual(no("role"));
          }
        }
      }
    }
  });
});

describe("formLock", () => {
  it("is null exactly when a save would be allowed", () => {
    for (const role of ROLES) {
      for (const ownsZone of [false, true]) {
        for (const status of STATUSES) {
          for (const period of PERIODS) {
            for (const inRevision of [false, true]) {
              const s = state(status, period, inRevision);
              const actor = { role, ownsZone };
              expect(formLock(s, actor) === null).toBe(checkTransition("save", s, actor).ok);
            }
          }
        }
      }
    }
  });

  it("says why the form is read-only", () => {
    expect(formLock(state("draft"), official)).toBeNull();
    expect(formLock(state(null), admin)).toBeNull();
    expect(formLock(state("returned"), official)).toBeNull();
    expect(formLock(state("draft"), viewer)).toBe("read-only-role");
    expect(formLock(state("draft"), reviewer)).toBe("read-only-role");
    expect(formLock(state("draft"), foreignOfficial)).toBe("read-only-role");
    expect(formLock(state("approved"), official)).toBe("approved");
    expect(formLock(state("submitted"), official)).toBe("submitted");
    expect(formLock(state("draft", "closed"), official)).toBe("period-closed");
    expect(formLock(state(null, "not_open"), official)).toBe("period-not-open");
    expect(formLock(state("draft", "closed", true), official)).toBeNull();
  });

  it("names the status before the period, and the role before both", () => {
    expect(formLock(state("approved", "closed"), official)).toBe("approved");
    expect(formLock(state("submitted", "not_open"), official)).toBe("submitted");
    expect(formLock(state("approved", "closed"), viewer)).toBe("read-only-role");
  });
});
