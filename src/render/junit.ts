import type { Report, RequirementResult } from "../model/report.ts";
import { formatMeasured, formatTarget, listFindings } from "./text-helpers.ts";

/**
 * JUnit XML (the Ant/Jenkins schema CI systems read): one test case per requirement. `fail`,
 * `inconclusive` and `missing` are failures, `invalid` is an error; each carries the reason and the
 * findings with their locations.
 */
export function renderJunit(report: Report): string {
  const s = report.submission;
  const failures = report.requirements.filter((r) => FAILING.has(r.verdict)).length;
  const errors = report.requirements.filter((r) => r.verdict === "invalid").length;
  const skipped = report.requirements.filter((r) => r.verdict === "waived").length;
  const counts = `tests="${report.requirements.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="0"`;
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
    ].map(
      ([name, value]) => `      <property name="${attr(name as string)}" value="${attr(value as string)}"/>`,
    ),
    "    </properties>",
    ...report.requirements.map((r) => testCase(r, report)),
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
  if (r.verdict === "pass") return `${open}/>`;
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
