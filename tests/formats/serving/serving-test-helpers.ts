import { existsSync, readFileSync } from "node:fs";
import type { EvidenceFile, ServingRequests } from "../../../src/model/evidence.ts";

/** The shared samples folder sits beside the repository (see the brief); tests skip when it is absent. */
export const SERVING_SAMPLES = new URL("../../../../shared/samples/serving/", import.meta.url);
export const hasServingSamples = existsSync(SERVING_SAMPLES);
if (!hasServingSamples) {
  console.warn(
    "Interoperability tests skipped: the shared samples folder (../shared/samples) is not beside this checkout.",
  );
}

/** A real tool output from the shared samples, under its bare file name. */
export function readSample(name: string): EvidenceFile {
  return { path: name, bytes: readFileSync(new URL(name, SERVING_SAMPLES)) };
}

/** A hand-made fixture from tests/formats/data (see make-serving-fixtures.py), under its bare file name. */
export function readFixture(name: string): EvidenceFile {
  return { path: name, bytes: readFileSync(new URL(`../data/${name}`, import.meta.url)) };
}

export function readFixtureText(name: string): string {
  return readFileSync(new URL(`../data/${name}`, import.meta.url), "utf8");
}

export function textFile(path: string, text: string): EvidenceFile {
  return { path, bytes: new TextEncoder().encode(text) };
}

/** The typed columns as plain arrays, so a whole table compares with one `toEqual`. */
export function plainColumns(requests: ServingRequests | undefined): Record<string, unknown[]> | undefined {
  if (requests === undefined) return undefined;
  const out: Record<string, unknown[]> = {};
  for (const [key, value] of Object.entries(requests)) {
    // `unrecorded` says which columns the format cannot hold; it is not a column.
    if (key !== "rows" && key !== "unrecorded") out[key] = Array.from(value as ArrayLike<unknown>);
  }
  return out;
}

/** Mean of the finite values of `column` over successful rows (how the tools average). */
export function meanOk(requests: ServingRequests, column: Float64Array): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < requests.rows; i++) {
    const value = column[i] as number;
    if (requests.ok[i] === 1 && Number.isFinite(value)) {
      sum += value;
      n++;
    }
  }
  return sum / n;
}

/** Rounds every number to `digits` decimals so float noise does not hide a real difference. */
export function rounded(values: ArrayLike<number>, digits = 9): number[] {
  return Array.from(values, (v) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : v));
}
