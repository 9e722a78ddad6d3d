/** Types of `prepare-marker.mjs` (plain JavaScript, so that `npm run demo` can read it with Node alone). */

export declare const PREPARE_INPUTS: readonly string[];
export declare const PREPARE_MARKER_FILE: string;

export interface PrepareMarker {
  version: number;
  key: string;
  preparedAt: string;
  validUntil: string;
}

export declare function prepareInputFiles(rootDir: string, inputs?: readonly string[]): string[];
export declare function prepareInputsKey(rootDir: string, inputs?: readonly string[]): string;
export declare function readPrepareMarker(dataDir: string): PrepareMarker | null;
export declare function writePrepareMarker(
  dataDir: string,
  marker: { key: string; validUntil: Date; preparedAt?: Date },
): void;
export declare function prepareMarkerIsCurrent(
  marker: unknown,
  options: { key: string; now?: Date },
): boolean;
export declare function embeddedStoreIsPrepared(dataDir: string, rootDir: string, now?: Date): boolean;
