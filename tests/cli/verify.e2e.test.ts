import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REPO, runCli } from "./run-cli.ts";

const expected = JSON.parse(readFileSync(`${REPO}fixtures/expected-exit-codes.json`, "utf8")) as Record<
  string,
  number
>;

describe("claimcheck verify on the example submissions", () => {
  for (const [name, code] of Object.entries(expected)) {
    it(`exits ${code} for fixtures/${name} and reproduces reports/${name}/report.json`, async () => {
      const run = runCli(["verify", `fixtures/${name}/claimcheck.yaml`, "--format", "json"]);
      expect({ exitCode: run.exitCode, stack: /\n\s+at /.test(run.stderr) }).toEqual({
        exitCode: code,
        stack: false,
      });
      await expect(run.stdout).toMatchFileSnapshot(`../../reports/${name}/report.json`);
    });

    it(`re-renders reports/${name}/report.md from the JSON alone`, async () => {
      const run = runCli(["report", `reports/${name}/report.json`, "--format", "md"]);
      expect(run.exitCode).toBe(0);
      await expect(run.stdout).toMatchFileSnapshot(`../../reports/${name}/report.md`);
    });

    it(`re-renders reports/${name}/junit.xml from the JSON alone`, async () => {
      const run = runCli(["report", `reports/${name}/report.json`, "--format", "junit"]);
      expect(run.exitCode).toBe(0);
      await expect(run.stdout).toMatchFileSnapshot(`../../reports/${name}/junit.xml`);
    });

    // PNG bytes depend on the rasteriser build, so the HTML is compared with its chart images blanked;
    // `npm run examples` rewrites the committed file.
    it(`re-renders reports/${name}/report.html from the JSON alone (charts aside)`, () => {
      const run = runCli(["report", `reports/${name}/report.json`, "--format", "html"]);
      expect(run.exitCode).toBe(0);
      expect(blankImages(run.stdout)).toBe(
        blankImages(readFileSync(`${REPO}reports/${name}/report.html`, "utf8")),
      );
    });
  }
});

describe("claimcheck report in Chinese", () => {
  it("reproduces reports/1.2-pass/report.zh.html (charts aside)", () => {
    const run = runCli(["report", "reports/1.2-pass/report.json", "--format", "html", "--lang", "zh"]);
    expect(blankImages(run.stdout)).toBe(
      blankImages(readFileSync(`${REPO}reports/1.2-pass/report.zh.html`, "utf8")),
    );
  });
});

describe("claimcheck verify on bad usage", () => {
  it("exits 3 with a one-line reason and no stack when an evidence file does not exist", () => {
    const run = runCli(["verify", "--topic", "1.2", "--candidate", "no-such-file.csv"]);
    expect(run).toEqual({
      exitCode: 3,
      stdout: "",
      stderr:
        "claimcheck: Evidence file no-such-file.csv does not exist; check the path (paths in claimcheck.yaml are relative to it).\n",
    });
  });

  it("exits 3 for an unknown topic", () => {
    const run = runCli(["verify", "--topic", "9.9", "--candidate", "fixtures/1.2-pass/candidate.csv"]);
    expect([run.exitCode, run.stderr]).toEqual([
      3,
      'claimcheck: Unknown topic "9.9"; `claimcheck topics` lists every topic of the fund (1.1 … 5.8).\n',
    ]);
  });

  it("rejects a repeated single-value flag", () => {
    const run = runCli(["verify", "--topic", "1.2", "--topic", "1.5", "--candidate", "x.csv"]);
    expect([run.exitCode, run.stderr]).toEqual([
      3,
      "claimcheck: --topic: Expected a single value for --topic, got 2. See --help.\n",
    ]);
  });

  it("exits 3 and says --out takes a directory when it names an existing file", () => {
    const run = runCli([
      "verify",
      "fixtures/4.2-pass/claimcheck.yaml",
      "--out",
      "fixtures/4.2-pass/claimcheck.yaml",
    ]);
    expect(run).toEqual({
      exitCode: 3,
      stdout: "",
      stderr:
        "claimcheck: --out takes a directory (claimcheck writes report.json, report.md, report.html, junit.xml into it), but fixtures/4.2-pass/claimcheck.yaml is a file; pass a directory instead, e.g. --out reports/ (it is created when missing).\n",
    });
  });

  it("exits 3 for an unknown command", () => {
    expect(runCli(["frobnicate"]).exitCode).toBe(3);
  });
});

// --- internal ---

function blankImages(html: string): string {
  return html.replace(/data:image\/png;base64,[A-Za-z0-9+/=]+/g, "data:image/png;base64,…");
}
