import type { SubmissionStatus } from "@zones/domain";

/** Where a zone's submission for a quarter stands, as the screens show it; `none` = nothing entered yet. */
export type SubmissionState = SubmissionStatus | "none";
