/**
 * A file download's answer (exports, kept export files, entry templates): an attachment, never cached, never
 * sniffed, and never compressed on the way. `no-transform` (RFC 9111) is the standard "leave the bytes as they
 * are": Next's compression honours it (pages and API answers are still gzipped for clients talking to Node
 * directly), so an export streams chunk by chunk as the cursor yields it instead of in gzip's blocks, and a
 * file reaches the browser byte for byte as it was written; proxies that honour HTTP leave it alone too.
 */
export function downloadResponse(
  body: ConstructorParameters<typeof Response>[0],
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
