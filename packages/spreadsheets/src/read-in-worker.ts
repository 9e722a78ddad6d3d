import { Worker } from "node:worker_threads";
import { ZonesError } from "@zones/domain";
import {
  MAX_PARSE_WORKERS,
  MAX_WAITING_PARSES,
  PARSE_TIME_LIMIT_MS,
  PARSE_WAIT_LIMIT_MS,
  PARSE_WORKER_HEAP_MB,
} from "./limits";
import { ParseSlots } from "./parse-slots";
import type { ReadRequest, ReadResult } from "./reader/protocol";

/** The reader's answer, or why there is none: no free worker, or the file needed too long or too much memory. */
export type WorkerReadResult =
  | ReadResult
  | { ok: false; encoding: null; refusal: { code: "busy" | "too-complex" } };

const slots = new ParseSlots({
  slots: MAX_PARSE_WORKERS,
  maxWaiting: MAX_WAITING_PARSES,
  waitMs: PARSE_WAIT_LIMIT_MS,
});

const tooComplex = { ok: false, encoding: null, refusal: { code: "too-complex" } } as const;

function isOutOfMemory(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ERR_WORKER_OUT_OF_MEMORY";
}

/** The limits of one worker; tests make them small. */
export interface WorkerLimits {
  timeLimitMs: number;
  heapMb: number;
}

const WORKER_LIMITS: WorkerLimits = { timeLimitMs: PARSE_TIME_LIMIT_MS, heapMb: PARSE_WORKER_HEAP_MB };

function runWorker(request: ReadRequest, { timeLimitMs, heapMb }: WorkerLimits): Promise<WorkerReadResult> {
  // The worker gets its own copy of the bytes, moved rather than copied again: the caller keeps its array.
  const bytes = request.bytes.slice();
  return new Promise((resolve, reject) => {
    // A plain JavaScript file that Node loads as it is (vitest, tsx); `next build` bundles it as a
    // worker entry (Turbopack recognises `new Worker(new URL(…, import.meta.url))`).
    const worker = new Worker(new URL("./reader/worker.mjs", import.meta.url), {
      workerData: { ...request, bytes },
      transferList: [bytes.buffer],
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(32, heapMb / 4) },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => resolve(tooComplex)), timeLimitMs);
    worker.once("message", (result: ReadResult) => settle(() => resolve(result)));
    worker.once("error", (error) =>
      settle(() => (isOutOfMemory(error) ? resolve(tooComplex) : reject(error))),
    );
    worker.once("exit", (code) =>
      settle(() => reject(new Error(`the upload reader stopped (exit code ${code})`))),
    );
  });
}

/**
 * Reads an upload in a worker thread, so that a big or hostile file never blocks the server's event
 * loop: at most `MAX_PARSE_WORKERS` at once, each with a heap limit and a time limit.
 */
export async function readInWorker(
  request: ReadRequest,
  limits: WorkerLimits = WORKER_LIMITS,
): Promise<WorkerReadResult> {
  let release: () => void;
  try {
    release = await slots.acquire();
  } catch (error) {
    if (error instanceof ZonesError && error.code === "busy")
      return { ok: false, encoding: null, refusal: { code: "busy" } };
    throw error;
  }
  try {
    return await runWorker(request, limits);
  } finally {
    release();
  }
}
