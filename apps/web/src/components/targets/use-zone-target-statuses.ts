"use client";

import { useQuery } from "@tanstack/react-query";
import type { TargetStatus } from "@zones/domain";

import { useTRPC } from "~/trpc/react";

/**
 * Each zone's target status for one indicator as of a quarter: of a zone's targets, the one for the nearest
 * target year from the quarter's year on (or, all years past, the latest). Empty until loaded.
 */
export function useZoneTargetStatuses(indicatorCode: string, quarter: string): Map<string, TargetStatus> {
  const trpc = useTRPC();
  const { data } = useQuery({
    ...trpc.targets.statuses.queryOptions({ indicatorCode, quarter }),
    enabled: quarter !== "",
  });
  const year = Number(quarter.slice(0, 4));
  const chosen = new Map<string, { targetYear: number; status: TargetStatus }>();
  for (const row of data?.rows ?? []) {
    const current = chosen.get(row.zoneCode);
    const better =
      !current ||
      (row.targetYear >= year && (current.targetYear < year || row.targetYear < current.targetYear)) ||
      (row.targetYear < year && current.targetYear < year && row.targetYear > current.targetYear);
    if (better) chosen.set(row.zoneCode, { targetYear: row.targetYear, status: row.status });
  }
  return new Map([...chosen].map(([zoneCode, { status }]) => [zoneCode, status]));
}
