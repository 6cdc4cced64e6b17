import type { AddressInfo } from "node:net";
import { availableParallelism } from "node:os";
import { serve } from "@hono/node-server";
import { type JobRunner, startJobRunner } from "../jobs/job-runner.ts";
import { createVerifyPool } from "../jobs/verify-pool.ts";
import { sweepLeftovers } from "../store/input-files.ts";
import type { Store } from "../store/store.ts";
import { type AppOptions, createApp } from "./app.ts";

export interface StartServerOptions extends Omit<AppOptions, "store"> {
  store: Store;
  /** 0 picks a free port. @default 8787 */
  port?: number;
  /** @default "127.0.0.1" */
  host?: string;
  /**
   * Time a client has to send a whole request, headers and body; a client that stalls (a slow or
   * abandoned upload) gets a 408 and its connection is closed. @default 120_000 (64 MiB at ~4 Mbit/s)
   */
  requestTimeoutMs?: number;
  /**
   * Worker threads that verify uploads in this process; 0 leaves them to `claimcheck worker`
   * processes sharing the database. @default availableParallelism()
   */
  workers?: number;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8787` */
  url: string;
  /** Stops accepting connections and waits for open requests to finish. */
  close(): Promise<void>;
}

/** Binds `createApp` to a socket. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { port = 8787, host = "127.0.0.1", requestTimeoutMs = 120_000, workers, ...appOptions } = options;
  const handle = createApp(appOptions);
  // Files a server killed mid-upload left in the spool folder (the uploads were never answered 202).
  await sweepLeftovers(options.store.spoolDir, Date.now());
  const runner = await startWorkers(options, workers ?? availableParallelism());
  const serverOptions = {
    requestTimeout: requestTimeoutMs,
    headersTimeout: Math.min(requestTimeoutMs, 20_000),
    // Node checks the timeouts every this often (30 s by default, too coarse for short limits).
    connectionsCheckingInterval: Math.max(50, Math.min(5_000, Math.floor(requestTimeoutMs / 4))),
  };
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: handle, port, hostname: host, serverOptions }, (info: AddressInfo) => {
      const shown = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        close: async () => {
          await new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done())));
          await runner?.stop();
        },
      });
    });
    server.once("error", reject);
  });
}

// --- internal ---

async function startWorkers(options: StartServerOptions, threads: number): Promise<JobRunner | undefined> {
  const queue = options.queue ?? (options.store as { queue?: StartServerOptions["queue"] }).queue;
  if (threads <= 0 || queue === undefined) return undefined;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const pool = createVerifyPool({ size: threads, log });
  const runner = await startJobRunner({
    store: options.store,
    queue,
    pool,
    log,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    async stop() {
      await runner.stop();
      await pool.close();
    },
  };
}
