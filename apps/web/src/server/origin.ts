/**
 * True when a request names an Origin other than the host it was sent to, or names none at all:
 * browsers always send Origin on POST, so a missing one means a hand-made or stripped request.
 */
export function isCrossOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
