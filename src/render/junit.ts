import type { Report, RequirementPart, RequirementResult } from "../model/report.ts";
import {
  formatMeasured,
  formatPart,
  formatPartMeasured,
  formatTarget,
  listFindings,
} from "./text-helpers.ts";

/**
 * JUnit XML (the Ant/Jenkins schema CI systems read): one test case per requirement. `fail`,
 * `inconclusive` and `missing` are failures, `invalid` is an error; each carries the reason and the
 * findings with their locations. A requirement judged per model or peer adds one test case per part
 * (`1.5/tpot-p99-regression › model llama3b`), so CI shows which model failed.
 */
export function renderJunit(report: Report): string {
  const s = report.submission;
  const verdicts = [
    ...report.requirements.map((r) => r.verdict),
    ...report.requirements.flatMap((r) => (r.parts ?? []).map((p) => p.verdict)),
  ];
  const failures = verdicts.filter((v) => FAILING.has(v)).length;
  const errors = verdicts.filter((v) => v === "invalid").length;
  const skipped = verdicts.filter((v) => v === "waived").length;
  const counts = `tests="${verdicts.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="0"`;
  const suiteFindings = listFindings(report)
    .filter((f) => f.requirement === undefined)
    .map(listLine);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites>`,
    `  <testsuite name="${attr(`claimcheck ${s.topic} ${s.team}`)}" package="claimcheck.${attr(s.topic)}" id="0" timestamp="${report.generatedAt.slice(0, 19)}" hostname="claimcheck" ${counts}>`,
    "    <properties>",
    ...[
      ["verdict", report.verdict],
      ["topic", `${s.topic} ${s.topic_title.en}`],
      ["team", s.team],
      ["claimcheck", report.tool.version],
      ...report.inputs.map((i) => [`input.${i.role}`, `${i.path} sha256:${i.sha256}`]),
      // JUnit.xsd allows output only per suite, so a reported figure's value is a suite property.
      ...report.requirements
        .filter((r) => r.verdict === "reported")
        .map((r) => [`reported.${r.id}`, `${formatMeasured(r)}; ${r.reason}`]),
    ].map(
      ([name, value]) => `      <property name="${attr(name as string)}" value="${attr(value as string)}"/>`,
    ),
    "    </properties>",
    ...report.requirements.flatMap((r) => [
      testCase(r, report),
      ...(r.parts ?? []).map((p) => partCase(r, p, report)),
    ]),
    `    <system-out>${text(suiteFindings.join("\n"))}</system-out>`,
    "    <system-err></system-err>",
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}

// --- internal ---

const FAILING = new Set(["fail", "inconclusive", "missing"]);

function testCase(r: RequirementResult, report: Report): string {
  const open = `    <testcase name="${attr(`${r.id}: ${r.title.en}`)}" classname="claimcheck.${attr(report.submission.topic)}" time="0"`;
  // A reported figure has no threshold to fail: a passing test case (its value is a suite property).
  if (r.verdict === "pass" || r.verdict === "reported") return `${open}/>`;
  if (r.verdict === "waived") return `${open}>\n      <skipped/>\n    </testcase>`;
  const element = r.verdict === "invalid" ? "error" : "failure";
  const findings = listFindings(report).filter((f) =>
    r.verdict === "invalid" ? f.requirement === undefined || f.requirement === r.id : f.requirement === r.id,
  );
  const body = [
    `${r.verdict}: ${r.reason}`,
    ...(r.target === null ? [] : [`target ${formatTarget(r)}; measured ${formatMeasured(r)}`]),
    ...(r.measured === null ? [] : [`method: ${r.measured.method}; n = ${r.measured.n}`]),
    ...findings.map(listLine),
  ];
  return `${open}>\n      <${element} message="${attr(r.reason)}" type="${r.verdict}">${text(body.join("\n"))}</${element}>\n    </testcase>`;
}

function partCase(r: RequirementResult, p: RequirementPart, report: Report): string {
  const open = `    <testcase name="${attr(`${r.id} › ${p.per} ${p.name}: ${r.title.en}`)}" classname="claimcheck.${attr(report.submission.topic)}" time="0"`;
  if (p.verdict === "pass" || p.verdict === "reported") return `${open}/>`;
  if (p.verdict === "waived") return `${open}>\n      <skipped/>\n    </testcase>`;
  const element = p.verdict === "invalid" ? "error" : "failure";
  const paths = new Set(
    report.inputs
      .filter((i) => i.role === p.roles.candidate || i.role === p.roles.baseline)
      .map((i) => i.path),
  );
  const findings = r.findings.filter((f) => f.location !== undefined && paths.has(f.location.path));
  const body = [
    `${p.verdict}: ${formatPart(p)}: ${p.reason}`,
    ...(r.target === null ? [] : [`target ${formatTarget(r)}; measured ${formatPartMeasured(r, p)}`]),
    ...(p.measured === null ? [] : [`method: ${p.measured.method}; n = ${p.measured.n}`]),
    ...findings.map((f) => `${f.severity} ${f.code} ${f.location?.path ?? ""}: ${f.message}`),
  ];
  return `${open}>\n      <${element} message="${attr(p.reason)}" type="${p.verdict}">${text(body.join("\n"))}</${element}>\n    </testcase>`;
}

function listLine(f: ReturnType<typeof listFindings>[number]): string {
  return `${f.severity} ${f.code}${f.where === "" ? "" : ` ${f.where}`}: ${f.message}`;
}

/** XML 1.0 forbids most control characters even when escaped: drop them, then escape markup. */
function text(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c] as string);
}

function attr(value: string): string {
  return text(value)
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}
