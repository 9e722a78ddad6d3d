/**
 * Calls in one batched request. The server refuses longer batches and the browser's batch link never sends
 * one (a page needs a handful), so this module has no imports: the client bundle takes it alone.
 */
export const MAX_BATCH_SIZE = 20;
