/**
 * Builds ZIP files for the tests, including "bombs": a part given as a head, a body repeated many times
 * and a tail is compressed once per piece, so that a part of hundreds of MB costs the test neither the
 * memory nor the time of compressing it. Not exported from the package.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";

export interface RepeatedPart {
  head: string;
  body: string;
  times: number;
  tail: string;
}

export interface ZipPart {
  name: string;
  content: string | RepeatedPart;
  /** Declared uncompressed size, to make a part that lies about it. */
  declaredSize?: number;
}

interface Compressed {
  data: Uint8Array;
  size: number;
  crc: number;
}

/** Deflate pieces that end on a full flush concatenate into one valid stream; the last one ends it. */
function compress(content: string | RepeatedPart): Compressed {
  const encoder = new TextEncoder();
  if (typeof content === "string") {
    const bytes = encoder.encode(content);
    return { data: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
  }
  const open = { finishFlush: constants.Z_FULL_FLUSH };
  const [head, body, tail] = [content.head, content.body, content.tail].map((text) => encoder.encode(text));
  if (!head || !body || !tail) throw new Error("unreachable");
  const bodyDeflated = deflateRawSync(body, open);
  let crc = crc32(head);
  for (let index = 0; index < content.times; index++) crc = crc32(body, crc);
  crc = crc32(tail, crc);
  const pieces = [
    deflateRawSync(head, open),
    ...Array(content.times).fill(bodyDeflated),
    deflateRawSync(tail),
  ];
  return {
    data: Buffer.concat(pieces),
    size: head.length + body.length * content.times + tail.length,
    crc,
  };
}

export function zipFile(parts: readonly ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, size, crc } = compress(part.content);
    const name = Buffer.from(part.name, "utf8");
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(data));
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** The opening of a worksheet part, up to its rows; end it with `SHEET_TAIL`. */
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}"><sheetData>`;
export const SHEET_TAIL = "</sheetData></worksheet>";
export const SHARED_STRINGS_HEAD = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}">`;
export const SHARED_STRINGS_TAIL = "</sst>";

/** Inline-string cells, A, B, C, … */
export function inlineCells(cells: readonly string[]): string {
  return cells.map((text) => `<c t="inlineStr"><is><t>${text}</t></is></c>`).join("");
}

/** A row of inline-string cells. */
export function inlineRow(row: number, cells: readonly string[]): string {
  return `<row r="${row}">${inlineCells(cells)}</row>`;
}

/** A minimal workbook of one sheet (and shared strings, if given), as Excel lays it out. */
export function workbookZip(
  sheet: string | RepeatedPart,
  options: { sharedStrings?: string | RepeatedPart; declaredSheetSize?: number } = {},
): Uint8Array {
  const sharedRel = options.sharedStrings
    ? `<Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`
    : "";
  const parts: ZipPart[] = [
    {
      name: "_rels/.rels",
      content: `<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      content: `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      content: `<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>${sharedRel}</Relationships>`,
    },
  ];
  if (options.sharedStrings) parts.push({ name: "xl/sharedStrings.xml", content: options.sharedStrings });
  parts.push({ name: "xl/worksheets/sheet1.xml", content: sheet, declaredSize: options.declaredSheetSize });
  return zipFile(parts);
}
