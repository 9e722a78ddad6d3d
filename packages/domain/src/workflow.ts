import { canAdminister, canEnterData, canReview, type Role } from "./access-policy";

/**
 * The submission state machine: who may do what to one zone × quarter, and when. Shared by the form
 * (which buttons to show, why it is read-only) and the server (which requests to refuse), so both agree.
 */

export const SUBMISSION_STATUSES = ["draft", "submitted", "returned", "approved"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** Submission states that may leave the system in an export; drafts and returned data never do. */
export const EXPORTABLE_STATUSES = ["approved", "submitted"] as const satisfies readonly SubmissionStatus[];
export type ExportableStatus = (typeof EXPORTABLE_STATUSES)[number];

/** A quarter's reporting period: not yet open for entry, open, or closed (revisions only). */
export const PERIOD_STATUSES = ["not_open", "open", "closed"] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

/** `revise` reopens approved figures with a reason, e.g. preliminary → final GDP. */
export type SubmissionAction = "save" | "submit" | "approve" | "return" | "revise";

export interface SubmissionState {
  /** null = nothing entered yet for this zone × quarter */
  status: SubmissionStatus | null;
  periodStatus: PeriodStatus;
  /** a revision of approved data is in progress (revision > 0 and not approved again) */
  inRevision: boolean;
}

/**
 * The state of a stored submission and its period: the one rule for `inRevision` (a revision of approved
 * data is in progress until it is approved again). No submission yet: null; no period: not open.
 */
export function submissionState(
  submission: { status: SubmissionStatus; revision: number } | null,
  period: { status: PeriodStatus } | null,
): SubmissionState {
  return {
    status: submission?.status ?? null,
    periodStatus: period?.status ?? "not_open",
    inRevision: submission !== null && submission.revision > 0 && submission.status !== "approved",
  };
}

export interface Actor {
  role: Role;
  /** bound to this zone (officials) */
  ownsZone: boolean;
}

export type TransitionRefusal =
  | "role"
  | "not-your-zone"
  | "period-not-open"
  | "period-closed"
  | "already-submitted"
  | "already-approved"
  | "not-submitted"
  | "not-approved"
  | "nothing-entered";

export type TransitionResult =
  | { ok: true; next: SubmissionStatus }
  | { ok: false; refusal: TransitionRefusal };

/** Why the entry form is read-only for this actor, or null if editable. */
export type FormLock =
  | "approved"
  | "submitted"
  | "period-closed"
  | "period-not-open"
  | "read-only-role"
  | null;

/** Actions that change the figures: the zone's own officials and admins. The rest are review actions. */
const WRITE_ACTIONS: ReadonlySet<SubmissionAction> = new Set(["save", "submit", "revise"]);

function refuse(refusal: TransitionRefusal): TransitionResult {
  return { ok: false, refusal };
}

function roleRefusal(action: SubmissionAction, actor: Actor): TransitionRefusal | null {
  if (WRITE_ACTIONS.has(action)) {
    if (canAdminister(actor)) return null;
    if (!canEnterData(actor)) return "role";
    return actor.ownsZone ? null : "not-your-zone";
  }
  // Reviewers look at every zone, so there is no zone check for approve and return.
  return canReview(actor) ? null : "role";
}

/** Next status if the action fits the current one, else why not. */
function statusStep(action: SubmissionAction, status: SubmissionStatus | null): TransitionResult {
  switch (action) {
    case "save":
      if (status === "submitted") return refuse("already-submitted");
      if (status === "approved") return refuse("already-approved");
      // Editing a returned submission makes it a draft again.
      return { ok: true, next: "draft" };
    case "submit":
      if (status === null) return refuse("nothing-entered");
      if (status === "submitted") return refuse("already-submitted");
      if (status === "approved") return refuse("already-approved");
      return { ok: true, next: "submitted" };
    case "approve":
    case "return":
      if (status === "approved") return refuse("already-approved");
      if (status !== "submitted") return refuse("not-submitted");
      return { ok: true, next: action === "approve" ? "approved" : "returned" };
    case "revise":
      return status === "approved" ? { ok: true, next: "draft" } : refuse("not-approved");
  }
}

/**
 * Whether the period allows the action. Save and submit need an open period, except during a revision:
 * old quarters are revised after their period closed. Nothing is entered before a period opens, not even
 * a revision. Reviews ignore the period, so late submissions can still be approved or returned.
 */
function periodRefusal(action: SubmissionAction, state: SubmissionState): TransitionRefusal | null {
  if (action === "approve" || action === "return") return null;
  if (state.periodStatus === "not_open") return "period-not-open";
  if (state.periodStatus === "closed" && action !== "revise" && !state.inRevision) return "period-closed";
  return null;
}

/** Checks role first, then zone, then status, then period, and gives the first refusal. */
export function checkTransition(
  action: SubmissionAction,
  state: SubmissionState,
  actor: Actor,
): TransitionResult {
  const role = roleRefusal(action, actor);
  if (role) return refuse(role);
  const step = statusStep(action, state.status);
  if (!step.ok) return step;
  const period = periodRefusal(action, state);
  return period ? refuse(period) : step;
}

/** Why the entry form is read-only for this actor, or null if a `save` would be allowed. */
export function formLock(state: SubmissionState, actor: Actor): FormLock {
  const result = checkTransition("save", state, actor);
  if (result.ok) return null;
  switch (result.refusal) {
    case "role":
    case "not-your-zone":
      return "read-only-role";
    case "already-approved":
      return "approved";
    case "already-submitted":
      return "submitted";
    case "period-closed":
      return "period-closed";
    case "period-not-open":
      return "period-not-open";
    default:
      throw new Error(`formLock: unexpected refusal ${result.refusal} for save`);
  }
}
