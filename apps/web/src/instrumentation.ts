/**
 * Starts the export worker with the server (when it runs in-process: see `exportWorkerMode`), so schedules
 * fire even before the first request. Never during `next build`, which must not open the database.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getExportJobs } = await import("./server/process-resources");
  await getExportJobs().catch(() => {
    // Logged where it failed; requests try again.
  });
}
