import { cachedCatalogue } from "@zones/db/catalogue";
import type { Database } from "@zones/db/client";
import {
  type Catalogue,
  catalogueIndicator,
  catalogueZone,
  type Indicator,
  type Zone,
  ZonesError,
} from "@zones/domain";

import { message } from "../messages";

/**
 * Whether a code names a zone or an indicator of the catalogue in the database: the input schemas check only a
 * code's shape, so every procedure that takes codes asks here. An unknown code is refused as bad input, naming
 * the field, like any other malformed field.
 */

function unknownCode(kind: "unknownZone" | "unknownIndicator", field: string, codes: string[]): ZonesError {
  const ref = message(`catalogue.${kind}`, { field, code: codes.join(", ") });
  return new ZonesError("invalid", ref, { issues: [{ path: [field], message: ref }] });
}

/** The entries of those codes, in the order given, or a refusal naming the field and every unknown code. */
function entriesOf<T>(
  find: (code: string) => T | undefined,
  codes: readonly string[],
  kind: "unknownZone" | "unknownIndicator",
  field: string,
): T[] {
  const found = codes.map(find);
  const missing = codes.filter((_, i) => found[i] === undefined);
  if (missing.length > 0) throw unknownCode(kind, field, missing);
  return found as T[];
}

const zonesOf = (catalogue: Catalogue, codes: readonly string[], field: string): Zone[] =>
  entriesOf((code) => catalogueZone(catalogue, code), codes, "unknownZone", field);

const indicatorsOf = (catalogue: Catalogue, codes: readonly string[], field: string): Indicator[] =>
  entriesOf((code) => catalogueIndicator(catalogue, code), codes, "unknownIndicator", field);

/** The catalogue's zone of that code, or a refusal naming the field. */
export async function requireZone(db: Database, code: string, field = "zoneCode"): Promise<Zone> {
  const [zone] = zonesOf(await cachedCatalogue(db), [code], field);
  return zone as Zone;
}

/** The catalogue's zones of those codes, in the order given, or a refusal naming the field and every unknown. */
export async function requireZones(
  db: Database,
  codes: readonly string[],
  field = "zoneCodes",
): Promise<Zone[]> {
  return zonesOf(await cachedCatalogue(db), codes, field);
}

/** The catalogue's indicator of that code, or a refusal naming the field. */
export async function requireIndicator(
  db: Database,
  code: string,
  field = "indicatorCode",
): Promise<Indicator> {
  const [indicator] = indicatorsOf(await cachedCatalogue(db), [code], field);
  return indicator as Indicator;
}

/** The catalogue's indicators of those codes, in the order given, or a refusal naming the field. */
export async function requireIndicators(
  db: Database,
  codes: readonly string[],
  field = "indicatorCodes",
): Promise<Indicator[]> {
  return indicatorsOf(await cachedCatalogue(db), codes, field);
}
