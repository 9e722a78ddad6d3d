/** What other packages see of `src/context.mjs` (checked against it by src/declarations.ts). */

export interface RequestContext {
  requestId: string;
  /** The signed-in user, once their session has been read. */
  userId: string | null;
  /** tRPC procedures the request called (a batch calls several). */
  procedures: string[];
}

export declare function newRequestContext(requestId: string): RequestContext;
export declare function runWithRequest<T>(context: RequestContext, fn: () => T): T;
export declare function enterRequest(context: RequestContext): void;
export declare function currentRequest(): RequestContext | null;
export declare function noteRequestUser(userId: string | null | undefined): void;
export declare function inRequest<T>(fn: () => T): T;
