import type { Finding } from "./finding.ts";

/** The closed set of error codes; each maps to one exit code in `cli/main.ts`. */
export type ErrorCode = "E_USAGE" | "E_INPUT" | "E_IO" | "E_INTERNAL";

export interface ClaimcheckErrorOptions {
  cause?: unknown;
  /** Input problems that made verification impossible, each with its location. */
  findings?: Finding[];
}

/** The one error type of claimcheck: "could not verify at all". A failed claim is data, never this. */
export class ClaimcheckError extends Error {
  readonly code: ErrorCode;
  readonly findings: Finding[];

  constructor(code: ErrorCode, message: string, options: ClaimcheckErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ClaimcheckError";
    this.code = code;
    this.findings = options.findings ?? [];
  }
}

export function isClaimcheckError(error: unknown): error is ClaimcheckError {
  return error instanceof ClaimcheckError;
}
