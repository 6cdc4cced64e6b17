import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { REPO, runCli } from "./run-cli.ts";

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "claimcheck-doc-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe("gating the report document", () => {
  it("annotates the drifted number at its line and column of the document (exit 1)", () => {
    const run = runCli(["verify", "fixtures/1.2-doc-drift/claimcheck.yaml", "--format", "annotations"]);
    expect({
      exitCode: run.exitCode,
      located: run.stdout.split("\n").filter((l) => l.includes("file=fixtures/1.2-doc-drift/docs/report.md")),
    }).toEqual({
      exitCode: 1,
      located: [
        "::error file=fixtures/1.2-doc-drift/docs/report.md,line=11,col=13,title=claimcheck CLAIM_MISMATCH (1.2/tpot-p99-regression)::Claimed -14.5 but the evidence gives -4.47 (tolerance 1 %25 relative); correct the claim or submit the evidence it came from.",
      ],
    });
  });

  it("is invalid input (exit 3) when a mark names no requirement, with the finding at its line", () => {
    const run = runCli([
      "verify",
      "fixtures/1.2-doc-unknown-requirement/claimcheck.yaml",
      "--format",
      "json",
    ]);
    const report = JSON.parse(run.stdout);
    expect({
      exitCode: run.exitCode,
      verdict: report.verdict,
      finding: report.findings.find((f: { code: string }) => f.code === "DOC_CLAIM_UNKNOWN_REQUIREMENT")
        ?.location,
    }).toEqual({
      exitCode: 3,
      verdict: "invalid",
      finding: { path: "docs/report.md", line: 11, col: 13 },
    });
  });

  it("judges a document given with --claims-from beside the manifest's claims", () => {
    const run = runCli([
      "verify",
      "fixtures/1.2-pass/claimcheck.yaml",
      "--claims-from",
      "fixtures/1.2-doc-drift/docs/report.md",
      "--format",
      "json",
    ]);
    const report = JSON.parse(run.stdout);
    expect({
      exitCode: run.exitCode,
      claims: report.doc_claims.map((c: { path: string; line: number; verdict: string }) => [
        c.path,
        c.line,
        c.verdict,
      ]),
    }).toEqual({
      exitCode: 1,
      claims: [
        ["fixtures/1.2-doc-drift/docs/report.md", 5, "pass"],
        ["fixtures/1.2-doc-drift/docs/report.md", 6, "pass"],
        ["fixtures/1.2-doc-drift/docs/report.md", 11, "fail"],
        ["fixtures/1.2-doc-drift/docs/report.md", 12, "pass"],
        ["fixtures/1.2-doc-drift/docs/report.md", 16, "pass"],
      ],
    });
  });

  it("writes an annotated copy of the document beside it with report --annotate-doc", () => {
    const dir = tempDir();
    const verified = runCli(["verify", "fixtures/3.2-doc-latex/claimcheck.yaml", "--format", "json"]);
    writeFileSync(join(dir, "report.json"), verified.stdout);
    copyFileSync(`${REPO}fixtures/3.2-doc-latex/paper/results.tex`, join(dir, "results.tex"));
    const run = runCli(["report", join(dir, "report.json"), "--annotate-doc", join(dir, "results.tex")]);
    const copy = readFileSync(join(dir, "results.claimcheck.tex"), "utf8");
    expect({
      exitCode: run.exitCode,
      stdout: run.stdout,
      stderr: run.stderr,
      notes: copy.split("\n").filter((l) => l.includes("claimcheck: ")),
    }).toEqual({
      exitCode: 0,
      stdout: "",
      stderr: `annotated document written to ${join(dir, "results.claimcheck.tex")} (3 marks; 0 not in the report)\n`,
      notes: [
        "\\claim[min_bytes=1GiB]{3.2/allreduce-busbw-utilization}{95.6}{\\%}\\,{\\small\\textbf{[claimcheck: pass; measured 95.64 \\% [95.64, 95.64]]}} of the",
        "400\\,Gb/s line rate and AllGather \\claim{3.2/allgather-busbw-utilization}{$95.3$}{\\%}\\,{\\small\\textbf{[claimcheck: pass; measured 95.33 \\% [95.33, 95.33]]}}",
        "\\claim{3.2/heterogeneous-loss}{1.0}{\\%}\\,{\\small\\textbf{[claimcheck: pass; measured 1.021 \\% [1.021, 1.021]]}} of the homogeneous cluster's bus bandwidth.",
      ],
    });
  });
});
