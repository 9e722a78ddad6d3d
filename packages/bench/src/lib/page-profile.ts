/**
 * Where a page's main thread spends its time while it loads in a browser (docs/performance.md, "Where a
 * phone's main thread goes"): a CPU profile of the renderer, each sample put in a kind by the script it ran
 * in, as Lighthouse's own breakdown names them.
 */

/** What a sample of a page's load was doing. */
export type PageWorkKind =
  | "native: HTML, style, layout, paint, compiling"
  | "React (react-dom)"
  | "Next's runtime"
  | "module loading (Turbopack's runtime)"
  | "the app and its libraries"
  | "browser built-ins"
  | "garbage collection"
  | "idle";

/** The build's scripts by what they hold: React's, Next's runtime (the root main files), Turbopack's loader. */
export interface ChunkKinds {
  react: ReadonlySet<string>;
  nextRuntime: ReadonlySet<string>;
}

/** Names a chunk by its file name, as a profile's call frames do (`…/_next/static/chunks/<name>.js`). */
export function chunkName(url: string): string {
  return url.split("?", 1)[0]?.split("/").pop() ?? "";
}

/** The kind of work of one call frame of the renderer's profile. */
export function workKind(frame: { functionName: string; url: string }, chunks: ChunkKinds): PageWorkKind {
  if (frame.functionName === "(idle)") return "idle";
  if (frame.functionName === "(program)") return "native: HTML, style, layout, paint, compiling";
  if (frame.functionName === "(garbage collector)") return "garbage collection";
  if (frame.url === "") return "browser built-ins";
  const name = chunkName(frame.url);
  if (name.startsWith("turbopack-")) return "module loading (Turbopack's runtime)";
  if (chunks.react.has(name)) return "React (react-dom)";
  if (chunks.nextRuntime.has(name)) return "Next's runtime";
  return "the app and its libraries";
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

/** A renderer's CPU profile (DevTools protocol `Profiler.stop`). */
export interface RendererProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of the profile by kind of work (idle included). */
export function workByKind(profile: RendererProfile, chunks: ChunkKinds): Map<PageWorkKind, number> {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const totals = new Map<PageWorkKind, number>();
  profile.samples.forEach((id, index) => {
    const frame = frames.get(id);
    if (!frame) return;
    const kind = workKind(frame, chunks);
    // A sample's time is the delta to the next one (microseconds).
    totals.set(kind, (totals.get(kind) ?? 0) + (profile.timeDeltas[index + 1] ?? 0) / 1000);
  });
  return totals;
}

/** Blocking time of long tasks, as Lighthouse counts it: each task's time beyond 50 ms. */
export function blockingTime(taskDurations: readonly number[]): number {
  return taskDurations.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0);
}
