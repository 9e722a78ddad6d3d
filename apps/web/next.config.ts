import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

import { API_CONTENT_SECURITY_POLICY, FIXED_SECURITY_HEADERS } from "./src/server/security-headers";

// Messages are compiled when they are built (next-intl's `precompile`): the browser gets no ICU parser and
// parses no message at run time. `t.raw` is not available with it (nothing here uses it).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./src/i18n/request.ts",
  experimental: {
    messages: {
      // The API package's own sentences (packages/api/src/messages.ts) go through the same formatter.
      path: ["./src/messages", "../../packages/api/messages"],
      format: "json",
      locales: ["zh-CN", "en"],
      precompile: true,
    },
  },
});

const config: NextConfig = {
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // Workspace packages ship TypeScript sources; Next compiles them.
  transpilePackages: [
    "@zones/api",
    "@zones/charts",
    "@zones/db",
    "@zones/domain",
    "@zones/exports",
    "@zones/jobs",
    "@zones/mail",
    "@zones/spreadsheets",
    "@zones/storage",
  ],
  // Loaded from node_modules at run time: PGlite reads its WASM and data files from its own folder.
  serverExternalPackages: [
    "@aws-sdk/client-s3",
    "@aws-sdk/lib-storage",
    "@electric-sql/pglite",
    "exceljs",
    "iconv-lite",
    "pg",
    "pg-boss",
    "postgres",
    "proper-lockfile",
    "rate-limiter-flexible",
  ],
  typedRoutes: false,
  experimental: {
    // The stylesheets (~7 kB gzipped) go inside the HTML: a phone paints without another round trip.
    inlineCss: true,
  },
  // The fixed security headers on every response; the pages' Content-Security-Policy (with a nonce) is
  // set per request by src/proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: [...FIXED_SECURITY_HEADERS] },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
      },
    ];
  },
  // `next dev` serves its scripts to 127.0.0.1 too (tests and scripts use that address).
  allowedDevOrigins: ["127.0.0.1"],
};

export default withNextIntl(config);
