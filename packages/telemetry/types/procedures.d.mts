/** What other packages see of `src/procedures.mjs` (checked against it by src/declarations.ts). */

export interface ProcedureCall {
  procedure: string;
  type: string;
  /** The HTTP status the call answers with (200, or its error's). */
  status: number;
  durationMs: number;
  userId: string | null;
}

export declare function recordProcedureCall(call: ProcedureCall): void;
