import { LocalExportStorage } from "./local";
import { S3ExportStorage, type S3StorageSettings } from "./s3";
import type { ExportStorage } from "./storage";

export type ExportStorageSettings = { kind: "local"; dir: string } | ({ kind: "s3" } & S3StorageSettings);

/**
 * The storage variables as a process validated them (`@zones/db/service-environment`: `EXPORT_STORAGE_URL`
 * already parsed into its bucket and prefix).
 */
export interface ExportStorageVariables {
  EXPORT_STORAGE_URL?: { bucket: string; prefix: string } | undefined;
  S3_ENDPOINT?: string | undefined;
  S3_REGION?: string | undefined;
  S3_ACCESS_KEY_ID?: string | undefined;
  S3_SECRET_ACCESS_KEY?: string | undefined;
  S3_FORCE_PATH_STYLE?: boolean | undefined;
}

/** Where export files go: the bucket of `EXPORT_STORAGE_URL` when set, else the local folder `dir`. */
export function exportStorageSettings(variables: ExportStorageVariables, dir: string): ExportStorageSettings {
  const location = variables.EXPORT_STORAGE_URL;
  if (!location) return { kind: "local", dir };
  const required = (name: "S3_REGION" | "S3_ACCESS_KEY_ID" | "S3_SECRET_ACCESS_KEY") => {
    const value = variables[name];
    // The process's configuration check refuses this first; kept so that no caller can skip it.
    if (!value) throw new Error(`${name} is missing (required with EXPORT_STORAGE_URL)`);
    return value;
  };
  return {
    kind: "s3",
    bucket: location.bucket,
    prefix: location.prefix,
    ...(variables.S3_ENDPOINT ? { endpoint: variables.S3_ENDPOINT } : {}),
    region: required("S3_REGION"),
    accessKeyId: required("S3_ACCESS_KEY_ID"),
    secretAccessKey: required("S3_SECRET_ACCESS_KEY"),
    forcePathStyle: variables.S3_FORCE_PATH_STYLE ?? false,
  };
}

export function openExportStorage(settings: ExportStorageSettings): ExportStorage {
  return settings.kind === "local" ? new LocalExportStorage(settings.dir) : new S3ExportStorage(settings);
}
