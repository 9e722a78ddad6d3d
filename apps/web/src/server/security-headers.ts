/**
 * Response headers that keep the browser on our side. One place for the policy: `proxy.ts` applies the
 * page policy per request (it needs a fresh nonce), `next.config.ts` the fixed headers on every response.
 */

/** Headers for every response, pages, APIs and files alike. */
export const FIXED_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Older browsers' form of `frame-ancestors 'none'`: no page of ours inside another site's frame.
  { key: "X-Frame-Options", value: "DENY" },
  // Addresses carry zone codes and quarters; no other site needs them.
  { key: "Referrer-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

/** API answers are data, never documents: nothing in them may run or be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** Two years, the preload list's minimum; sent only over https, where browsers heed it. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/**
 * The pages' policy. Scripts run only with this response's nonce (Next puts it on its own scripts) and what
 * those load ('strict-dynamic'); styles allow inline attributes, which React and the charts write.
 */
export function pageContentSecurityPolicy(nonce: string, options: { development: boolean; https: boolean }) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
