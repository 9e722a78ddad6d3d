import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

/** The parts of a V8 `.cpuprofile` (node --cpu-prof) that a breakdown needs. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    hitCount?: number;
  }[];
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
  if (url.includes("apps/web/src/")) return "apps/web (routes, server code)";
  if (url.includes("/server/")) return "app bundle (Next server chunks)";
  return url.replace(/^file:\/\//, "");
}

/**
 * The source a bundled frame came from, through the chunk's source map (Next writes one beside each server
 * chunk): `[project]/node_modules/better-auth/…`, `[project]/packages/api/…`. The chunk's own URL otherwise.
 */
function sourceResolver(): (frame: { url: string; lineNumber: number; columnNumber: number }) => string {
  const maps = new Map<string, SourceMap | null>();
  return ({ url, lineNumber, columnNumber }) => {
    if (!url.startsWith("file://")) return url;
    let map = maps.get(url);
    if (map === undefined) {
      const file = `${fileURLToPath(url)}.map`;
      map = existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, "utf8"))) : null;
      maps.set(url, map);
    }
    const entry = map?.findEntry(lineNumber, columnNumber);
    const source = entry && "originalSource" in entry && entry.originalSource ? entry.originalSource : url;
    return source.replaceAll("%40", "@");
  };
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
  const sourceOf = sourceResolver();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName } = node.callFrame;
    const owner = codeOwner(functionName, sourceOf(node.callFrame));
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
