/**
 * The reader's worker thread: reads the upload in `workerData` and posts the result once. The main
 * thread gives it a heap limit and a time limit and ends it after the answer; a file that needs more
 * only ever costs this thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { readUpload } from "./read-upload.mjs";

parentPort?.postMessage(await readUpload(workerData));
