"use client";

import { type Catalogue, catalogueIndicator, catalogueZone, type Indicator, type Zone } from "@zones/domain";
import { createContext, type ReactNode, useContext, useMemo } from "react";

/** The database's catalogue as the pages use it: the lists, and a zone or indicator by code. */
export interface CatalogueView {
  zones: readonly Zone[];
  indicators: readonly Indicator[];
  zone(code: string): Zone | undefined;
  indicator(code: string): Indicator | undefined;
  /** Like `zone`, for a code the server gave (it checked it against the catalogue): throws if absent. */
  getZone(code: string): Zone;
  getIndicator(code: string): Indicator;
}

function present<T>(found: T | undefined, kind: string, code: string): T {
  if (found === undefined) throw new RangeError(`${kind} ${JSON.stringify(code)} is not in the catalogue`);
  return found;
}

function viewOf(catalogue: Pick<Catalogue, "zones" | "indicators">): CatalogueView {
  const zone = (code: string) => catalogueZone(catalogue, code);
  const indicator = (code: string) => catalogueIndicator(catalogue, code);
  return {
    zones: catalogue.zones,
    indicators: catalogue.indicators,
    zone,
    indicator,
    getZone: (code) => present(zone(code), "zone", code),
    getIndicator: (code) => present(indicator(code), "indicator", code),
  };
}

const CatalogueContext = createContext<CatalogueView | null>(null);

/** Given the catalogue once by the layout (read on the server), so every page's components name alike. */
export function CatalogueProvider({ catalogue, children }: { catalogue: Catalogue; children: ReactNode }) {
  const view = useMemo(() => viewOf(catalogue), [catalogue]);
  return <CatalogueContext.Provider value={view}>{children}</CatalogueContext.Provider>;
}

/** The catalogue of the signed-in pages; outside the provider (signed out) an empty one. */
export function useCatalogue(): CatalogueView {
  return useContext(CatalogueContext) ?? EMPTY;
}

const EMPTY = viewOf({ zones: [], indicators: [] });
