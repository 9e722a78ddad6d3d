import { SUBMISSION_STATUSES, ZONE_CODES } from "@zones/domain";
import { parseAsStringLiteral } from "nuqs/server";

import { createUrlReader, parseAsPage } from "./params";
import { parseAsQuarter } from "./quarter";

/** The reviewers' queue: `/review?status=submitted&zone=HB-HS&quarter=2026Q3&page=2`. */
export const queueParsers = {
  status: parseAsStringLiteral(SUBMISSION_STATUSES),
  zone: parseAsStringLiteral(ZONE_CODES),
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
