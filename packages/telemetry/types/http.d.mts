/** What other packages see of `src/http.mjs` (checked against it by src/declarations.ts). */
import type { Server } from "node:http";

export declare function observeRequests(server: Server, options: { dir: string }): void;
