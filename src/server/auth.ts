import type { Store, SubmissionSummary } from "../store/store.ts";
import { HttpError } from "./http-error.ts";

/** Who is asking: a team (its token), a program officer, or anyone (no token). */
export type Caller = { role: "public" } | { role: "team"; team: string } | { role: "officer"; name: string };

/** The cookie the upload page sets so that pages opened by a link (dashboard, report) know the token. */
export const TOKEN_COOKIE = "claimcheck_token";

/**
 * Resolves the caller from `Authorization: Bearer <token>`; a wrong token is a 401, never a silent downgrade.
 * Reads (GET) also accept the page's cookie, and a stale cookie counts as no token. Writes never use the
 * cookie, so another site cannot make a browser submit or waive.
 */
export async function resolveCaller(request: Request, store: Store): Promise<Caller> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    const record = token === undefined ? undefined : await store.findToken(token);
    if (record === undefined) {
      throw new HttpError(
        401,
        "The Authorization header holds no valid token; send `Authorization: Bearer <token>` with a token from `claimcheck token create`.",
      );
    }
    return record.role === "team"
      ? { role: "team", team: record.team }
      : { role: "officer", name: record.name };
  }
  const cookie = request.method === "GET" ? readCookie(request, TOKEN_COOKIE) : undefined;
  const record = cookie === undefined ? undefined : await store.findToken(cookie);
  if (record === undefined) return { role: "public" };
  return record.role === "team"
    ? { role: "team", team: record.team }
    : { role: "officer", name: record.name };
}

/**
 * Published results: the latest submission of each team on each topic is public. Earlier submissions are
 * read by their team and officers only; raw input files are never served.
 */
export function canRead(
  caller: Caller,
  submission: Pick<SubmissionSummary, "id" | "team">,
  latestIds: ReadonlySet<string>,
): boolean {
  if (caller.role === "officer") return true;
  if (caller.role === "team" && caller.team === submission.team) return true;
  return latestIds.has(submission.id);
}

/** The ids of the published submissions among `submissions` (the last one of each team and topic). */
export function latestIds(submissions: readonly SubmissionSummary[]): Set<string> {
  const latest = new Map<string, string>();
  for (const s of submissions) latest.set(JSON.stringify([s.topic, s.team]), s.id);
  return new Set(latest.values());
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
    "Only a program officer's token can waive a requirement (claimcheck token create --officer).",
  );
}

// --- internal ---

function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}
