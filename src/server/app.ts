import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { JobQueue } from "../jobs/job-queue.ts";
import { ClaimcheckError, isClaimcheckError } from "../model/errors.ts";
import type { Topic } from "../model/topic.ts";
import { createTopicCache } from "../read/read-topics.ts";
import type { Store } from "../store/store.ts";
import { type AppContext, type AppEnv, jsonResponse, type PublicResults } from "./app-context.ts";
import { resolveCaller } from "./auth.ts";
import { HttpError } from "./http-error.ts";
import { DEFAULT_LIMITS, type UploadLimits } from "./limits.ts";
import { addPageRoutes } from "./page-routes.ts";
import { addPublicationRoutes } from "./publication-routes.ts";
import { headAsGet, securityHeaders } from "./security-headers.ts";
import { addSessionRoutes } from "./session-routes.ts";
import { addSubmissionRoutes } from "./submission-routes.ts";
import { addTopicRoutes } from "./topic-routes.ts";
import { addStatusRoutes } from "./upload-status.ts";

export interface AppOptions {
  store: Store;
  /** Where verification jobs go. @default the store's own queue (SQLite) */
  queue?: JobQueue;
  /** The clock for submission and waiver times. @default () => new Date() */
  now?: () => Date;
  /** @default DEFAULT_LIMITS (64 MiB upload, 200 zip entries, 256 MiB inflated) */
  limits?: Partial<UploadLimits>;
  /** Where topics come from. @default the package's topics/, parsed again when a file there changes */
  readTopics?: () => Promise<Topic[]>;
  /** How long `POST /api/submissions?wait=true` waits for the verdict before answering 202. @default 600_000 */
  waitTimeoutMs?: number;
  /** Where unexpected errors are logged. @default stderr */
  log?: (line: string) => void;
  /** Who reads results: `decision` (after an officer publishes) or `latest` (an open leaderboard). @default "decision" */
  publicResults?: PublicResults;
  /** Trust `X-Forwarded-Proto` from a TLS proxy for the cookie's `Secure`. @default false */
  trustProxy?: boolean;
  /** How long a browser session lasts. @default 12 */
  sessionHours?: number;
}

/** A fetch handler: a Request in, a Response out, no socket (that is `startServer`'s job). */
export type FetchHandler = (request: Request) => Promise<Response>;

/**
 * The web app: upload page, JSON API and topic dashboards over a `Store`.
 * @example const handle = createApp({ store: createSqliteStore(":memory:") });
 */
export function createApp(options: AppOptions): FetchHandler {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const queue = options.queue ?? (options.store as { queue?: JobQueue }).queue;
  if (queue === undefined) {
    throw new ClaimcheckError("E_USAGE", "createApp needs a job queue for this store; pass `queue`.");
  }
  const context: AppContext = {
    store: options.store,
    queue,
    now: options.now ?? (() => new Date()),
    limits,
    waitTimeoutMs: options.waitTimeoutMs ?? 600_000,
    readTopics: options.readTopics ?? createTopicCache(),
    log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
    publicResults: options.publicResults ?? "decision",
    trustProxy: options.trustProxy ?? false,
    sessionHours: options.sessionHours ?? 12,
  };
  const app = new Hono<AppEnv>();
  app.use("*", securityHeaders);
  app.use("*", async (c, next) => {
    c.set("caller", await resolveCaller(c.req.raw, { store: context.store, now: context.now }));
    await next();
  });
  addPageRoutes(app, context);
  addSessionRoutes(app, context);
  addPublicationRoutes(app, context);
  addStatusRoutes(app, context);
  addSubmissionRoutes(app, context);
  addTopicRoutes(app, context);
  app.notFound((c) =>
    jsonResponse({ error: `No route for ${c.req.method} ${c.req.path}; see /openapi.json.` }, 404),
  );
  app.onError((error) => toErrorResponse(error, context.log));
  return async (request) => (request.method === "HEAD" ? headAsGet(app, request) : app.fetch(request));
}

// --- internal ---

/** The one edge handler: known errors become their status with a message; anything else a bare 500. */
function toErrorResponse(error: unknown, log: (line: string) => void): Response {
  if (error instanceof HttpError)
    return jsonResponse({ error: error.message, ...error.details }, error.status, error.headers);
  if (isClaimcheckError(error) && error.code === "E_INPUT") {
    return jsonResponse({ error: error.message, findings: error.findings }, 422);
  }
  if (isClaimcheckError(error) && error.code === "E_USAGE")
    return jsonResponse({ error: error.message }, 400);
  if (isClaimcheckError(error) && error.code === "E_IO") {
    // The store could not write (disk full, I/O error): say so, and that nothing was stored.
    log(`claimcheck serve: ${error.message}`);
    return jsonResponse(
      {
        error:
          "The server could not store the upload (its disk is full or failing); nothing was stored. Try again later.",
      },
      507,
    );
  }
  if (error instanceof HTTPException)
    return jsonResponse({ error: error.message || "Bad request" }, error.status);
  log(`claimcheck serve: internal error\n${error instanceof Error ? error.stack : String(error)}`);
  return jsonResponse({ error: "Internal server error; it has been logged." }, 500);
}
