import { describe, expect, it } from "vitest";
import { ParseSlots } from "./parse-slots";

describe("ParseSlots", () => {
  it("lets a limited number run, queues a few in order and refuses the rest at once", async () => {
    const slots = new ParseSlots({ slots: 1, maxWaiting: 1, waitMs: 1000 });
    const release = await slots.acquire();
    const waiting = slots.acquire();
    await expect(slots.acquire()).rejects.toMatchObject({ name: "ZonesError", code: "busy" });
    release();
    release(); // a second call frees nothing more: the slot went to the caller who waited
    const next = await waiting;
    const after = slots.acquire();
    next();
    await expect(after).resolves.toBeTypeOf("function");
  });

  it("refuses a caller that waited too long, and keeps its place free", async () => {
    const slots = new ParseSlots({ slots: 1, maxWaiting: 1, waitMs: 20 });
    const release = await slots.acquire();
    await expect(slots.acquire()).rejects.toMatchObject({ name: "ZonesError", code: "busy" });
    const again = slots.acquire();
    release();
    const next = await again;
    next();
    await expect(slots.acquire()).resolves.toBeTypeOf("function");
  });
});
