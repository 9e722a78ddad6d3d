/** Test-only: every procedure of the app router, who may call it and a valid input for it. */
import type { Role, SessionUser } from "@zones/auth";
import { defaultRubric, lastFinishedQuarter } from "@zones/domain";

import type { Caller } from "./test-fixtures";

const SIGNED_IN: Caller[] = ["viewer", "official", "reviewer", "admin"];
const EVERYONE: Caller[] = ["anonymous", ...SIGNED_IN];

export interface Access {
  allowed: Caller[];
  /**
   * Workflow steps on an empty database: allowed callers get past the rights checks and are then refused
   * for the submission's state (CONFLICT), never FORBIDDEN.
   */
  allowedOutcome?: "CONFLICT" | "NOT_FOUND";
  /** A valid input, so that an allowed call succeeds and a denied one fails on rights alone. */
  input: (users: Record<Role, SessionUser>, run: number) => unknown;
}

/**
 * Who may call each procedure. Every procedure of the router must be listed: a new procedure without
 * an entry fails the first test below, so none can be forgotten.
 */
const OPEN_QUARTER = lastFinishedQuarter(new Date());
const HUANGSHI_OPEN = { zoneCode: "HB-HS", quarter: OPEN_QUARTER };
const READERS: Caller[] = ["official", "reviewer", "admin"];
const WRITERS: Caller[] = ["official", "admin"];
const REVIEWERS: Caller[] = ["reviewer", "admin"];

/** A filled template with one Huangshi row left blank: valid, and changes nothing. */
function blankUpload(): FormData {
  const form = new FormData();
  const csv = `zone_code,quarter,indicator_code,value\r\nHB-HS,${OPEN_QUARTER},gdp,\r\n`;
  form.set("file", new File([csv], "template.csv", { type: "text/csv" }));
  return form;
}

/** A targets template with one valid row. */
function targetsUpload(): FormData {
  const form = new FormData();
  const csv =
    "zone_code,indicator_code,target_year,target_value,baseline_year\r\nHB-HS,pm25,2027,30,2024\r\n";
  form.set("file", new File([csv], "targets.csv", { type: "text/csv" }));
  return form;
}

/** A member cities' figures template with one valid row (a year far from any evaluation). */
function cityValuesUpload(): FormData {
  const form = new FormData();
  const csv = "year,member_city_code,indicator_code,value\r\n2031,HN-C-ZZ,pm25,30\r\n";
  form.set("file", new File([csv], "cities.csv", { type: "text/csv" }));
  return form;
}

/** Huangshi as it is: adding it again is refused as taken. */
const CATALOGUE_ZONE = {
  code: "HB-HS",
  nameZh: "湖北黄石",
  nameEn: "Huangshi, Hubei",
  shortNameZh: "黄石",
  shortNameEn: "Huangshi",
  provinceZh: "湖北",
  provinceEn: "Hubei",
  batch: 1,
  namedOn: "2017-04-01",
  reportsFrom: "2017Q1",
  cityType: "resource-based" as const,
  region: "central" as const,
  memberCities: [{ code: "HB-HS-HS", nameZh: "黄石", nameEn: "Huangshi" }],
};

/** GDP's metadata as a new indicator: adding it again is refused as taken. */
const CATALOGUE_INDICATOR = {
  code: "gdp",
  theme: "growth" as const,
  nameZh: "地区生产总值",
  nameEn: "GDP",
  unitZh: "亿元",
  unitEn: "100 million yuan",
  definitionZh: "",
  definitionEn: "",
  decimals: 2,
  validMin: 0,
  validMax: 200000,
  yoyThreshold: null,
  headline: true,
  direction: "higher" as const,
  frequency: "quarterly" as const,
  cumulative: true,
  measure: "amount" as const,
  inForceFrom: 2017,
  sourceZh: "统计局",
  sourceEn: "Statistics bureau",
};

/** An export run or schedule id that does not exist: allowed callers get past the rights checks to NOT_FOUND. */
const NO_SUCH_EXPORT = { id: "00000000-0000-4000-8000-000000000000" };
const EXPORT_FILTERS = { zoneCodes: ["HB-HS"], indicatorCodes: ["gdp"], from: "2025Q1", to: "2025Q4" };

