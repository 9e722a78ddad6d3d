import type { SubmissionAction, TransitionRefusal } from "@zones/domain";

/** A save or transition named a version that is no longer the newest: someone else saved meanwhile. */
export class SubmissionConflictError extends Error {
  constructor(
    readonly baseVersion: number,
    readonly currentVersion: number,
  ) {
    super(`version ${baseVersion} is stale: the submission is at version ${currentVersion}`);
    this.name = "SubmissionConflictError";
  }
}

/** The workflow does not allow the action from where the submission stands (see `checkTransition`). */
export class TransitionRefusedError extends Error {
  constructor(
    readonly action: SubmissionAction,
    readonly refusal: TransitionRefusal,
  ) {
    super(`${action} refused: ${refusal}`);
    this.name = "TransitionRefusedError";
  }
}
