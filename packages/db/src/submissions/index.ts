export type { SubmissionActor } from "./actor";
export {
  type FormIndicatorRow,
  findSubmission,
  loadSubmissionForm,
  type SubmissionForm,
  type SubmissionRecord,
} from "./form";
export {
  type CompletenessCell,
  type CompletenessPeriod,
  type CompletenessState,
  completenessGrid,
  type HistoryEntry,
  lastSubmittedSnapshots,
  type ReviewQueueParams,
  type ReviewQueueRow,
  reviewQueue,
  type SubmittedSnapshot,
  valueHistory,
} from "./review";
export { type SaveDraftParams, type SaveDraftResult, saveSubmissionDraft } from "./save-draft";
export { storedValues } from "./stored-values";
export {
  type StatusAction,
  type TransitionParams,
  type TransitionResult,
  transitionSubmission,
} from "./transitions";
