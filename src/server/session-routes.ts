import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { type AppContext, type AppEnv, jsonResponse } from "./app-context.ts";
import { HttpError } from "./http-error.ts";
import { isSecureRequest, readSession, readSessionId, sessionCookie } from "./session.ts";

/**
 * `POST /api/session` (a token in, an HttpOnly session cookie out), `GET /api/session` (who am I) and
 * `DELETE /api/session`. The page never keeps the token: the cookie holds a separate session id.
 */
export function addSessionRoutes(app: Hono<AppEnv>, context: AppContext): void {
  const small = bodyLimit({
    maxSize: 4096,
    onError: () => {
      throw new HttpError(413, 'Send JSON {"token": "<token>"}, at most 4 KiB.');
    },
  });
  app.post("/api/session", small, async (c) => {
    const token = await readToken(c.req.raw);
    const now = context.now();
    const expires = new Date(now.getTime() + context.sessionHours * 3_600_000);
    const id = await context.store.createSession(token, now.toISOString(), expires.toISOString());
    const record = id === undefined ? undefined : await context.store.findToken(token);
    if (id === undefined || record === undefined) {
      throw new HttpError(401, "That token is not known; ask the program office for your team's token.");
    }
    const secure = isSecureRequest(c.req.raw, context.trustProxy);
    const body = record.role === "team" ? { role: "team", team: record.team } : { role: "officer" };
    return jsonResponse(body, 200, {
      "set-cookie": sessionCookie(id, secure, context.sessionHours * 3600),
      "cache-control": "no-store",
    });
  });
  app.get("/api/session", (c) =>
    jsonResponse(readSession(c) ?? { role: "public" }, 200, { "cache-control": "no-store" }),
  );
  app.delete("/api/session", async (c) => {
    const id = readSessionId(c.req.raw);
    if (id !== undefined) await context.store.deleteSession(id);
    const secure = isSecureRequest(c.req.raw, context.trustProxy);
    return new Response(null, {
      status: 204,
      headers: { "set-cookie": sessionCookie(undefined, secure, 0), "cache-control": "no-store" },
    });
  });
}

// --- internal ---

const SessionRequestSchema = z.object({ token: z.string().trim().min(1).max(200) });

/** JSON only: a cross-site form cannot send it without a CORS preflight, which this server never grants. */
async function readToken(request: Request): Promise<string> {
  const json = /^application\/json\b/i.test(request.headers.get("content-type") ?? "");
  const body = json ? SessionRequestSchema.safeParse(await request.json().catch(() => undefined)) : undefined;
  if (body?.success !== true) {
    throw new HttpError(400, 'Send JSON {"token": "<token>"} with content-type application/json.');
  }
  return body.data.token;
}
