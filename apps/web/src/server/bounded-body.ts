import "server-only";

/**
 * A request whose body is at most `limit` bytes, or null when it is longer. A declared length over the limit
 * is refused before a byte is read; a body without one (chunked) is read only up to the limit, then dropped,
 * so a client cannot make the server hold more than `limit` bytes of it.
 */
export async function boundedRequest(request: Request, limit: number): Promise<Request | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= limit)) {
    await request.body?.cancel().catch(() => {});
    return null;
  }
  if (!request.body || declared !== null) return request;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: Buffer.concat(chunks),
    signal: request.signal,
  });
}
