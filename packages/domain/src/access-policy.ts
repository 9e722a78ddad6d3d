import type { NotificationKind } from "./notifications";

/**
 * Who may do what: the one place that reads a user's role. Pages, route handlers, procedures, jobs and the
 * workflow ask these functions; nothing else compares role names.
 *
 * - admin (管理员): everything, every zone.
 * - reviewer (审核员): reads every zone's submitted and draft data, approves and returns, keeps export schedules.
 * - official (填报员): enters and submits the data of the zones they are bound to, and reads those zones' drafts.
 * - viewer (查看员): dashboards and exports of approved data.
 */
export const ROLES = ["admin", "reviewer", "official", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** Roles an admin may require two-factor sign-in of (those who change or approve others' data). */
export const TWO_FACTOR_REQUIRABLE_ROLES = ["admin", "reviewer"] as const satisfies readonly Role[];

/** What the rules need of a user: their role and, for officials, their zones. */
export interface Principal {
  role: Role;
  zoneCodes: readonly string[];
}

/** A stored role name, or viewer (the least) for anything else. */
export function toRole(value: string | null | undefined): Role {
  return (ROLES as readonly string[]).includes(value ?? "") ? (value as Role) : "viewer";
}

/** Only officials are bound to zones, and each needs at least one. */
export function isBoundToZones(role: Role): boolean {
  return role === "official";
}

/** Users, periods and security settings. */
export function canAdminister({ role }: Pick<Principal, "role">): boolean {
  return role === "admin";
}

/** Plan targets (adding, editing, deleting, importing them): admins; everyone reads their progress. */
export const canManageTargets = canAdminister;

/** Approving and returning submissions, the review queue, submitted data in dashboards and exports. */
export function canReview({ role }: Pick<Principal, "role">): boolean {
  return role === "reviewer" || role === "admin";
}

/** Export schedules (as their owner): reviewers and admins. */
export const canOwnExportSchedules = canReview;

/** The quarterly bulletin (its page and its PDF): reviewers and admins, who issue it to the leaders. */
export const canReadBulletin = canReview;

/** The annual evaluation's rubric, its computation and its publication: admins. */
export const canDefineEvaluation = canAdminister;

/** Adjusting a zone's evaluation score, with a reason: reviewers and admins. */
export const canAdjustEvaluation = canReview;

/**
 * Importing the member cities' figures (from their statistical bulletins) that their evaluation rests on: the
 * same people who adjust scores, reviewers and admins.
 */
export const canImportCityValues = canAdjustEvaluation;

/** A year's results before they are published (computed, adjusted): reviewers and admins; others see published ones. */
export const canSeeUnpublishedEvaluation = canReview;

/** Dashboards with submitted (not yet approved) figures beside the approved ones. */
export const canSeeSubmitted = canReview;

/** Entering data at all (the entry pages, templates, imports): officials and admins. */
export function canEnterData({ role }: Pick<Principal, "role">): boolean {
  return role === "official" || role === "admin";
}

/** Entering or submitting this zone's data: its own officials; admins may correct any zone. */
export function canWriteZone(user: Principal, zoneCode: string): boolean {
  return user.role === "admin" || (user.role === "official" && user.zoneCodes.includes(zoneCode));
}

/** Is this user one of the zone's own officials (as opposed to an admin correcting it)? */
export function isZoneOfficial(user: Principal, zoneCode: string): boolean {
  return user.role === "official" && user.zoneCodes.includes(zoneCode);
}

/** Reading a zone's unapproved data (drafts, submitted, returned): reviewers and admins, and its officials. */
export function canReadZoneDrafts(user: Principal, zoneCode: string): boolean {
  return canReview(user) || isZoneOfficial(user, zoneCode);
}

/** The zones whose reporting state a user follows (completeness grid): all, their own (officials) or none. */
export function followedZones(user: Principal): "all" | readonly string[] {
  if (canReview(user)) return "all";
  return user.role === "official" ? user.zoneCodes : [];
}

/** Whether a user follows any zone's reporting (the completeness grid is theirs to open). */
export function followsAnyZone(user: Principal): boolean {
  const zones = followedZones(user);
  return zones === "all" || zones.length > 0;
}

/** The zones a user may enter data for, out of the catalogue's. */
export function writableZones(user: Principal, catalogue: readonly string[]): string[] {
  return catalogue.filter((zoneCode) => canWriteZone(user, zoneCode));
}

/** Another user's export runs and schedules: admins see and manage all, everyone else their own. */
export function canManageExportsOf(
  user: Pick<Principal, "role">,
  ownerId: string | null,
  userId: string,
): boolean {
  return canAdminister(user) || ownerId === userId;
}

/**
 * Exporting submitted (not yet approved) data of these zones: reviewers and admins for every zone, officials for
 * their own zones only, viewers never. The zones a user may not export submitted data of; "role" when none.
 */
export function zonesRefusedForSubmitted(user: Principal, zoneCodes: readonly string[]): "role" | string[] {
  if (canReview(user)) return [];
  if (user.role !== "official") return "role";
  return zoneCodes.filter((zoneCode) => !user.zoneCodes.includes(zoneCode));
}

/**
 * Who is told of an event about a zone, by role: submissions to review go to reviewers (and admins, who review
 * too); deadlines, overdue notices, returns and approvals go to the zone's own officials. A failed export goes
 * to its schedule's owner, named by the event, never by role.
 */
export function isToldOf(kind: NotificationKind, user: Principal, zoneCode: string): boolean {
  switch (kind) {
    case "submitted":
      return canReview(user);
    case "deadline-reminder":
    case "overdue":
    case "returned":
    case "approved":
      return isZoneOfficial(user, zoneCode);
    case "export-failed":
      return false;
  }
}
