import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { queueDraw } from "./draw-queue";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.runAllTimers();
  vi.useRealTimers();
});

describe("queueDraw", () => {
  it("draws one chart per task, in the order queued", () => {
    const drawn: string[] = [];
    for (const name of ["a", "b", "c"]) queueDraw(() => drawn.push(name));
    expect(drawn).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(drawn).toEqual(["a"]);
    vi.advanceTimersToNextTimer();
    expect(drawn).toEqual(["a", "b"]);
    vi.advanceTimersToNextTimer();
    expect(drawn).toEqual(["a", "b", "c"]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("skips a chart taken out of the queue before its turn (it left the page)", () => {
    const drawn: string[] = [];
    queueDraw(() => drawn.push("a"));
    const cancel = queueDraw(() => drawn.push("b"));
    queueDraw(() => drawn.push("c"));
    cancel();
    vi.runAllTimers();
    expect(drawn).toEqual(["a", "c"]);
  });

  it("starts again for charts queued after the queue ran dry", () => {
    const drawn: string[] = [];
    queueDraw(() => drawn.push("a"));
    vi.runAllTimers();
    queueDraw(() => drawn.push("b"));
    vi.runAllTimers();
    expect(drawn).toEqual(["a", "b"]);
  });
});
