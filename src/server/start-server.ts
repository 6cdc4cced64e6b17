import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Store } from "../store/store.ts";
import { type AppOptions, createApp } from "./app.ts";

export interface StartServerOptions extends Omit<AppOptions, "store"> {
  store: Store;
  /** 0 picks a free port. @default 8787 */
  port?: number;
  /** @default "127.0.0.1" */
  host?: string;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8787` */
  url: string;
  /** Stops accepting connections and waits for open requests to finish. */
  close(): Promise<void>;
}

/** Binds `createApp` to a socket. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { port = 8787, host = "127.0.0.1", ...appOptions } = options;
  const handle = createApp(appOptions);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: handle, port, hostname: host }, (info: AddressInfo) => {
      const shown = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        close: () => new Promise((done, fail) => server.close((error) => (error ? fail(error) : done()))),
      });
    });
    server.once("error", reject);
  });
}
