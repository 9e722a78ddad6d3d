import { readFileSync } from "node:fs";

/** The parts of a V8 `.cpuprofile` (node --cpu-prof) that a breakdown needs. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; hitCount?: number }[];
  startTime: number;
  endTime: number;
  samples: number[];
}

export interface ProfileShare {
  name: string;
  milliseconds: number;
  share: number;
}

/**
 * Where a sampled function's code lives: a package (its node_modules folder, or the bundle chunk Next named
 * after it), Node's own modules, the app's bundled code, or V8's pseudo-frames (idle, GC, program).
 */
export function codeOwner(functionName: string, url: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node (http, streams, timers)";
  const installed = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/);
  if (installed?.[1]) return installed[1];
  const chunk = url.match(/node_modules_((?:@[a-z0-9-]+_)?[a-z0-9.-]+?)_/i);
  if (chunk?.[1]) return chunk[1].replace(/^(@[^_]+)_/, "$1/");
  if (url.includes("/packages/")) return `@zones/${url.split("/packages/")[1]?.split("/")[0] ?? "?"}`;
  if (url.includes("/server/")) return "app bundle (Next server chunks)";
  return url.replace(/^file:\/\//, "");
}

/** Self time by owner, largest first, over the whole profile. */
export function profileBreakdown(file: string): {
  total: number;
  shares: ProfileShare[];
  top: ProfileShare[];
} {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const total = (profile.endTime - profile.startTime) / 1000;
  const perSample = total / Math.max(1, profile.samples.length);
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url } = node.callFrame;
    const owner = codeOwner(functionName, url);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + hits * perSample);
    const name = `${functionName || "(anonymous)"} — ${owner}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + hits * perSample);
  }
  const sorted = (map: Map<string, number>) =>
    [...map]
      .map(([name, milliseconds]) => ({ name, milliseconds, share: milliseconds / total }))
      .sort((a, b) => b.milliseconds - a.milliseconds);
  return { total, shares: sorted(byOwner), top: sorted(byFunction).slice(0, 15) };
}
