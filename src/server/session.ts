import type { Context } from "hono";
import type { AppEnv } from "./app-context.ts";

/** Who a page is shown to: an officer, a team, or (null) anyone. */
export type Session = { role: "officer"; name: string } | { role: "team"; team: string };

/** The session cookie over plain HTTP (loopback, a test); behind TLS it is `SECURE_SESSION_COOKIE`. */
export const SESSION_COOKIE = "claimcheck_session";
/** `__Host-`: the browser keeps it only if Secure, Path=/ and no Domain, so no sibling host can set it. */
export const SECURE_SESSION_COOKIE = "__Host-claimcheck_session";

/**
 * Who is asking, as the first middleware resolved it (a bearer token or the session cookie), for pages
 * that show more to a team or an officer; null for anyone else.
 */
export function readSession(c: Context<AppEnv>): Session | null {
  const caller = c.get("caller");
  if (caller.role === "officer") return { role: "officer", name: caller.name };
  if (caller.role === "team") return { role: "team", team: caller.team };
  return null;
}

/** True when the browser reached us over TLS: the URL's scheme, or a trusted proxy's `X-Forwarded-Proto`. */
export function isSecureRequest(request: Request, trustProxy: boolean): boolean {
  if (new URL(request.url).protocol === "https:") return true;
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return trustProxy && forwarded === "https";
}

/** The `Set-Cookie` value that opens (`id`) or clears (undefined) the session. */
export function sessionCookie(id: string | undefined, secure: boolean, maxAgeSeconds: number): string {
  const name = secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  const value = id === undefined ? "" : id;
  const age = id === undefined ? 0 : maxAgeSeconds;
  return `${name}=${value}; Path=/; Max-Age=${age}; HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}`;
}

/** The session id a request's cookie holds; a malformed or absent cookie is no session. */
export function readSessionId(request: Request): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const at = part.indexOf("=");
    const key = part.slice(0, at < 0 ? undefined : at).trim();
    if (key !== SESSION_COOKIE && key !== SECURE_SESSION_COOKIE) continue;
    const value = at < 0 ? "" : part.slice(at + 1).trim();
    // Ids are base64url with a prefix; anything else (`%`, quotes, a token pasted by hand) is no session.
    if (/^cs_[A-Za-z0-9_-]{43}$/.test(value)) return value;
  }
  return undefined;
}

/**
 * A cookie may authorise a write only from our own pages: `Sec-Fetch-Site: same-origin`, or an `Origin`
 * equal to the request's. SameSite=Strict already keeps other sites' requests cookie-less; this holds
 * for browsers and proxies that do not send SameSite.
 */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  const origin = request.headers.get("origin");
  const host = request.headers.get("host") ?? new URL(request.url).host;
  if (origin === null) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
