export {
  type Database,
  type DatabaseHandle,
  defaultPgliteDir,
  EmbeddedDatabaseInUseError,
  type Engine,
  openDatabase,
  openPglite,
  openPostgres,
  POSTGRES_SESSION_SETTINGS,
} from "./client";
export * from "./exports";
export * from "./queries/dashboard";
export * from "./queries/health";
export * from "./queries/overview";
export * from "./queries/periods";
export * from "./queries/settings";
export * from "./queries/users";
export * from "./reporting";
export { rowsOf } from "./rows";
