import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { prepareInput, prepareParsedInput } from "../../src/judge/prepare-input.ts";
import { primeRequestLog, readProjectedLog } from "../../src/judge/read-projected-log.ts";
import type { VerifiedInput } from "../../src/judge/verify-submission.ts";
import { checkSameWorkload } from "../../src/judge/workload-check.ts";
import type { MeasureInput } from "../../src/measure/metric.ts";
import { METRICS } from "../../src/measure/registry.ts";
import { projectionForMetrics } from "../../src/measure/serving/request-projection.ts";
import type { RequestProjection } from "../../src/model/request-columns.ts";

const HEADER = "request_id,start_s,ttft_ms,tpot_ms,e2e_ms,input_tokens,output_tokens,status";

/**
 * A seeded log of `rows` requests (more than the bootstrap's 5,000, so it may be projected) with
 * every kind of row the checks report: blank lines, a repeated id, TTFT after E2E, an inconsistent
 * TPOT, negative values, a successful row without E2E, failed rows, a start time going back.
 */
function requestLog(rows: number, seed: number, scale: number, promptScale = 1): string {
  let state = seed;
  const next = () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const out = 2 + Math.floor(next() * 300);
    const ttft = Math.round((20 + next() * 200) * scale * 1000) / 1000;
    const tpot = Math.round((10 + next() * 20) * scale * 1000) / 1000;
    const e2e = Math.round((ttft + tpot * (out - 1)) * 1000) / 1000;
    const prompt = Math.floor((50 + next() * 2000) * promptScale);
    lines.push(
      `req-${i},${(i * 0.01).toFixed(2)},${ttft},${i % 7 === 0 ? "" : tpot},${e2e},${prompt},${out},ok`,
    );
  }
  lines.splice(100, 0, "");
  lines.splice(200, 0, "   ");
  lines[300] = "req-17,3.00,50,10,90,100,5,ok"; // repeats req-17
  lines[400] = "req-398,4.00,500,10,90,100,5,ok"; // TTFT after E2E
  lines[500] = "req-497,5.00,50,99,90,100,5,ok"; // TPOT does not add up
  lines[600] = "req-597,6.00,-5,10,35,100,5,ok";
  lines[700] = "req-697,7.00,50,10,,100,5,ok";
  lines[800] = "req-797,8.00,,,,100,0,error";
  lines[900] = "req-897,1.00,50,10,90,100,5,ok"; // start goes back
  lines[1000] = "x-997,10.00,50,10,90,-3,5,ok"; // another id shape, negative tokens
  return `${lines.join("\n")}\n`;
}

function readFull(role: string, path: string, text: string): VerifiedInput {
  return prepareInput({ role, file: { path, bytes: new TextEncoder().encode(text) }, sha256: "0" });
}

function readProjected(
  role: string,
  path: string,
  text: string,
  projection: RequestProjection,
): VerifiedInput {
  const bytes = new TextEncoder().encode(text);
  const log = readProjectedLog(
    path,
    [bytes.subarray(0, 70_000), bytes.subarray(70_000)],
    bytes.length,
    projection,
  );
  if (log === undefined) throw new Error("not read by the projected reader");
  const requests = log.parsed.requests;
  if (requests !== undefined) primeRequestLog(requests, log);
  return prepareParsedInput(role, path, "0", bytes.length, {
    ...log.parsed,
    format: "serving-requests-csv",
    detected: { source: "declared" },
  } as Parameters<typeof prepareParsedInput>[4]);
}

const candidate = requestLog(6000, 11, 0.97);
const baseline = requestLog(6000, 12, 1);
// GPU timelines, so that the memory metrics read the request log's send times too.
const memory = ["memory", "baseline-memory"].map((role) =>
  prepareInput({
    role,
    file: {
      path: `${role}.csv`,
      bytes: readFileSync(new URL(`../../fixtures/1.2-pass/${role}.csv`, import.meta.url)),
    },
    sha256: "0",
  }),
);

