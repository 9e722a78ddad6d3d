import { describe, expect, it } from "vitest";

import { busyShare, cpuTimes } from "./quiet";

const core = (user: number, idle: number) => ({
  model: "test",
  speed: 0,
  times: { user, nice: 0, sys: 0, irq: 0, idle },
});

describe("the machine's busy share between two readings", () => {
  it("sums every core's time", () => {
    expect(cpuTimes([core(100, 900), core(300, 700)])).toEqual({ busy: 400, total: 2000 });
  });

  it("is the busy part of the time that passed, not of the time since boot", () => {
    const before = cpuTimes([core(1_000, 9_000), core(1_000, 9_000)]);
    // One core fully busy for a second, the other idle: half the machine.
    const after = cpuTimes([core(2_000, 9_000), core(1_000, 10_000)]);
    expect(busyShare(before, after)).toBe(0.5);
  });

  it("is 0 when no time passed", () => {
    const same = cpuTimes([core(5, 5)]);
    expect(busyShare(same, same)).toBe(0);
  });
});
