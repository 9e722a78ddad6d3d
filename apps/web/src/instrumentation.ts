/**
 * Opens the database with the server, so the first request finds it open, and starts watching it and checking
 * its migrations (server/lifecycle.ts), then starts the export worker
 * (when it runs in-process: see `exportWorkerMode`), so schedules fire even before the first request. Never
 * during `next build`, which must not open the database.
 *
 * The worker comes a few seconds later and is not awaited: requests wait for this hook, and on the embedded
 * database every statement runs on the server's one thread, so pg-boss's start-up (schema check, queues,
 * schedule) delayed the first page by about a second on a busy machine. A request that needs export jobs
 * sooner starts them itself (`getExportJobs` is shared).
 */
const EXPORT_JOBS_DELAY_MS = 5_000;

export async function register() {
  // Next's own variables, read as literals: Next replaces NEXT_RUNTIME at build time (see ~/env).
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getExportJobs } = await import("./server/process-resources");
  const { registerEarlyAnswers } = await import("./server/dashboard-responses");
  registerEarlyAnswers();
  const { startLifecycle } = await import("./server/lifecycle");
  await startLifecycle().catch(() => {
    // The database cannot be opened (the embedded store is in use): reported by the health checks and by the
    // export jobs' start below; requests try again.
  });
  setTimeout(() => {
    getExportJobs().catch(() => {
      // Logged where it failed; requests try again.
    });
  }, EXPORT_JOBS_DELAY_MS);
}
