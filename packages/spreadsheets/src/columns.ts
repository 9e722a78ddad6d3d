/**
 * The template's columns, in file order. `en` is the machine code and the English header;
 * `zh` is the Chinese header, so that officials can work in a fully Chinese template.
 * Uploads are read by header, not by position: either header set (or a mixture) is accepted.
 */
export const TEMPLATE_COLUMNS = [
  { key: "zone_code", zh: "示范区代码", en: "zone_code" },
  { key: "zone_name", zh: "示范区", en: "zone_name" },
  { key: "quarter", zh: "季度", en: "quarter" },
  { key: "indicator_code", zh: "指标代码", en: "indicator_code" },
  { key: "indicator_name", zh: "指标", en: "indicator_name" },
  { key: "unit", zh: "单位", en: "unit" },
  { key: "value", zh: "数值", en: "value" },
  { key: "note", zh: "上报说明", en: "note" },
] as const;

export type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number];
export type TemplateColumnKey = TemplateColumn["key"];
export type HeaderLanguage = "zh" | "en";

/** Columns an upload must have; the names, unit and note are informational or optional. */
export const REQUIRED_COLUMNS = [
  "zone_code",
  "quarter",
  "indicator_code",
  "value",
] as const satisfies readonly TemplateColumnKey[];

function normaliseHeader(header: string): string {
  return header.trim().toLowerCase();
}

const columnsByHeader = new Map<string, TemplateColumn>(
  TEMPLATE_COLUMNS.flatMap((column) => [
    [normaliseHeader(column.en), column],
    [normaliseHeader(column.zh), column],
  ]),
);

export function findColumn(key: TemplateColumnKey): TemplateColumn {
  const column = TEMPLATE_COLUMNS.find((candidate) => candidate.key === key);
  if (!column) throw new RangeError(`unknown template column ${JSON.stringify(key)}`);
  return column;
}

/**
 * Positions of the known columns in a header row (case-insensitive, trimmed).
 * Unknown headers are ignored; if a column appears twice, the first one counts.
 */
export function mapHeader(headers: readonly string[]): Map<TemplateColumnKey, number> {
  const positions = new Map<TemplateColumnKey, number>();
  headers.forEach((header, index) => {
    const column = columnsByHeader.get(normaliseHeader(header));
    if (column && !positions.has(column.key)) positions.set(column.key, index);
  });
  return positions;
}
