import "server-only";

export { getExportJobs } from "./process-resources";
