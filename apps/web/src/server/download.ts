/**
 * A file download's answer (exports, kept export files, entry templates): an attachment, never cached, never
 * sniffed, and never compressed on the way. `no-transform` (RFC 9111) is the standard "leave the bytes as they
 * are": Next's compression honours it (pages and API answers are still gzipped for clients talking to Node
 * directly), so an export streams chunk by chunk as the cursor yields it, a kept file keeps its length (the
 * browser's progress), and an XLSX (already a ZIP) is not gzipped again; proxies that honour HTTP leave it too.
 */
export function downloadResponse(
  body: BodyInit,
  file: { contentType: string; fileName: string },
  extra: Record<string, string> = {},
): Response {
  return new Response(body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "no-store, no-transform",
      "x-content-type-options": "nosniff",
      ...extra,
    },
  });
}