function measureInput(inputs: VerifiedInput[], comparison: MeasureInput["comparison"]): MeasureInput {
  return {
    evidence: Object.fromEntries(inputs.map((input) => [input.role, input.parsed])),
    system: { model_weights_gib: 15 } as MeasureInput["system"],
    confidence: 0.95,
    seed: 20240,
    percentileMethod: "linear",
    comparison,
    conditions: { slo_ttft_ms: 150, slo_tpot_ms: 25 },
  };
}

/** A metric result as data (its nNeeded and explainClaim functions left out). */
const asData = (value: unknown) => JSON.parse(JSON.stringify(value));

describe("readProjectedLog", () => {
  it("finds the same findings, at the same lines, as the full read and checkPlausibility", () => {
    const full = readFull("candidate", "c.csv", candidate);
    const projected = readProjected("candidate", "c.csv", candidate, new Set());
    expect(projected.parsed.findings.map((f) => [f.code, f.location?.line, f.location?.column])).toEqual(
      full.parsed.findings.map((f) => [f.code, f.location?.line, f.location?.column]),
    );
    expect(projected.parsed.findings).toEqual(full.parsed.findings);
    expect(full.parsed.findings.length).toBeGreaterThan(8);
  });

  const UNITS = ["ttft_ms", "e2e_ms", "tpot_ms"].map((column) => ["LATENCY_UNIT_SUSPECT", column]);
  const failed = Array.from({ length: 6000 }, (_, i) => `req-${i},${i},,,,100,0,error`);
  it.each([
    ["a log written in seconds", requestLog(6000, 13, 0.001), UNITS],
    [
      "a log whose every request failed",
      `${HEADER}\n${failed.join("\n")}\n`,
      [["EVIDENCE_MEASURED_NOTHING", undefined]],
    ],
  ])("finds the same whole-log findings as the full read on %s", (_, text, expected) => {
    const full = readFull("candidate", "s.csv", text);
    const projected = readProjected("candidate", "s.csv", text, new Set());
    const wholeLog = (input: VerifiedInput) =>
      input.parsed.findings.filter(
        (f) => f.code === "LATENCY_UNIT_SUSPECT" || f.code === "EVIDENCE_MEASURED_NOTHING",
      );
    expect(wholeLog(projected)).toEqual(wholeLog(full));
    expect(wholeLog(full).map((f) => [f.code, f.location?.column])).toEqual(expected);
  });

  it.each([
    ["the same workload", 1],
    ["shorter prompts", 0.8],
  ])("checks the workload the same way on %s", (_, promptScale) => {
    const other = requestLog(6000, 12, 1, promptScale);
    const paths = { candidate: "c.csv", baseline: "b.csv" };
    const full = [readFull("candidate", "c.csv", candidate), readFull("baseline", "b.csv", other)];
    const projected = [
      readProjected("candidate", "c.csv", candidate, new Set()),
      readProjected("baseline", "b.csv", other, new Set()),
    ];
    const expected = checkSameWorkload(measureInput(full, "regression"), paths);
    expect(checkSameWorkload(measureInput(projected, "regression"), paths)).toEqual(expected);
    expect(expected.length).toBe(promptScale === 1 ? 0 : 1);
  });

  it("keeps no row data but what the projection names", () => {
    const projected = readProjected("candidate", "c.csv", candidate, new Set(["startS"]));
    const requests = projected.parsed.requests;
    expect(Object.keys(requests ?? {}).sort()).toEqual(["ok", "projected", "rows", "startS"]);
  });

  // Every metric that a projected read may serve must give the same value from it as from all rows.
  it.each([...METRICS.keys()].filter((id) => projectionForMetrics([id]) !== undefined))(
    "%s measures the same on a projected and a full log",
    (id) => {
      const projection = projectionForMetrics([id]) as RequestProjection;
      const full = [
        readFull("candidate", "c.csv", candidate),
        readFull("baseline", "b.csv", baseline),
        ...memory,
      ];
      const projected = [
        readProjected("candidate", "c.csv", candidate, projection),
        readProjected("baseline", "b.csv", baseline, projection),
        ...memory,
      ];
      const metric = METRICS.get(id);
      for (const comparison of ["none", "regression"] as const) {
        const expected = asData(metric?.evaluate(measureInput(full, comparison)));
        expect(asData(metric?.evaluate(measureInput(projected, comparison)))).toEqual(expected);
      }
    },
  );
});
