/** @import { ReadLimits } from "./protocol.ts" */
/** @import { SheetRow } from "../sheet.ts" */
/** @import { PartReader } from "./xml.mjs" */
import { Refusal } from "./refusal.mjs";
import { readSharedStrings } from "./shared-strings.mjs";
import { readStyles } from "./styles.mjs";
import { readWorksheet } from "./worksheet.mjs";
import { attribute, parsePart } from "./xml.mjs";
import { openZip } from "./zip.mjs";

/**
 * A relationship's target as a part name: relative to the folder of the part that points to it, or
 * absolute from the package root.
 * @param {string} from e.g. `xl/workbook.xml`
 * @param {string} target e.g. `worksheets/sheet1.xml`
 */
function resolveTarget(from, target) {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

/**
 * The relationships of a part (`xl/_rels/workbook.xml.rels` for `xl/workbook.xml`), by id.
 * @param {PartReader} zip
 * @param {string} part
 * @returns {Promise<Map<string, { type: string; path: string }>>}
 */
async function readRelationships(zip, part) {
  const slash = part.lastIndexOf("/");
  const relsPath = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  /** @type {Map<string, { type: string; path: string }>} */
  const relationships = new Map();
  await parsePart(zip, relsPath, {
    open(name, attributes) {
      const id = attribute(attributes, "Id");
      const target = attribute(attributes, "Target");
      if (name !== "Relationship" || !id || !target) return;
      relationships.set(id, { type: attribute(attributes, "Type") ?? "", path: resolveTarget(part, target) });
    },
  });
  return relationships;
}

/**
 * @param {Map<string, { type: string; path: string }>} relationships
 * @param {string} kind the last segment of the relationship type, e.g. `styles`
 */
function pathOfType(relationships, kind) {
  for (const { type, path } of relationships.values()) {
    if (type.endsWith(`/${kind}`)) return path;
  }
  return undefined;
}

/**
 * The workbook's sheets in tab order (their relationship ids) and its date system.
 * @param {PartReader} zip
 * @param {string} path
 */
async function readWorkbook(zip, path) {
  /** @type {string[]} */
  const sheetIds = [];
  let date1904 = false;
  await parsePart(zip, path, {
    open(name, attributes) {
      if (name === "workbookPr") {
        const value = attribute(attributes, "date1904");
        date1904 = value === "1" || value === "true";
      } else if (name === "sheet") {
        const id = attribute(attributes, "id");
        if (id) sheetIds.push(id);
      }
    },
  });
  return { sheetIds, date1904 };
}

/**
 * @param {readonly SheetRow[]} rows
 * @param {ReadonlySet<string>} templateHeaders
 */
function hasTemplateHeader(rows, templateHeaders) {
  return rows[0]?.cells.some((cell) => templateHeaders.has(cell.trim().toLowerCase())) ?? false;
}

/**
 * Reads the first worksheet whose header row has template columns (the instructions sheet is skipped,
 * and so is a sheet the person added in front), else the first worksheet that has anything in it.
 * Every part is inflated and parsed as a stream within the limits; a damaged file, a .docx or an .ods
 * is refused as not a spreadsheet.
 * @param {Uint8Array} bytes
 * @param {ReadLimits} limits
 * @param {readonly string[]} templateHeaders
 * @param {{ inflatedBytes: number }} usage counts the bytes inflated, whether the file is read or refused
 * @returns {Promise<SheetRow[]>}
 */
export async function readXlsx(bytes, limits, templateHeaders, usage) {
  const zip = await openZip(bytes, limits.maxInflatedBytes, usage);
  const packageRelationships = await readRelationships(zip, "");
  const workbookPath = pathOfType(packageRelationships, "officeDocument") ?? "xl/workbook.xml";
  if (!zip.has(workbookPath)) throw new Refusal({ code: "not-a-spreadsheet" });
  const relationships = await readRelationships(zip, workbookPath);
  const { sheetIds, date1904 } = await readWorkbook(zip, workbookPath);
  const sheetPaths = sheetIds.flatMap((id) => {
    const relationship = relationships.get(id);
    return relationship?.type.endsWith("/worksheet") && zip.has(relationship.path) ? [relationship.path] : [];
  });
  if (sheetPaths.length === 0) throw new Refusal({ code: "not-a-spreadsheet" });

  const stylesPath = pathOfType(relationships, "styles");
  const sharedStringsPath = pathOfType(relationships, "sharedStrings");
  zip.reserve([stylesPath ?? "", sharedStringsPath ?? "", ...sheetPaths]);
  const context = {
    limits,
    date1904,
    formats: await readStyles(zip, stylesPath),
    sharedStrings: await readSharedStrings(zip, sharedStringsPath, limits.maxCellLength),
  };
  const headers = new Set(templateHeaders);
  /** @type {SheetRow[] | undefined} */
  let firstNonEmpty;
  for (const path of sheetPaths) {
    const rows = await readWorksheet(zip, path, context);
    if (hasTemplateHeader(rows, headers)) return rows;
    if (!firstNonEmpty && rows.length > 0) firstNonEmpty = rows;
  }
  return firstNonEmpty ?? [];
}
