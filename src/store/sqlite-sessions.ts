import type { Database } from "better-sqlite3";
import type { Store, TokenRecord } from "./store.ts";
import { generateSessionId, hashToken } from "./tokens.ts";

type SessionMethods = Pick<Store, "createSession" | "findSession" | "deleteSession">;

/**
 * The `Store` methods for browser sessions. A session row points at the token it was opened with, so it
 * grants exactly what the token grants; only the session id's SHA-256 is kept, as for tokens.
 */
export function sqliteSessions(db: Database): SessionMethods {
  // Opening a session deletes those expired by then, so the table holds live sessions only; one
  // transaction, so one sync to disk.
  const open = db.transaction((tokenHash: string, id: string, createdAt: string, expiresAt: string) => {
    db.prepare("DELETE FROM sessions WHERE expires_at <= ?").run(createdAt);
    db.prepare("INSERT INTO sessions (hash, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)").run(
      hashToken(id),
      tokenHash,
      createdAt,
      expiresAt,
    );
  });
  return {
    async createSession(token, createdAt, expiresAt) {
      const tokenHash = hashToken(token);
      if (db.prepare("SELECT 1 FROM tokens WHERE hash = ?").get(tokenHash) === undefined) return undefined;
      const id = generateSessionId();
      open(tokenHash, id, createdAt, expiresAt);
      return id;
    },
    async findSession(sessionId, at) {
      const row = db
        .prepare(
          `SELECT t.role, t.team, t.name, t.created_at FROM sessions s JOIN tokens t ON t.hash = s.token_hash
           WHERE s.hash = ? AND s.expires_at > ?`,
        )
        .get(hashToken(sessionId), at) as
        | { role: "team" | "officer"; team: string | null; name: string | null; created_at: string }
        | undefined;
      if (row === undefined) return undefined;
      return row.role === "team"
        ? ({ role: "team", team: row.team ?? "", createdAt: row.created_at } satisfies TokenRecord)
        : { role: "officer", name: row.name ?? "officer", createdAt: row.created_at };
    },
    async deleteSession(sessionId) {
      db.prepare("DELETE FROM sessions WHERE hash = ?").run(hashToken(sessionId));
    },
  };
}
