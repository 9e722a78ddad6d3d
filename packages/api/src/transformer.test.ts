import { deepFreeze } from "@zones/domain";
import superjson from "superjson";
import { describe, expect, it } from "vitest";

import { transformer } from "./transformer";

describe("the tRPC transformer", () => {
  const answer = () => ({ quarter: "2026Q2", at: new Date("2026-07-01T00:00:00Z"), cells: [{ value: 1.5 }] });

  it("writes what superjson writes, and reads it back", () => {
    const written = transformer.serialize(answer());
    expect(written).toEqual(superjson.serialize(answer()));
    expect(transformer.deserialize(written)).toEqual(answer());
  });

  it("serializes a frozen (cached) answer once; a value that may still change every time", () => {
    const kept = deepFreeze(answer());
    expect(transformer.serialize(kept)).toBe(transformer.serialize(kept));
    const open = answer();
    const first = transformer.serialize(open);
    open.cells.push({ value: 2 });
    expect(transformer.serialize(open)).not.toEqual(first);
  });
});
