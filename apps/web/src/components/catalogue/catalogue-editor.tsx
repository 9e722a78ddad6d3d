"use client";

import { useSuspenseQuery } from "@tanstack/react-query";

import { useTRPC } from "~/trpc/react";
import { IndicatorForm } from "./indicator-form";
import { ZoneForm } from "./zone-form";

/** The form of one zone or indicator of the catalogue. Keyed by its code only: a save refreshes the catalogue without remounting the form (its notice and the retirement field stay). */
export function CatalogueEditor({ kind, code }: { kind: "zone" | "indicator"; code: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.catalogue.get.queryOptions());
  if (kind === "zone") {
    const zone = data.zones.find((found) => found.code === code);
    return zone ? <ZoneForm key={zone.code} zone={zone} /> : null;
  }
  const indicator = data.indicators.find((found) => found.code === code);
  return indicator ? <IndicatorForm key={indicator.code} indicator={indicator} /> : null;
}
