import type { Hono, MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-context.ts";

/**
 * The acceptance report is a self-contained document holding team-written text: no script at all (it has
 * none), no framing, inline styles and data: images only.
 */
export const REPORT_CSP =
  "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Routes that serve an acceptance report; they get `REPORT_CSP` whatever the page code set. */
const REPORT_ROUTES = [/^\/api\/submissions\/[^/]+\/report\.html$/];

/**
 * Headers every answer carries, set once here rather than in each route or page: `nosniff` on all,
 * the report CSP on report routes, and `frame-ancestors 'none'` added to any other HTML policy lacking it.
 */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const headers = new Headers(c.res.headers);
  headers.set("x-content-type-options", "nosniff");
  if (REPORT_ROUTES.some((route) => route.test(c.req.path))) {
    headers.set("content-security-policy", REPORT_CSP);
  } else if (/^text\/html\b/i.test(headers.get("content-type") ?? "")) {
    const csp = headers.get("content-security-policy");
    if (csp === null) headers.set("content-security-policy", "frame-ancestors 'none'");
    else if (!/frame-ancestors/.test(csp))
      headers.set("content-security-policy", `${csp}; frame-ancestors 'none'`);
  }
  const fresh = new Response(c.res.body, { status: c.res.status, statusText: c.res.statusText, headers });
  // Hono's `res` setter copies the old answer's headers over the new one's; clear it first so ours win.
  c.res = undefined;
  c.res = fresh;
};

/** `HEAD` answers what `GET` would, without the body (RFC 9110 §9.3.2). */
export async function headAsGet(app: Hono<AppEnv>, request: Request): Promise<Response> {
  const response = await app.fetch(new Request(request.url, { method: "GET", headers: request.headers }));
  await response.body?.cancel();
  return new Response(null, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
