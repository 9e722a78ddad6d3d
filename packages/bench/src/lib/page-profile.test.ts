import { describe, expect, it } from "vitest";

import { blockingTime, type ChunkKinds, chunkName, workByKind, workKind } from "./page-profile";

const chunks: ChunkKinds = { react: new Set(["react.js"]), nextRuntime: new Set(["next.js"]) };
const at = (name: string) => `http://127.0.0.1:3800/_next/static/chunks/${name}?v=1`;

describe("page profile", () => {
  it("names a chunk by its file", () => {
    expect(chunkName(at("0bv4v4-cpbz94.js"))).toBe("0bv4v4-cpbz94.js");
  });

  it("puts each frame in a kind of work", () => {
    expect(workKind({ functionName: "(program)", url: "" }, chunks)).toBe(
      "native: HTML, style, layout, paint, compiling",
    );
    expect(workKind({ functionName: "(idle)", url: "" }, chunks)).toBe("idle");
    expect(workKind({ functionName: "(garbage collector)", url: "" }, chunks)).toBe("garbage collection");
    expect(workKind({ functionName: "querySelectorAll", url: "" }, chunks)).toBe("browser built-ins");
    expect(workKind({ functionName: "W", url: at("turbopack-077hmtqrhcoji.js") }, chunks)).toBe(
      "module loading (Turbopack's runtime)",
    );
    expect(workKind({ functionName: "ih", url: at("react.js") }, chunks)).toBe("React (react-dom)");
    expect(workKind({ functionName: "e", url: at("next.js") }, chunks)).toBe("Next's runtime");
    expect(workKind({ functionName: "OverviewView", url: at("app.js") }, chunks)).toBe(
      "the app and its libraries",
    );
  });

  it("adds each sample's time (the delta to the next) to its kind", () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: { functionName: "(program)", url: "" } },
        { id: 2, callFrame: { functionName: "ih", url: at("react.js") } },
      ],
      samples: [1, 2, 2, 1],
      timeDeltas: [0, 1000, 3000, 500],
    };
    const totals = workByKind(profile, chunks);
    expect(totals.get("native: HTML, style, layout, paint, compiling")).toBe(1);
    expect(totals.get("React (react-dom)")).toBe(3.5);
  });

  it("counts a long task's time beyond 50 ms only", () => {
    expect(blockingTime([40, 50, 51, 250])).toBe(201);
  });
});
