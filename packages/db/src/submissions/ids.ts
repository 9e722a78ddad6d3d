/** Audit entity ids: readable, and the (entity_type, entity_id, at) index finds a value's history. */
export function submissionEntityId(zoneCode: string, quarter: string): string {
  return `${zoneCode}/${quarter}`;
}

export function observationEntityId(zoneCode: string, quarter: string, indicatorCode: string): string {
  return `${zoneCode}/${quarter}/${indicatorCode}`;
}
