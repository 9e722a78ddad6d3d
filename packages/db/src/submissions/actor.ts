import type { Actor } from "@zones/domain";

/** Who acts on a submission: the workflow actor plus the user id the audit log records. */
export interface SubmissionActor extends Actor {
  id: string;
}
