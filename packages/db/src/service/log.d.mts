/** Types of `log.mjs` (plain JavaScript, so that the production server can run it with Node alone). */
export type LogFields = Record<string, unknown> & { msg?: string };

export declare const log: {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
};

export declare function describeError(error: unknown): string;
