import type { Finding } from "../model/finding.ts";

/** The one error the routes throw; the edge handler in `app.ts` turns it into a JSON response. */
export class HttpError extends Error {
  readonly status: number;
  /** Extra fields of the JSON body, e.g. the findings of a 422. */
  readonly details: Record<string, unknown>;
  /** Extra response headers, e.g. `retry-after` on a 429. */
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    message: string,
    details: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.details = details;
    this.headers = headers;
  }
}

/** A 422 for input that was read but is wrong: the findings say where (file, line, column) and what to do. */
export function unprocessable(message: string, findings: Finding[], extra: Record<string, unknown> = {}) {
  return new HttpError(422, message, { findings, ...extra });
}
