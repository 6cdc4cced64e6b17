import type { ErrorCode } from "../model/errors.ts";
import type { Verdict } from "../model/report.ts";

/** DESIGN.md's exit codes. */
export const EXIT = { pass: 0, fail: 1, incomplete: 2, invalid: 3, internal: 4 } as const;

/** The exit code of a finished verification; `--strict` turns "inconclusive or missing" into a failure. */
export function exitCodeForVerdict(verdict: Verdict, strict: boolean): number {
  switch (verdict) {
    case "pass":
    case "waived":
    case "reported":
      return EXIT.pass;
    case "fail":
      return EXIT.fail;
    case "inconclusive":
    case "missing":
      return strict ? EXIT.fail : EXIT.incomplete;
    case "invalid":
      return EXIT.invalid;
  }
}

export function exitCodeForError(code: ErrorCode): number {
  return code === "E_INTERNAL" ? EXIT.internal : EXIT.invalid;
}
