import type { Store, TokenRecord } from "../store/store.ts";
import { HttpError } from "./http-error.ts";
import { isSameOrigin, readSessionId } from "./session.ts";

/** Who is asking: a team (its token), a program officer, or anyone (no token). */
export type Caller = { role: "public" } | { role: "team"; team: string } | { role: "officer"; name: string };

export interface ResolveCallerOptions {
  store: Store;
  /** The clock sessions are checked against (read only when a session cookie is sent). */
  now: () => Date;
}

/**
 * Resolves the caller from `Authorization: Bearer <token>`; a wrong token is a 401, never a silent downgrade.
 * Without the header, the session cookie decides; an unknown, expired or malformed one counts as none.
 * A cookie authorises writes only from our own pages (`isSameOrigin`).
 */
export async function resolveCaller(request: Request, options: ResolveCallerOptions): Promise<Caller> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    const record = token === undefined ? undefined : await options.store.findToken(token);
    if (record === undefined) {
      throw new HttpError(
        401,
        "The Authorization header holds no valid token; send `Authorization: Bearer <token>` with a token from `claimcheck token create`.",
      );
    }
    return callerOf(record);
  }
  const reading = request.method === "GET" || request.method === "HEAD";
  const id = reading || isSameOrigin(request) ? readSessionId(request) : undefined;
  const record =
    id === undefined ? undefined : await options.store.findSession(id, options.now().toISOString());
  return record === undefined ? { role: "public" } : callerOf(record);
}

export function requireTeam(caller: Caller): string {
  if (caller.role === "team") return caller.team;
  if (caller.role === "officer") {
    throw new HttpError(403, "An officer token cannot submit; a team submits with its own token.");
  }
  throw new HttpError(
    401,
    "Submitting needs a team token: send `Authorization: Bearer <token>` (claimcheck token create --team <name>).",
  );
}

export function requireOfficer(caller: Caller): string {
  if (caller.role === "officer") return caller.name;
  throw new HttpError(
    caller.role === "public" ? 401 : 403,
    "Only a program officer's token can do this (waive a requirement, publish a topic): claimcheck token create --officer.",
  );
}

// --- internal ---

function callerOf(record: TokenRecord): Caller {
  return record.role === "team"
    ? { role: "team", team: record.team }
    : { role: "officer", name: record.name };
}
