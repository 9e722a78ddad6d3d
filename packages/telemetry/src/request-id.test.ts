import { describe, expect, it } from "vitest";

import { requestIdFrom } from "./request-id.mjs";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("requestIdFrom", () => {
  it("keeps a proxy's well-formed id", () => {
    expect(requestIdFrom("f3a9c2d1e0b84c7a9d6e5f4a3b2c1d0e")).toBe("f3a9c2d1e0b84c7a9d6e5f4a3b2c1d0e");
    expect(requestIdFrom(["req-1.2:3_x", "other"])).toBe("req-1.2:3_x");
  });

  it("replaces a missing, empty, overlong or unprintable id with a new UUID", () => {
    for (const bad of [undefined, null, "", "a".repeat(129), "id with space", "id\nforged: line", "编号"]) {
      expect(requestIdFrom(bad)).toMatch(UUID);
    }
  });

  it("gives a different id to each request without one", () => {
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});