export const ACCESS: Record<string, Access> = {
  "dashboard.compare": {
    allowed: SIGNED_IN,
    input: () => ({ zoneCodes: ["HB-HS", "SD-ZB"], indicatorCodes: ["gdp"], includeSubmitted: true }),
  },
  "dashboard.indicator": {
    allowed: SIGNED_IN,
    input: () => ({ indicatorCode: "gdp", includeSubmitted: true }),
  },
  "dashboard.overviewExtras": { allowed: SIGNED_IN, input: () => ({ includeSubmitted: true }) },
  "dashboard.zone": { allowed: SIGNED_IN, input: () => ({ zoneCode: "HB-HS", includeSubmitted: true }) },
  "catalogue.get": { allowed: SIGNED_IN, input: () => undefined },
  // Edits that find the code taken or missing: allowed callers get past the rights checks, and nothing changes.
  "catalogue.addZone": { allowed: ["admin"], allowedOutcome: "CONFLICT", input: () => CATALOGUE_ZONE },
  "catalogue.updateZone": {
    allowed: ["admin"],
    allowedOutcome: "NOT_FOUND",
    input: () => ({
      ...CATALOGUE_ZONE,
      code: "XX-NO",
      memberCities: [{ code: "XX-NO-NO", nameZh: "无", nameEn: "None" }],
    }),
  },
  "catalogue.setZoneRetired": {
    allowed: ["admin"],
    allowedOutcome: "NOT_FOUND",
    input: () => ({ code: "XX-NO", retiredFrom: "2099Q1" }),
  },
  "catalogue.addIndicator": {
    allowed: ["admin"],
    allowedOutcome: "CONFLICT",
    input: () => CATALOGUE_INDICATOR,
  },
  "catalogue.updateIndicator": {
    allowed: ["admin"],
    allowedOutcome: "NOT_FOUND",
    input: () => ({ ...CATALOGUE_INDICATOR, code: "no-such-indicator" }),
  },
  "catalogue.setIndicatorRetired": {
    allowed: ["admin"],
    allowedOutcome: "NOT_FOUND",
    input: () => ({ code: "no-such-indicator", retiredAfter: 2099 }),
  },
  "evaluation.adjust": {
    allowed: REVIEWERS,
    allowedOutcome: "NOT_FOUND",
    input: () => ({
      year: 2031,
      zoneCode: "HB-HS",
      memberCityCode: "HB-HS-HS",
      adjustment: 1,
      reason: "专家评审意见",
    }),
  },
  "evaluation.importCityValues": { allowed: REVIEWERS, input: cityValuesUpload },
  "evaluation.compute": { allowed: ["admin"], allowedOutcome: "NOT_FOUND", input: () => ({ year: 2031 }) },
  "evaluation.publish": { allowed: ["admin"], allowedOutcome: "NOT_FOUND", input: () => ({ year: 2031 }) },
  "evaluation.rubric": { allowed: ["admin"], input: () => ({ year: 2030 }) },
  "evaluation.saveRubric": { allowed: ["admin"], input: () => ({ rubric: defaultRubric(2030) }) },
  "evaluation.year": { allowed: SIGNED_IN, input: () => ({ year: 2018 }) },
  "evaluation.years": { allowed: SIGNED_IN, input: () => undefined },
  "evaluation.zoneHistory": { allowed: SIGNED_IN, input: () => ({ zoneCode: "HB-HS" }) },
  "delivery.addDomain": {
    allowed: ["admin"],
    input: (_, run) => ({ domain: `matrix${run}.example.gov.cn` }),
  },
  "delivery.domains": { allowed: REVIEWERS, input: () => undefined },
  "delivery.removeDomain": { allowed: ["admin"], input: () => ({ domain: "nowhere.example.gov.cn" }) },
  "exports.runs.cancel": { allowed: SIGNED_IN, allowedOutcome: "NOT_FOUND", input: () => NO_SUCH_EXPORT },
  "exports.runs.get": { allowed: SIGNED_IN, allowedOutcome: "NOT_FOUND", input: () => NO_SUCH_EXPORT },
  "exports.runs.list": { allowed: SIGNED_IN, input: () => ({}) },
  "exports.runs.rerun": { allowed: SIGNED_IN, allowedOutcome: "NOT_FOUND", input: () => NO_SUCH_EXPORT },
  "exports.runs.start": { allowed: SIGNED_IN, input: () => ({ filters: EXPORT_FILTERS, format: "csv" }) },
  "exports.schedules.create": {
    allowed: REVIEWERS,
    input: (_, run) => ({
      ...EXPORT_FILTERS,
      name: `matrix ${run}`,
      trigger: { kind: "weekly", weekday: 1, hour: 8 },
      quarters: { kind: "recent", count: 4 },
    }),
  },
  "exports.schedules.list": { allowed: REVIEWERS, input: () => ({}) },
  "exports.schedules.recipientAccounts": { allowed: REVIEWERS, input: () => ({ query: "审核" }) },
  "exports.schedules.remove": {
    allowed: REVIEWERS,
    allowedOutcome: "NOT_FOUND",
    input: () => NO_SUCH_EXPORT,
  },
  "exports.schedules.runNow": {
    allowed: REVIEWERS,
    allowedOutcome: "NOT_FOUND",
    input: () => NO_SUCH_EXPORT,
  },
  "exports.schedules.setEnabled": {
    allowed: REVIEWERS,
    allowedOutcome: "NOT_FOUND",
    input: () => ({ ...NO_SUCH_EXPORT, enabled: false }),
  },
  "exports.schedules.update": {
    allowed: REVIEWERS,
    allowedOutcome: "NOT_FOUND",
    input: () => ({
      ...NO_SUCH_EXPORT,
      schedule: {
        ...EXPORT_FILTERS,
        name: "matrix",
        trigger: { kind: "weekly", weekday: 1, hour: 8 },
        quarters: { kind: "recent", count: 4 },
      },
    }),
  },
  "health.check": { allowed: EVERYONE, input: () => undefined },
  "imports.commit": { allowed: WRITERS, input: blankUpload },
  "imports.preview": { allowed: WRITERS, input: blankUpload },
  "overview.get": { allowed: SIGNED_IN, input: () => ({}) },
  "period.list": { allowed: ["admin"], input: () => ({}) },
  "period.update": { allowed: ["admin"], input: () => ({ quarter: "2030Q1", status: "not_open" }) },
  "targets.choices": { allowed: ["admin"], input: () => undefined },
  "targets.delete": { allowed: ["admin"], allowedOutcome: "NOT_FOUND", input: () => NO_SUCH_EXPORT },
  "targets.import": { allowed: ["admin"], input: targetsUpload },
  "targets.list": { allowed: ["admin"], input: () => ({}) },
  "targets.save": {
    allowed: ["admin"],
    input: (_, run) => ({
      zoneCode: "HB-HS",
      indicatorCode: "rd-intensity",
      targetYear: 2030 + (run % 20),
      targetValue: 3,
      baselineYear: 2024,
    }),
  },
  "targets.statuses": { allowed: SIGNED_IN, input: () => ({ zoneCode: "HB-HS" }) },
  "targets.summary": { allowed: SIGNED_IN, input: () => ({}) },
  "submission.approve": {
    allowed: REVIEWERS,
    allowedOutcome: "CONFLICT",
    input: () => ({ ...HUANGSHI_OPEN, version: 1 }),
  },
  "submission.completeness": { allowed: READERS, input: () => ({}) },
  "submission.form": { allowed: READERS, input: () => HUANGSHI_OPEN },
  "submission.history": { allowed: READERS, input: () => ({ ...HUANGSHI_OPEN, indicatorCode: "gdp" }) },
  "submission.queue": { allowed: REVIEWERS, input: () => ({}) },
  "submission.return": {
    allowed: REVIEWERS,
    allowedOutcome: "CONFLICT",
    input: () => ({ ...HUANGSHI_OPEN, version: 1, comment: "请核对" }),
  },
  "submission.revise": {
    allowed: WRITERS,
    allowedOutcome: "CONFLICT",
    input: () => ({ ...HUANGSHI_OPEN, version: 1, reason: "终核数" }),
  },
  // Empty values on an empty submission: allowed callers save nothing and get version 0 back.
  "submission.save": { allowed: WRITERS, input: () => ({ ...HUANGSHI_OPEN, baseVersion: 0, values: {} }) },
  "submission.submit": {
    allowed: WRITERS,
    allowedOutcome: "CONFLICT",
    input: () => ({ ...HUANGSHI_OPEN, version: 0 }),
  },
  "notifications.list": { allowed: SIGNED_IN, input: () => ({}) },
  "notifications.markAllRead": { allowed: SIGNED_IN, input: () => undefined },
  "notifications.markRead": { allowed: SIGNED_IN, input: () => ({ ids: [NO_SUCH_EXPORT.id] }) },
  "notifications.preferences.get": { allowed: SIGNED_IN, input: () => undefined },
  "notifications.preferences.update": {
    allowed: SIGNED_IN,
    input: () => ({ language: "zh-CN", schedule: "immediate", mailOff: [] }),
  },
  "notifications.unreadCount": { allowed: SIGNED_IN, input: () => undefined },
  "outbox.get": { allowed: ["admin"], allowedOutcome: "NOT_FOUND", input: () => NO_SUCH_EXPORT },
  "outbox.list": { allowed: ["admin"], input: () => ({}) },
  "security.settings": { allowed: ["admin"], input: () => undefined },
  "security.setRequiredRoles": { allowed: ["admin"], input: () => ({ roles: [] }) },
  "session.me": { allowed: SIGNED_IN, input: () => undefined },
  "user.list": { allowed: ["admin"], input: () => ({}) },
  "user.create": {
    allowed: ["admin"],
    input: (_, run) => ({
      email: `created-${run}@matrix.test`,
      name: "New",
      role: "viewer",
      password: "matrix-password-2026",
    }),
  },
  "user.resetPassword": {
    allowed: ["admin"],
    input: (users) => ({ userId: users.reviewer.id, password: "matrix-reset-2026" }),
  },
  "user.setAccess": {
    allowed: ["admin"],
    input: (users) => ({ userId: users.official.id, role: "official", zoneCodes: ["HB-HS"] }),
  },
  "user.setDisabled": {
    allowed: ["admin"],
    input: (users) => ({ userId: users.viewer.id, disabled: false }),
  },
};
