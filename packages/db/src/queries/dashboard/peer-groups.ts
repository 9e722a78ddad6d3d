import { CITY_TYPES, type PeerGroup, parsePeerGroup, REGIONS } from "@zones/domain";
import { type SQL, sql } from "drizzle-orm";

import type { Database } from "../../client";
import { rowsOf } from "../../rows";

/**
 * Peer groups in SQL: membership is read from the `zones` row (`batch`, `city_type`, `region`), so an admin's
 * edit of a zone moves it between groups at once. Never the built-in catalogue.
 */

/** Whether the zones row `z` belongs to the group (true for `all`). */
export function peerGroupMember(group: PeerGroup): SQL {
  switch (group.kind) {
    case "all":
      return sql`true`;
    case "batch":
      return sql`z.batch = ${group.batch}`;
    case "type":
      return sql`z.city_type = ${group.cityType}`;
    case "region":
      return sql`z.region = ${group.region}`;
  }
}

export interface PeerGroupChoice {
  /** `batch-1`, `type-resource-based`, `region-central` (see `peerGroupKey`). */
  key: string;
  /** Active zones of the group, reference units included. */
  zones: number;
  /** The group holds the zone named by the call (a zone page's "its batch / type / region"). */
  ofZone: boolean;
}

/**
 * The groups that have active zones, for a picker: every batch (by number), city type and region (in the
 * domain's order) present in `zones`, with how many active zones each holds and whether `zoneCode` is one of
 * them. One scan of the zones table.
 */
export async function peerGroupChoices(
  db: Database,
  params: { zoneCode?: string } = {},
): Promise<PeerGroupChoice[]> {
  const zone = params.zoneCode ?? null;
  const ofZone = sql`coalesce(bool_or(code = ${zone}), false)`;
  const result = await db.execute(sql`
    select 'batch-' || batch as key, count(*)::int as zones, ${ofZone} as "ofZone"
    from zones where active group by batch
    union all
    select 'type-' || city_type, count(*)::int, ${ofZone}
    from zones where active and city_type is not null group by city_type
    union all
    select 'region-' || region, count(*)::int, ${ofZone}
    from zones where active and region is not null group by region`);
  const order = (key: string) => {
    const group = parsePeerGroup(key);
    if (group?.kind === "batch") return group.batch;
    if (group?.kind === "type") return 1000 + CITY_TYPES.indexOf(group.cityType);
    if (group?.kind === "region") return 2000 + REGIONS.indexOf(group.region);
    return 3000;
  };
  return rowsOf<Record<string, unknown>>(result)
    .map((row) => ({ key: String(row.key), zones: Number(row.zones), ofZone: row.ofZone === true }))
    .sort((a, b) => order(a.key) - order(b.key));
}
