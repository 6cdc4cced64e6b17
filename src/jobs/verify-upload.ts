import { verifyFiles } from "../cli/commands/verify.ts";
import type { SubmittedFile } from "../judge/prepare-input.ts";
import { isClaimcheckError } from "../model/errors.ts";
import type { Finding } from "../model/finding.ts";
import { SubmissionSchema } from "../model/manifest.ts";
import { parseSubmission } from "../model/parse-submission.ts";
import type { Report } from "../model/report.ts";
import type { UploadError, UploadOutcome, UploadWork } from "../store/upload.ts";

/**
 * Verifies a stored upload: rebuilds the submission from its inputs (the manifest in manifest mode,
 * the roles in quick mode) and runs the same `verifyFiles` as the CLI. Never throws: evidence that
 * cannot be judged is `rejected`, anything else that stops verification is an `error` a retry would
 * repeat, with an internal error's stack passed to `log` and not shown to the team.
 */
export async function verifyUpload(work: UploadWork, log: (line: string) => void): Promise<UploadOutcome> {
  try {
    const report = await verifyFiles({
      submission: submissionOf(work),
      mode: work.mode,
      files: filesOf(work),
    });
    return report.verdict === "invalid"
      ? { kind: "rejected", report, error: rejectionOf(report) }
      : { kind: "verified", report };
  } catch (error) {
    if (isClaimcheckError(error) && error.code !== "E_INTERNAL") {
      return { kind: "error", error: { message: error.message, findings: error.findings } };
    }
    log(
      `claimcheck: verification of upload ${work.id} stopped\n${error instanceof Error ? error.stack : String(error)}`,
    );
    return {
      kind: "error",
      error: {
        message: `Verification stopped with an internal error (it has been logged for upload ${work.id}); nothing was judged. Please report it to the program office.`,
        findings: [],
        internal: true,
      },
    };
  }
}

/** The error findings of an `invalid` report, each once, and the sentence a 422 has always said. */
export function rejectionOf(report: Report): UploadError {
  const all = [...report.findings, ...report.requirements.flatMap((r) => r.findings)];
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const finding of all) {
    const key = JSON.stringify(finding);
    if (finding.severity !== "error" || seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return {
    message: `The evidence has ${findings.length} error${findings.length === 1 ? "" : "s"}; nothing was judged or stored. Fix the rows listed and upload again.`,
    findings,
  };
}

// --- internal ---

function submissionOf(work: UploadWork) {
  const manifest = work.inputs.find((i) => i.role === "manifest");
  if (work.mode === "manifest" && manifest !== undefined) {
    const text = new TextDecoder().decode(manifest.bytes).replace(/^\uFEFF/, "");
    return parseSubmission(text, manifest.path);
  }
  const evidence = Object.fromEntries(
    work.inputs.map((i) => [i.role, i.format === undefined ? i.path : { path: i.path, format: i.format }]),
  );
  return SubmissionSchema.parse({ topic: work.topic, team: work.team, evidence });
}

function filesOf(work: UploadWork): SubmittedFile[] {
  return work.inputs
    .filter((input) => work.mode !== "manifest" || input.role !== "manifest")
    .map((input) => {
      const file = { role: input.role, file: { path: input.path, bytes: input.bytes }, sha256: input.sha256 };
      return input.format === undefined ? file : { ...file, format: input.format };
    });
}
