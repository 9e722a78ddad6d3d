export {
  canAdjustEvaluation,
  canAdminister,
  canDefineEvaluation,
  canEnterData,
  canImportCityValues,
  canManageExportsOf,
  canManageTargets,
  canOwnExportSchedules,
  canReadBulletin,
  canReadZoneDrafts,
  canReview,
  canSeeSubmitted,
  canSeeUnpublishedEvaluation,
  canWriteZone,
  followedZones,
  followsAnyZone,
  isBoundToZones,
  isToldOf,
  isZoneOfficial,
  type Principal,
  ROLES,
  type Role,
  TWO_FACTOR_REQUIRABLE_ROLES,
  toRole,
  writableZones,
  zonesRefusedForSubmitted,
} from "./access-policy";
export {
  BULLETIN_MAX_REVISIONS,
  BULLETIN_PAGE_NUMBERS,
  BULLETIN_TREND_QUARTERS,
  BULLETIN_TRIGGERS,
  type BulletinTrigger,
  isBulletinQuarter,
} from "./bulletin";
export {
  type Catalogue,
  catalogueIndicator,
  catalogueZone,
  indicatorInForce,
  indicatorInForceInYear,
  indicatorsInForceIn,
  zoneReportsIn,
  zonesReportingIn,
} from "./catalogue";
export {
  checkIndicatorEdit,
  checkZoneEdit,
  type IndicatorEdit,
  MAX_MEMBER_CITIES,
  type NewIndicator,
  ZIndicatorEditSchema,
  ZNewIndicatorSchema,
  type ZoneEdit,
  ZZoneEditSchema,
} from "./catalogue-edits";
export { INDICATOR_CODE_PATTERN, ZONE_CODE_PATTERN } from "./code-patterns";
export { hasAtMostDecimals, roundTo, sumDecimals } from "./decimal";
export { deepFreeze } from "./deep-freeze";
export { type DraftSave, draftSave, fieldIssues } from "./draft-save";
export type { EnteredNumberError, ParsedEnteredNumber } from "./entered-number";
export { parseEnteredNumber } from "./entered-number";
export {
  ADJUSTMENT_REASON_LENGTH,
  CITY_RATINGS_SINCE,
  DEFAULT_RATING_THRESHOLDS,
  EVALUATION_RATINGS,
  EVALUATION_SOURCES,
  EVALUATION_STATES,
  EVALUATION_YEARS,
  type EvaluationRating,
  type EvaluationSource,
  type EvaluationState,
  FOUR_DIMENSIONS_SINCE,
  finalScore,
  fullYearQuarter,
  MAX_ADJUSTMENT_POINTS,
  POOR_YEARS_LOSES_STATUS,
  POOR_YEARS_WARNING,
  type RatingThresholds,
  RUBRIC_LIMITS,
  RUBRIC_STATES,
  type Rubric,
  type RubricDimension,
  type RubricItem,
  type RubricState,
  ratingOf,
  SCORE_DECIMALS,
  SCORING_RULE_KINDS,
  type ScoringRule,
  type ScoringRuleKind,
  type StatusWarning,
  scoreUnits,
  scoreValue,
  statusWarning,
  type UnitScore,
  type YearValues,
} from "./evaluation";
export {
  checkAdjustment,
  checkEvaluationYear,
  checkRubric,
  type FieldCheck,
  joinIssues,
  type RubricCheck,
  type RubricIssue,
} from "./evaluation-rubric";
export { defaultRubric, PUBLISHED_RATINGS } from "./evaluation-template";
export {
  DEFAULT_LINK_DAYS,
  DEFAULT_MAIL_ATTACHMENT_MAX_MB,
  EXPORT_DELIVERY_CHANNELS,
  EXPORT_DELIVERY_MODES,
  EXPORT_DELIVERY_STATUSES,
  type ExportDeliveryChannel,
  type ExportDeliveryMode,
  type ExportDeliveryStatus,
  MAIL_DOMAIN_PATTERN,
  MAX_ALLOWED_MAIL_DOMAINS,
  MAX_LINK_DAYS,
  MAX_SCHEDULE_ACCOUNTS,
  MAX_SCHEDULE_ADDRESSES,
  MAX_SCHEDULE_WEBHOOKS,
  MAX_WEBHOOK_SECRET_LENGTH,
  MAX_WEBHOOK_URL_LENGTH,
  MIN_WEBHOOK_SECRET_LENGTH,
  mailDomainOf,
  WEBHOOK_ANSWER_MAX_CHARS,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
} from "./export-delivery";
export { EXPORT_RUN_STATUSES, type ExportRunStatus } from "./export-runs";
export type { NumberFormatOptions } from "./format";
export {
  formatChange,
  formatCompact,
  formatNumber,
  formatQuarterLabel,
  formatValue,
  formatYtdLabel,
  localized,
  MISSING,
} from "./format";
export {
  FORMULA_TRIGGER_CHARACTERS,
  isNumericText,
  neutraliseFormula,
  neutraliseFormulaUnlessNumeric,
  restoreFormulaText,
  startsLikeFormula,
} from "./formula-injection";
export type { BuiltInIndicatorCode, IndicatorCode, ThemeIndicators, YtdKind } from "./indicators";
export {
  appliesToQuarter,
  findIndicator,
  getIndicator,
  INDICATOR_CODES,
  INDICATORS,
  indicatorIn,
  indicatorsByTheme,
  isIndicatorCode,
  isSingleQuarterDerivable,
  YTD_KINDS,
  ytdKind,
} from "./indicators";
export { LruCache } from "./lru-cache";
export { MAIL_ATTACHMENTS_MAX_BYTES, MAIL_STATUSES, type MailStatus, OUTBOX_PAGE_SIZE } from "./mail";
export {
  CITY_VALUE_YEARS,
  type CityOfZone,
  citiesRatedIn,
  MAX_CITY_VALUE_ROWS,
  MAX_CITY_VALUE_UPLOAD_BYTES,
  memberCityValues,
} from "./member-city-values";
export {
  mailBody,
  type RenderedNotification,
  renderDigest,
  renderEvent,
  renderNotification,
} from "./notification-texts";
export {
  DEFAULT_MAIL_LANGUAGE,
  DEFAULT_NOTIFICATION_PREFERENCES,
  DIGEST_MAX_ITEMS,
  deadlineEventKey,
  deadlineNoticeFor,
  digestMailKey,
  exportFailedEventKey,
  isNotificationKind,
  MAIL_SCHEDULES,
  type MailSchedule,
  mailDelivery,
  NOTIFICATION_KINDS,
  NOTIFICATION_PAGE_SIZE,
  type NotificationEvent,
  type NotificationKind,
  type NotificationPayloads,
  type NotificationPreferences,
  notificationMailKey,
  OVERDUE_DAYS_LEFT,
  REMINDER_OFFSET_DAYS,
  submissionEventKey,
} from "./notifications";
export { ZPeerGroupKeySchema } from "./peer-group-schema";
export {
  ALL_PEERS,
  CITY_TYPE_NAMES,
  CITY_TYPES,
  type CityType,
  inPeerGroup,
  MAX_PEER_GROUP_KEY_LENGTH,
  type PeerAttributes,
  type PeerGroup,
  parsePeerGroup,
  peerGroupKey,
  peerGroupName,
  peerGroupsOf,
  REGION_NAMES,
  REGIONS,
  type Region,
  regionOfProvince,
} from "./peer-groups";
export {
  type AutomaticOpening,
  automaticOpening,
  oldestQuarterToCatchUp,
  PERIOD_CATCH_UP_QUARTERS,
  PERIOD_SCHEDULE_SOURCE,
  quartersDueToOpen,
} from "./period-opening";
export type { ParseQuarterResult, Quarter, QuarterLike, QuarterNumber, QuarterString } from "./quarter";
export {
  addQuarters,
  compareQuarters,
  formatQuarter,
  MAX_QUARTER_SPAN,
  MAX_QUARTER_YEAR,
  MIN_QUARTER_YEAR,
  nextQuarter,
  parseQuarter,
  prevQuarter,
  quarterIndex,
  quarterRange,
  sameQuarterLastYear,
  toQuarter,
} from "./quarter";
export type { IsoDate } from "./quarter-calendar";
export {
  DEFAULT_DEADLINE_DAYS,
  DEFAULT_TIME_ZONE,
  DEFAULT_UTC_OFFSET,
  defaultDeadline,
  FIRST_QUARTER,
  lastFinishedQuarter,
  quarterEnd,
  quarterOfDate,
  quarterStart,
  SCHEDULE_TIME_ZONES,
} from "./quarter-calendar";
export { safeReturnPath } from "./return-path";
export type {
  TIndicatorCode,
  TLocale,
  TObservationInput,
  TQuarter,
  TQuarterRange,
  TZoneCode,
} from "./schemas";
export {
  LOCALES,
  ZIndicatorCodeSchema,
  ZLocaleSchema,
  ZObservationInputSchema,
  ZQuarterRangeSchema,
  ZQuarterSchema,
  ZZoneCodeSchema,
} from "./schemas";
export { indicatorContext, type StoredIndicator, storedDraft } from "./stored-draft";
export { draftRefusal, refusedTransition, staleVersion } from "./submission-errors";
export { describeRuleIssue } from "./submission-messages";
export type {
  CheckMode,
  IndicatorContext,
  RuleCode,
  RuleIssue,
  RuleSeverity,
  SubmissionDraft,
} from "./submission-rules";
export {
  blocksSubmission,
  checkSubmission,
  formIndicators,
  GROWTH_LEVEL_PAIRS,
  MIN_HISTORY_QUARTERS,
  NOTE_MAX_LENGTH,
  YOY_THRESHOLDS,
  yoyThresholdOf,
} from "./submission-rules";
export type { SubmissionFormInput, SubmissionFormOptions, SubmissionFormOutput } from "./submission-schema";
export { submissionFormSchema } from "./submission-schema";
export {
  AT_RISK_RATIO,
  type ChangeModel,
  changeModel,
  countByStatus,
  countingValue,
  defaultComparison,
  MAX_TARGET_ROWS,
  MAX_TARGET_UPLOAD_BYTES,
  ON_TRACK_RATIO,
  quarterEndYear,
  satisfiesTarget,
  TARGET_COMPARISON_LABELS,
  TARGET_COMPARISONS,
  TARGET_NOTE_MAX_LENGTH,
  TARGET_STATUS_LABELS,
  TARGET_STATUSES,
  TARGET_YEARS,
  type TargetCandidates,
  type TargetComparison,
  type TargetIndicator,
  type TargetProgress,
  type TargetProgressInput,
  type TargetReading,
  type TargetStatus,
  type TargetValueAt,
  targetProgress,
  targetReading,
  type ZoneTarget,
} from "./targets";
export { UNSAFE_CHARACTERS_MESSAGE, unsafeCharacterInLine, unsafeCharacterInText } from "./text-safety";
export { findTheme, getTheme, THEME_CODES, THEMES } from "./themes";
export type {
  Direction,
  Frequency,
  Indicator,
  Locale,
  LocalizedText,
  Measure,
  MemberCity,
  Theme,
  ThemeCode,
  Zone,
} from "./types";
export type {
  Actor,
  ExportableStatus,
  FormLock,
  PeriodStatus,
  SubmissionAction,
  SubmissionState,
  SubmissionStatus,
  TransitionRefusal,
  TransitionResult,
} from "./workflow";
export {
  checkTransition,
  EXPORTABLE_STATUSES,
  formLock,
  PERIOD_STATUSES,
  SUBMISSION_STATUSES,
  submissionState,
} from "./workflow";
export { describeFormLock, describeRefusal, refusalText } from "./workflow-messages";
export type { CompleteQuarterValues, QuarterValues } from "./ytd";
export { SERIES_MODES, type SeriesMode, singleQuarterToYtd, ytdToSingleQuarter } from "./ytd";
export type { BuiltInZoneCode, ZoneCode } from "./zones";
export {
  BUILT_IN_ZONES,
  findZone,
  getZone,
  isZoneCode,
  SECOND_BATCH_ZONES,
  ZONE_CODES,
  ZONES,
} from "./zones";
export {
  ERROR_CODES,
  type ErrorCode,
  type ErrorFieldIssue,
  type MessageParams,
  type MessageRef,
  PHRASED_KEY,
  phrased,
  ZonesError,
} from "./zones-error";
