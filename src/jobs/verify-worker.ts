// Worker-thread entry: verifies one stored upload at a time for `verify-pool.ts`. The thread holds
// the whole pipeline (formats, measures, judge), so a big log is parsed off the main thread and the
// server keeps answering; a crash here kills this thread only, and its job is retried.
import { parentPort } from "node:worker_threads";
import type { UploadWork } from "../store/upload.ts";
import { lowerThreadPriority } from "./verify-priority.ts";
import { verifyUpload } from "./verify-upload.ts";

lowerThreadPriority();

parentPort?.on("message", async (message: { task: number; work: UploadWork }) => {
  const outcome = await verifyUpload(message.work, (line) => parentPort?.postMessage({ log: line }));
  parentPort?.postMessage({ task: message.task, outcome });
});
