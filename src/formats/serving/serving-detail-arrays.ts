import { createFinding } from "../../model/create-finding.ts";
import type { JsonFieldReader } from "../text/json-fields.ts";
import type { JsonObject } from "../text/json-input.ts";
import type { ServingRequestsBuilder } from "./serving-columns.ts";

/** What reading one run's per-request lists found. */
export interface DetailArraysResult {
  rows: number;
  ok: number;
  /** True when `latencies` was absent and E2E was taken as TTFT + Σ ITL. */
  derivedE2e: boolean;
}

/**
 * Reads the per-request lists that vLLM `--save-detailed` and SGLang `--output-details` write (same
 * lineage, same names): `ttfts`, `itls` (lists of chunk gaps), `latencies`, `start_times` — all in
 * SECONDS — plus `input_lens`, `output_lens` and `errors`. A request failed when `errors[i]` is not
 * empty or `output_lens[i]` is 0 (both tools write 0 for failed requests; a failed HTTP status with an
 * empty reason leaves `errors[i]` empty). Returns `undefined` when the object has no `ttfts` list.
 */
export function readDetailArrays(
  object: JsonObject,
  fields: JsonFieldReader,
  builder: ServingRequestsBuilder,
  line: number,
): DetailArraysResult | undefined {
  const ttfts = fields.array(object, "ttfts");
  if (ttfts === undefined) return undefined;
  const lists = readLists(object, fields, ttfts.length, line);
  let ok = 0;
  for (let i = 0; i < ttfts.length; i++) {
    const ttft = fields.numberAt(ttfts, i, `ttfts[${i}]`);
    const gaps = chunkGaps(lists.itls, i, fields);
    const latency =
      lists.latencies === undefined
        ? deriveLatency(ttft, gaps)
        : fields.numberAt(lists.latencies, i, `latencies[${i}]`);
    const outputTokens =
      lists.outputLens === undefined ? undefined : fields.numberAt(lists.outputLens, i, `output_lens[${i}]`);
    const error = lists.errors?.[i];
    const failed = (typeof error === "string" && error !== "") || outputTokens === 0;
    if (!failed) ok++;
    builder.add({
      startS: at(lists.startTimes, i, "start_times", fields),
      ttftMs: ms(ttft),
      itlMs: gaps === undefined || gaps.length === 0 ? Number.NaN : ms(gaps.sum / gaps.length),
      e2eMs: ms(latency),
      inputTokens: at(lists.inputLens, i, "input_lens", fields),
      outputTokens: outputTokens ?? Number.NaN,
      ok: !failed,
      line,
    });
  }
  return { rows: ttfts.length, ok, derivedE2e: lists.latencies === undefined };
}

// --- internal ---

interface DetailLists {
  itls?: unknown[];
  latencies?: unknown[];
  startTimes?: unknown[];
  inputLens?: unknown[];
  outputLens?: unknown[];
  errors?: unknown[];
}

const LISTS: ReadonlyArray<[keyof DetailLists, string]> = [
  ["itls", "itls"],
  ["latencies", "latencies"],
  ["startTimes", "start_times"],
  ["inputLens", "input_lens"],
  ["outputLens", "output_lens"],
  ["errors", "errors"],
];

function readLists(object: JsonObject, fields: JsonFieldReader, n: number, line: number): DetailLists {
  const lists: DetailLists = {};
  for (const [name, key] of LISTS) {
    const list = fields.array(object, key);
    if (list === undefined) continue;
    if (list.length !== n) {
      const message = `"${key}" has ${list.length} entries but "ttfts" has ${n}; every per-request list needs one entry per request, so "${key}" was ignored. Submit the file as the tool wrote it.`;
      fields.add(
        createFinding(
          "DETAIL_LENGTH_MISMATCH",
          "error",
          message,
          {
            path: fields.doc.path,
            line: fields.doc.lineOfKey(object, key) ?? line,
            column: key,
          },
          { key, count: list.length, n },
        ),
      );
      continue;
    }
    lists[name] = list;
  }
  return lists;
}

function chunkGaps(
  itls: unknown[] | undefined,
  i: number,
  fields: JsonFieldReader,
): { sum: number; length: number } | undefined {
  const list = itls?.[i];
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list)) {
    fields.wrongType(list, "a list of gaps in seconds", `itls[${i}]`, () =>
      fields.doc.lineOfIndex(itls as unknown[], i),
    );
    return undefined;
  }
  let sum = 0;
  for (let k = 0; k < list.length; k++) sum += fields.numberAt(list, k, `itls[${i}][${k}]`) ?? Number.NaN;
  return { sum, length: list.length };
}

/** vLLM's own timeline plot does the same when `latencies` is absent: TTFT + Σ chunk gaps. */
function deriveLatency(ttft: number | undefined, gaps: { sum: number } | undefined): number | undefined {
  if (ttft === undefined) return undefined;
  return ttft + (gaps?.sum ?? 0);
}

function ms(seconds: number | undefined): number {
  return seconds === undefined ? Number.NaN : seconds * 1000;
}

function at(list: unknown[] | undefined, i: number, key: string, fields: JsonFieldReader): number {
  return list === undefined ? Number.NaN : (fields.numberAt(list, i, `${key}[${i}]`) ?? Number.NaN);
}
