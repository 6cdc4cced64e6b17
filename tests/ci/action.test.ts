import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { parse } from "yaml";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

/**
 * Runs the `run:` steps of action.yml with bash the way the runner does (`bash -e {0}`), with
 * expressions substituted and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY as temp files. `uses:` steps
 * (setup-node, upload-artifact) belong to GitHub and are skipped.
 */
function runAction(inputs: Record<string, string>) {
  const action = parse(readFileSync(`${REPO}action.yml`, "utf8")) as Action;
  const dir = mkdtempSync(join(tmpdir(), "claimcheck-action-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const values: Record<string, string> = {
    ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [`inputs.${k}`, v.default ?? ""])),
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`inputs.${k}`, v])),
    "inputs.out": join(dir, "out"),
    "github.action_path": REPO,
  };
  const files = { GITHUB_OUTPUT: join(dir, "output"), GITHUB_STEP_SUMMARY: join(dir, "summary") };
  writeFileSync(files.GITHUB_OUTPUT, "");
  writeFileSync(files.GITHUB_STEP_SUMMARY, "");
  const steps: Array<{ name: string; exitCode: number | null }> = [];
  let failed = false;
  for (const step of action.runs.steps) {
    if (step.run === undefined || (failed && step.if !== "always()")) continue;
    const outputs = Object.fromEntries(
      readFileSync(files.GITHUB_OUTPUT, "utf8")
        .split("\n")
        .filter((l) => l.includes("="))
        .map((l) => [`steps.verify.outputs.${l.slice(0, l.indexOf("="))}`, l.slice(l.indexOf("=") + 1)]),
    );
    const expand = (text: string) =>
      text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, key: string) => ({ ...values, ...outputs })[key] ?? "");
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v)]));
    const run = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", expand(step.run)], {
      cwd: REPO,
      encoding: "utf8",
      env: { ...process.env, ...files, ...env, SOURCE_DATE_EPOCH: "1790000000" },
    });
    steps.push({ name: step.name ?? "", exitCode: run.status });
    failed ||= run.status !== 0;
  }
  return { steps, summary: readFileSync(files.GITHUB_STEP_SUMMARY, "utf8") };
}

describe("the GitHub Action (action.yml)", () => {
  it("passes fixtures/1.2-pass and writes its Markdown report to the job summary", () => {
    const { steps, summary } = runAction({ manifest: "fixtures/1.2-pass/claimcheck.yaml" });
    expect(steps).toEqual([
      { name: "Install claimcheck", exitCode: 0 },
      { name: "Verify", exitCode: 0 },
      { name: "Job summary", exitCode: 0 },
      { name: "Gate on the verdict", exitCode: 0 },
    ]);
    expect(summary).toBe(readFileSync(`${REPO}reports/1.2-pass/report.md`, "utf8"));
  });

  it("fails the job with exit 1 on fixtures/1.2-fail, still writing the summary", () => {
    const { steps, summary } = runAction({ manifest: "fixtures/1.2-fail/claimcheck.yaml" });
    expect(steps.map((s) => s.exitCode)).toEqual([0, 0, 0, 1]);
    expect(summary.split("\n")[0]).toBe(
      "## ❌ claimcheck: fail — topic 1.2 On-demand GPU memory for inference serving",
    );
  });

  it("gates on a single requirement id with `only`", () => {
    const missing = runAction({ manifest: "fixtures/1.2-fail/claimcheck.yaml", only: "1.2/patents" });
    const failing = runAction({
      manifest: "fixtures/1.2-fail/claimcheck.yaml",
      only: "1.2/ttft-p99-regression",
    });
    expect([missing.steps.at(-1)?.exitCode, failing.steps.at(-1)?.exitCode]).toEqual([2, 1]);
    expect(failing.summary.split("\n").filter((l) => l.startsWith("| ❌"))).toHaveLength(1);
  });

  it("gates the report document given in claims-from and lists its claims in the job summary", () => {
    const { steps, summary } = runAction({
      manifest: "fixtures/1.2-pass/claimcheck.yaml",
      "claims-from": "fixtures/1.2-doc-drift/docs/report.md",
    });
    expect({
      exitCode: steps.at(-1)?.exitCode,
      failed: summary.split("\n").filter((l) => l.startsWith("| ❌ | `fixtures/1.2-doc-drift")),
    }).toEqual({
      exitCode: 1,
      failed: [
        "| ❌ | `fixtures/1.2-doc-drift/docs/report.md:11:13` | `1.2/tpot-p99-regression` | −14.5 % | -4.47 % [-6.867, -2.986] | **fail** `CLAIM_MISMATCH` |",
      ],
    });
  });

  it("turns a missing requirement into a failure with strict: true", () => {
    const lenient = runAction({ manifest: "fixtures/5.7-missing/claimcheck.yaml" });
    const strict = runAction({ manifest: "fixtures/5.7-missing/claimcheck.yaml", strict: "true" });
    expect([lenient.steps.at(-1)?.exitCode, strict.steps.at(-1)?.exitCode]).toEqual([2, 1]);
  });
});
