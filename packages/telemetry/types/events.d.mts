/** What other packages see of `src/events.mjs` (checked against it by src/declarations.ts). */
export type EventFields = Record<string, unknown> & { msg?: string };

export declare const events: {
  info(event: string, fields?: EventFields): void;
  warn(event: string, fields?: EventFields): void;
  error(event: string, fields?: EventFields): void;
};
