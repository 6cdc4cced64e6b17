import { setPriority } from "node:os";

/** The nice value verification runs at: below the request path, which stays at the process's. */
export const VERIFY_NICE = 10;

/**
 * Lets verification yield the CPU to the request path. With every core verifying, pages and status
 * polls waited their turn on the main thread (GET / p99 over 300 ms while ten 1 M-row uploads were
 * received and verified on 2 cores). On Linux `setpriority` on the calling thread sets the nice value
 * of that thread alone, and threads it starts later inherit it (a big pair is read in two); elsewhere
 * it would lower the whole process, so nothing is changed there. A sandbox that forbids it leaves
 * verification at the process's priority, as before.
 */
export function lowerThreadPriority(): void {
  if (process.platform !== "linux") return;
  try {
    setPriority(VERIFY_NICE);
  } catch {
    // Forbidden here: run at the process's priority.
  }
}
