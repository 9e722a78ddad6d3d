import { describe, expect, it } from "vitest";

import { keptQuestion } from "./kept-question";

const input = encodeURIComponent(JSON.stringify({ json: { zoneCode: "HB-HS" } }));

describe("keptQuestion", () => {
  it("keeps one cached dashboard procedure asked alone, from a target or a whole URL alike", () => {
    const target = `/api/trpc/dashboard.zone?input=${input}`;
    expect(keptQuestion(target)).toBe(target);
    expect(keptQuestion(`http://127.0.0.1:3000${target}`)).toBe(target);
    expect(keptQuestion("/api/trpc/overview.get")).toBe("/api/trpc/overview.get");
  });

  it("reads a target as a URL parser does, so the router and the early answer name it alike", () => {
    expect(keptQuestion('/api/trpc/overview.get?input={"json":{}}')).toBe(
      "/api/trpc/overview.get?input={%22json%22:{}}",
    );
  });

  it("keeps nothing else: batches, other procedures, other parameters, other paths", () => {
    expect(keptQuestion(`/api/trpc/dashboard.zone?batch=1&input=${input}`)).toBeNull();
    expect(keptQuestion(`/api/trpc/dashboard.zone,overview.get?input=${input}`)).toBeNull();
    expect(keptQuestion(`/api/trpc/dashboard.compare?input=${input}`)).toBeNull();
    expect(keptQuestion(`/api/trpc/session.me`)).toBeNull();
    expect(keptQuestion(`/api/trpc/dashboard.zone?input=${input}&input=${input}`)).toBeNull();
    expect(keptQuestion(`/api/trpc/dashboard.zone?input=${input}&x=1`)).toBeNull();
    expect(keptQuestion(`/zones/HB-HS`)).toBeNull();
    expect(keptQuestion(`/api/trpc/dashboard.zone/extra`)).toBeNull();
    expect(keptQuestion("http://[bad")).toBeNull();
  });
});
