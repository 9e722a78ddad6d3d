export type TextEncoding = "utf-8" | "utf-8-bom" | "gb18030";

export type DecodeResult =
  | { ok: true; encoding: TextEncoding; text: string }
  | { ok: false; reason: "utf-16" | "undecodable" };

export declare function decodeText(bytes: Uint8Array): DecodeResult;
