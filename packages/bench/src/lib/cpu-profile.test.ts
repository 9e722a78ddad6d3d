import { describe, expect, it } from "vitest";

import { codeOwner } from "./cpu-profile";

describe("codeOwner", () => {
  it("names the package of installed and bundled code, Node's modules and V8's pseudo-frames", () => {
    expect(codeOwner("getSession", "[project]/node_modules/better-auth/dist/api/index.mjs")).toBe(
      "better-auth",
    );
    expect(codeOwner("x", "file:///w/node_modules/@trpc/server/dist/index.mjs")).toBe("@trpc/server");
    expect(codeOwner("x", "file:///w/node_modules/a/node_modules/postgres/src/index.js")).toBe("postgres");
    expect(codeOwner("x", "[project]/packages/api/src/dashboard-cache.ts")).toBe("@zones/api");
    expect(codeOwner("x", "node:internal/streams/writable")).toBe("node (http, streams, timers)");
    expect(codeOwner("(garbage collector)", "")).toBe("(garbage collector)");
    expect(codeOwner("x", "file:///w/apps/web/.next/server/chunks/[root-of-the-server]__1au._.js")).toBe(
      "app bundle (Next server chunks)",
    );
  });
});
