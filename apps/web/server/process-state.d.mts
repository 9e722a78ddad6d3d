import type { IncomingMessage, ServerResponse } from "node:http";

/** Types of `process-state.mjs` (plain JavaScript, shared by server.mjs and the app Next bundles). */
export type ShutdownPhase = "stop" | "close";
export interface ShutdownContext {
  /** When the grace (SHUTDOWN_GRACE_SECONDS) ends, in `Date.now()` milliseconds. */
  deadline: number;
}
export type ShutdownHook = (context: ShutdownContext) => Promise<void> | void;

export interface ProcessState {
  database: "unknown" | "up" | "down";
  stopping: boolean;
  /** Asks the database watch for a check now (a request just failed); a no-op without a watch. */
  checkDatabaseNow: () => void;
  /**
   * Answers a request before Next's router when the app can (a dashboard query whose response it keeps:
   * src/server/dashboard-responses.ts); resolves false to leave it to Next. Null until the app registers it.
   */
  answerEarly: ((request: IncomingMessage, response: ServerResponse) => Promise<boolean>) | null;
  shutdownHooks: Record<ShutdownPhase, ShutdownHook[]>;
}

export declare function processState(): ProcessState;
export declare function onShutdown(phase: ShutdownPhase, hook: ShutdownHook): void;
export declare function runShutdownHooks(phase: ShutdownPhase, context: ShutdownContext): Promise<unknown[]>;
