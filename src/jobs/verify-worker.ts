// Worker-thread entry: verifies one stored upload at a time for `verify-pool.ts`. The thread holds
// the whole pipeline (formats, measures, judge), so a big log is parsed off the main thread and the
// server keeps answering; a crash here kills this thread only, and its job is retried.
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import type { UploadWork } from "../store/upload.ts";
import { verifyUpload } from "./verify-upload.ts";

/**
 * Verification yields the CPU to the request path: with every core verifying, pages and status polls
 * of the main thread waited their turn (GET / p99 over 300 ms while ten 1 M-row uploads were received
 * and verified on 2 cores). On Linux `setpriority` on the calling thread sets this thread's nice value
 * alone, and the threads it starts (a big pair is read in two) inherit it; elsewhere it would lower the
 * whole process, so it is left as it is.
 */
export const VERIFY_NICE = 10;

if (process.platform === "linux") {
  try {
    setPriority(VERIFY_NICE);
  } catch {
    // A sandbox that forbids it: verification runs at the process's priority, as before.
  }
}

parentPort?.on("message", async (message: { task: number; work: UploadWork }) => {
  const outcome = await verifyUpload(message.work, (line) => parentPort?.postMessage({ log: line }));
  parentPort?.postMessage({ task: message.task, outcome });
});
