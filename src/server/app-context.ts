import type { JobQueue } from "../jobs/job-queue.ts";
import type { Topic } from "../model/topic.ts";
import type { Store } from "../store/store.ts";
import type { Caller } from "./auth.ts";
import { HttpError } from "./http-error.ts";
import type { UploadLimits } from "./limits.ts";
import { PAGE_CSP } from "./pages/layout.ts";

/** What every route needs; built once by `createApp`. */
export interface AppContext {
  store: Store;
  /** Where uploads' verification jobs are sent. */
  queue: JobQueue;
  now: () => Date;
  limits: UploadLimits;
  /** How long `POST /api/submissions?wait=true` waits for the verdict before answering 202. */
  waitTimeoutMs: number;
  readTopics: () => Promise<Topic[]>;
  log: (line: string) => void;
  /** `decision`: results are private until an officer publishes them; `latest`: each team's latest is public. */
  publicResults: PublicResults;
  /** Decide `Secure` and `__Host-` from `X-Forwarded-Proto` (a TLS proxy in front). */
  trustProxy: boolean;
  sessionHours: number;
}

export type PublicResults = "decision" | "latest";

/** Hono's environment: the caller is resolved once per request by the first middleware. */
export type AppEnv = { Variables: { caller: Caller } };

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

/** An HTML page; `csp` defaults to our own pages' policy (same-origin scripts only). */
export function htmlResponse(body: string, csp = PAGE_CSP): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": csp,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    },
  });
}

export async function findTopic(context: AppContext, id: string): Promise<Topic> {
  const topic = (await context.readTopics()).find((t) => t.id === id);
  if (topic === undefined) throw new HttpError(404, `There is no topic "${id}"; GET /api/topics lists them.`);
  return topic;
}
