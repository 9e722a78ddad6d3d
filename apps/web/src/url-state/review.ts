import { SUBMISSION_STATUSES, ZONE_CODE_PATTERN } from "@zones/domain";
import { parseAsStringLiteral } from "nuqs/server";

import { createUrlReader, parseAsCodeLike, parseAsPage } from "./params";
import { parseAsQuarter } from "./quarter";

/** The queue's status filter: a submission status, or every status. */
export const QUEUE_STATUS_FILTERS = [...SUBMISSION_STATUSES, "all"] as const;
export type QueueStatusFilter = (typeof QUEUE_STATUS_FILTERS)[number];

/** Without a status in the URL the queue shows what waits for review: that is what a reviewer opens it for. */
export const DEFAULT_QUEUE_STATUS: QueueStatusFilter = "submitted";

/**
 * The reviewers' queue: `/review?status=submitted&zone=HB-HS&quarter=2026Q3&page=2`; `status=all` for every
 * status, no status for those waiting.
 */
export const queueParsers = {
  status: parseAsStringLiteral(QUEUE_STATUS_FILTERS),
  zone: parseAsCodeLike(ZONE_CODE_PATTERN),
  quarter: parseAsQuarter,
  page: parseAsPage,
};

export const readQueueParams = createUrlReader(queueParsers);

/** The completeness grid: `/completeness?to=2026Q3`, the newest quarter shown. */
export const completenessParsers = { to: parseAsQuarter };

export const readCompletenessParams = createUrlReader(completenessParsers);

/** The reporting quarters' admin: `/admin/periods?page=2`. */
export const periodsParsers = { page: parseAsPage };

export const readPeriodsParams = createUrlReader(periodsParsers);
