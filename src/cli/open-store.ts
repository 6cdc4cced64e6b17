import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { JobQueue } from "../jobs/job-queue.ts";
import { ClaimcheckError } from "../model/errors.ts";
import { createPostgresStore, isPostgresUrl } from "../store/postgres-store.ts";
import { createSqliteStore } from "../store/sqlite-store.ts";
import type { Store } from "../store/store.ts";

export interface OpenedStore {
  store: Store;
  queue: JobQueue;
  /** What to show in messages: the file, or the URL without its password. */
  shown: string;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** The longest one run of a job may take before it is retried (PostgreSQL); a killed worker's job comes back sooner, when its lease lapses. @default 600 */
  jobTimeoutS?: number;
  log: (line: string) => void;
}

/**
 * The store and job queue `--db` names: a `postgres://` URL (pg-boss queue in the same database),
 * else a SQLite file (its own table is the queue). Only the PostgreSQL client is loaded for a URL.
 */
export async function openStore(db: string, options: OpenStoreOptions): Promise<OpenedStore> {
  if (isPostgresUrl(db)) {
    const { createPgBossQueue } = await import("../jobs/pg-boss-queue.ts");
    const { redact } = await import("../store/postgres-store.ts");
    const store = await createPostgresStore(db);
    const queue = await createPgBossQueue(db, {
      log: options.log,
      ...(options.jobTimeoutS === undefined ? {} : { jobTimeoutS: options.jobTimeoutS }),
    }).catch(async (error) => {
      await store.close();
      throw error;
    });
    return { store, queue, shown: redact(db), close: () => store.close() };
  }
  if (db !== ":memory:") {
    try {
      mkdirSync(dirname(db), { recursive: true });
    } catch (cause) {
      throw new ClaimcheckError(
        "E_IO",
        `Cannot create the folder of ${db}; pass --db <file> in a writable folder.`,
        {
          cause,
        },
      );
    }
  }
  const store = createSqliteStore(db);
  return { store, queue: store.queue, shown: db, close: () => store.close() };
}
