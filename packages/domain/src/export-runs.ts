/**
 * A background export's states. `queued` also covers a run waiting for its next attempt after a failed one;
 * `failed` is final (every attempt used, or a refusal no retry can cure); `cancelled` by its requester.
 */
export const EXPORT_RUN_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type ExportRunStatus = (typeof EXPORT_RUN_STATUSES)[number];
