"use client";

import { useSuspenseQuery } from "@tanstack/react-query";

import { useTRPC } from "~/trpc/react";
import { IndicatorForm } from "./indicator-form";
import { ZoneForm } from "./zone-form";

/** The form of one zone or indicator of the catalogue, read from the cached catalogue (refreshed after a save). */
export function CatalogueEditor({ kind, code }: { kind: "zone" | "indicator"; code: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.catalogue.get.queryOptions());
  if (kind === "zone") {
    const zone = data.zones.find((found) => found.code === code);
    return zone ? <ZoneForm key={`${zone.code}-${data.version}`} zone={zone} /> : null;
  }
  const indicator = data.indicators.find((found) => found.code === code);
  return indicator ? <IndicatorForm key={`${indicator.code}-${data.version}`} indicator={indicator} /> : null;
}
