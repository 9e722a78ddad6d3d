import { toRole, zonesRefusedForSubmitted } from "@zones/domain";

import type { TExportFilters } from "./filters";

/**
 * The little of a user the export rights need (structurally satisfied by `@zones/auth`'s SessionUser,
 * without depending on it). An unknown role counts as a viewer.
 */
export interface ExportUser {
  role: string;
  /** Zones an official is bound to (empty for other roles). */
  zoneCodes: readonly string[];
}

export type ExportScope =
  | { ok: true; filters: TExportFilters }
  | { ok: false; field: "statuses"; message: string };

/**
 * What a user may export. Approved data: everyone signed in. Submitted (not yet approved) data: reviewers and
 * admins for every zone, officials for their own zones only, viewers never. Drafts and returned data are never
 * exported (the filters cannot name them). A refusal names the field at fault; nothing is silently narrowed.
 */
export function exportScopeFor(user: ExportUser, filters: TExportFilters): ExportScope {
  if (!filters.statuses.includes("submitted")) return { ok: true, filters };
  const refused = zonesRefusedForSubmitted(
    { role: toRole(user.role), zoneCodes: user.zoneCodes },
    filters.zoneCodes,
  );
  if (refused === "role") {
    return { ok: false, field: "statuses", message: "statuses: your role may export approved data only" };
  }
  if (refused.length === 0) return { ok: true, filters };
  return {
    ok: false,
    field: "statuses",
    message: `statuses: submitted (not yet approved) data may be exported for your own zones only, not for ${refused.join(", ")}`,
  };
}
