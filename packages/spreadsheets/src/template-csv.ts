import { neutraliseFormulaUnlessNumeric } from "@zones/domain";
import { stringify } from "csv-stringify/sync";
import { TEMPLATE_COLUMNS } from "./columns";
import { indexCatalogue } from "./sheet-catalogue";
import type { TemplateOptions } from "./template-rows";
import { templateCells } from "./template-rows";

/**
 * The template as CSV: UTF-8 with a BOM (without it, Excel on Chinese Windows reads the file as GBK and
 * garbles the names), CRLF line ends, RFC 4180 quoting. Text cells that a spreadsheet would run as a
 * formula get a leading `'`; numbers such as `-3.2` are written as they are.
 */
export function buildTemplateCsv(options: TemplateOptions): Uint8Array {
  const { headerLanguage } = options;
  const index = indexCatalogue(options.catalogue);
  const header = TEMPLATE_COLUMNS.map((column) => column[headerLanguage]);
  const records = options.rows.map((row) => {
    const cells = templateCells(row, headerLanguage, index);
    return TEMPLATE_COLUMNS.map((column) => neutraliseFormulaUnlessNumeric(cells[column.key]));
  });
  const text = stringify([header, ...records], {
    bom: true,
    record_delimiter: "\r\n",
    // Notes may hold line breaks of any kind; quote them so that every record stays one row.
    quote_record_delimiter: true,
  });
  return new TextEncoder().encode(text);
}
