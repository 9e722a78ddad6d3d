/** What a file is by its first bytes; the name is not trusted (a renamed .xls is common). */
export type FileKind = "xlsx" | "xls" | "binary" | "text";

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: .xls, .et (WPS) and also password-protected .xlsx. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const OTHER_BINARY_MAGIC: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x50, 0x4b, 0x05, 0x06], // empty ZIP
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x1f, 0x8b], // gzip
];
const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];

export function sniffFile(bytes: Uint8Array): FileKind {
  // A ZIP may be an .xlsx whatever it is called; the reader finds out whether it holds a workbook.
  if (startsWith(bytes, ZIP)) return "xlsx";
  if (startsWith(bytes, OLE)) return "xls";
  if (OTHER_BINARY_MAGIC.some((magic) => startsWith(bytes, magic))) return "binary";
  // UTF-16 text is full of NUL bytes; it is text in an encoding we refuse, not a binary file.
  if (UTF16_BOMS.some((bom) => startsWith(bytes, bom))) return "text";
  return bytes.includes(0) ? "binary" : "text";
}
