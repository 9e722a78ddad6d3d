export { LocalExportStorage } from "./local";
export { describeS3Error, S3ExportStorage, type S3StorageSettings, UPLOAD_PART_BYTES } from "./s3";
export {
  type ExportStorageSettings,
  type ExportStorageVariables,
  exportStorageSettings,
  openExportStorage,
} from "./settings";
export {
  assertObjectKey,
  type ExportStorage,
  exportObjectKey,
  type Stored,
  type StoredObject,
} from "./storage";
