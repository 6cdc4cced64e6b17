import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { renderJunit } from "../../src/render/junit.ts";
import { createPartsReport, createSampleReport } from "./sample-report.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const XSD = join(REPO, "tests/render/data/JUnit.xsd");
const HAS_XMLLINT = spawnSync("xmllint", ["--version"]).status === 0;

describe("renderJunit", () => {
  it("writes one test case per requirement, a failure carrying the reason and the findings", () => {
    expect(renderJunit(createSampleReport())).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite name="claimcheck 1.2 Example Lab" package="claimcheck.1.2" id="0" timestamp="2026-09-21T14:13:20" hostname="claimcheck" tests="2" failures="1" errors="0" skipped="0" time="0">
    <properties>
      <property name="verdict" value="fail"/>
      <property name="topic" value="1.2 On-demand GPU memory for inference serving"/>
      <property name="team" value="Example Lab"/>
      <property name="claimcheck" value="0.1.0"/>
      <property name="input.candidate" value="candidate.csv sha256:${"a".repeat(64)}"/>
    </properties>
    <testcase name="1.2/ttft-p99-regression: p99 TTFT no more than 5 % worse" classname="claimcheck.1.2" time="0">
      <failure message="Measured 21.87 % misses the target ≤ 5 %." type="fail">fail: Measured 21.87 % misses the target ≤ 5 %.
target ≤ 5 % regression; measured 21.87 % [9.1, 36.1]
method: paired bootstrap; n = 2994
warning SERVING_TTFT_GT_E2E candidate.csv:3 (column ttft_ms): TTFT exceeds end-to-end</failure>
    </testcase>
    <testcase name="1.2/patents: 1–2 patents" classname="claimcheck.1.2" time="0"/>
    <system-out></system-out>
    <system-err></system-err>
  </testsuite>
</testsuites>
`);
  });

  it("adds one test case per model, so CI names the model that failed", () => {
    const xml = renderJunit(createPartsReport());
    expect([
      /tests="(\d+)" failures="(\d+)"/.exec(xml)?.slice(1),
      [...xml.matchAll(/<testcase name="([^"]+)"[^>]*?(\/?)>/g)].map(
        (m) => `${m[1]}${m[2] === "/" ? "" : " ✗"}`,
      ),
    ]).toEqual([
      ["4", "2"],
      [
        "1.2/ttft-p99-regression: p99 TTFT no more than 5 % worse ✗",
        "1.2/ttft-p99-regression › model llama3b: p99 TTFT no more than 5 % worse ✗",
        "1.2/ttft-p99-regression › model qwen7b: p99 TTFT no more than 5 % worse",
        "1.2/patents: 1–2 patents",
      ],
    ]);
  });

  it("escapes markup and drops control characters XML cannot hold", () => {
    const report = createSampleReport({
      submission: { ...createSampleReport().submission, team: `<b>"A&B"</b>\u0001` },
    });
    expect(renderJunit(report).split("\n")[2]).toBe(
      `  <testsuite name="claimcheck 1.2 &lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;" package="claimcheck.1.2" id="0" timestamp="2026-09-21T14:13:20" hostname="claimcheck" tests="2" failures="1" errors="0" skipped="0" time="0">`,
    );
  });

  it("validates against the Ant/Jenkins JUnit.xsd for every example report", (context) => {
    if (!HAS_XMLLINT) {
      console.warn(
        "xmllint not found (Debian: apt-get install libxml2-utils); skipping JUnit schema validation",
      );
      context.skip();
    }
    const dir = mkdtempSync(join(tmpdir(), "claimcheck-junit-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const hostile = createSampleReport({
      submission: { ...createSampleReport().submission, team: `<script>alert(1)</script> & "x"` },
    });
    const files = [join(dir, "hostile.xml")];
    writeFileSync(files[0] as string, renderJunit(hostile));
    for (const name of readdirSync(join(REPO, "reports")))
      files.push(join(REPO, "reports", name, "junit.xml"));
    const run = spawnSync("xmllint", ["--noout", "--schema", XSD, ...files], { encoding: "utf8" });
    expect({
      status: run.status,
      errors: run.stderr.split("\n").filter((l) => !l.endsWith(" validates") && l !== ""),
    }).toEqual({
      status: 0,
      errors: [],
    });
  });
});
