/** What other packages see of `src/log.mjs` (checked against it by src/declarations.ts). */
import type { Logger } from "pino";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
export type LogFormat = "json" | "pretty";
export interface LogDestination {
  write(line: string): unknown;
}

export declare function stdoutDestination(format: LogFormat): LogDestination;
export declare function createLogger(options?: {
  level?: LogLevel;
  format?: LogFormat;
  destination?: LogDestination;
}): Logger;
export declare const logger: Logger;
export declare function redirectLogs(destination: LogDestination, level: LogLevel): () => void;
