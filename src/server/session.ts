import type { Context, Hono, MiddlewareHandler } from "hono";
import type { Store } from "../store/store.ts";
import type { AppEnv } from "./app-context.ts";
import { jsonResponse } from "./app-context.ts";
import { TOKEN_COOKIE } from "./auth.ts";

/** Who a browser session belongs to. */
export type Session = { role: "officer"; name?: string } | { role: "team"; team: string };

/** The session of this request (cookie, or a bearer token), resolved once by `sessionMiddleware`. */
export function readSession(c: Context<AppEnv>): Session | null {
  return c.get("session") ?? null;
}

/** Resolves the session from `Authorization: Bearer` or the session cookie, for every method. */
export function sessionMiddleware(store: Store): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "")?.[1];
    const token = bearer ?? readCookie(c.req.header("cookie") ?? "", TOKEN_COOKIE);
    const record = token === undefined ? undefined : await store.findToken(token);
    c.set(
      "session",
      record === undefined
        ? null
        : record.role === "officer"
          ? { role: "officer", name: record.name }
          : { role: "team", team: record.team },
    );
    await next();
  };
}

/**
 * `POST /api/session` with `{ "token": "…" }` opens a session in an HttpOnly, SameSite=Strict cookie that
 * page scripts cannot read; `DELETE /api/session` closes it.
 */
export function addSessionRoutes(app: Hono<AppEnv>, store: Store): void {
  app.post("/api/session", async (c) => {
    const body = (await c.req.json().catch(() => undefined)) as { token?: unknown } | undefined;
    const token = typeof body?.token === "string" ? body.token.trim() : "";
    const record = token === "" ? undefined : await store.findToken(token);
    if (record === undefined) {
      return jsonResponse({ error: 'No valid token; send JSON {"token": "<token>"}.' }, 401);
    }
    const who = record.role === "officer" ? { role: "officer" } : { role: "team", team: record.team };
    return jsonResponse(who, 200, { "set-cookie": cookie(c.req.url, encodeURIComponent(token), 43_200) });
  });
  app.delete("/api/session", (c) =>
    jsonResponse({ role: null }, 200, { "set-cookie": cookie(c.req.url, "", 0) }),
  );
}

// --- internal ---

function cookie(url: string, value: string, maxAge: number): string {
  const secure = new URL(url).protocol === "https:" ? "; Secure" : "";
  return `${TOKEN_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`;
}

function readCookie(header: string, name: string): string | undefined {
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}
