/** What other packages see of `src/testing.mjs` (checked against it by src/declarations.ts). */
import type { LogLevel } from "./log.mjs";

export declare function captureLogs(level?: LogLevel): {
  text(): string;
  lines(): Record<string, unknown>[];
  stop(): void;
};
