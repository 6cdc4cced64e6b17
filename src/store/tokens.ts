import { createHash, randomBytes } from "node:crypto";

/** A new bearer token: 32 random bytes, base64url, with a prefix that makes it easy to spot in a leak scan. */
export function generateToken(): string {
  return `cc_${randomBytes(32).toString("base64url")}`;
}

/** What the store keeps instead of the token: its SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A browser session id: 32 random bytes, base64url; a different prefix from tokens so a leak shows which. */
export function generateSessionId(): string {
  return `cs_${randomBytes(32).toString("base64url")}`;
}
