import type { ParsedEvidence, ServingRequests } from "../../model/evidence.ts";
import type { JsonFieldReader } from "../text/json-fields.ts";
import { type JsonDocument, type JsonObject, parseJsonDocument } from "../text/json-input.ts";
import { decodeText } from "../text/text.ts";
import { DetailJsonScanner } from "./detail-json-scanner.ts";
import type { DetailListColumn } from "./detail-list-columns.ts";
import { deriveTpot, ServingRequestsBuilder } from "./serving-columns.ts";
import { type DetailArraysResult, readDetailArrays } from "./serving-detail-arrays.ts";
import { parseRunsDocument, type RunDetailsReader, type RunFormatSpec } from "./serving-runs.ts";

/**
 * The streaming read of a big detailed result file (one run, per-request lists at its top level, as
 * `vllm bench serve --save-detailed` writes it): the lists go straight from bytes into columns, the
 * rest of the object is parsed as usual, and the result is the one `parseRunsFile` gives. Undefined
 * when the file needs the general reader (see DetailJsonScanner), which then finds and locates
 * whatever made the fast path step aside.
 */
export function parseRunsChunks(
  path: string,
  chunks: Iterable<Uint8Array>,
  spec: RunFormatSpec,
): ParsedEvidence | undefined {
  const scanner = new DetailJsonScanner();
  for (const chunk of chunks) if (!scanner.push(chunk)) return undefined;
  const scanned = scanner.end();
  if (scanned === undefined) return undefined;
  const doc = parseSkeleton(path, scanned.skeleton);
  const run = doc?.records[0]?.value as JsonObject | undefined;
  if (doc === undefined || run === undefined) return undefined;
  if (scanned.lists.size > 0 && spec.detailObject(run) !== run) return undefined;
  const details = scanned.lists.has("ttfts")
    ? columnDetails(scanned.lists)
    : generalDetails(spec, new ServingRequestsBuilder());
  return details === undefined ? undefined : parseRunsDocument(path, doc, spec, details);
}

// --- internal ---

/** The object without its lists; undefined when it is not exactly one record without syntax findings. */
function parseSkeleton(path: string, skeleton: Uint8Array): JsonDocument | undefined {
  try {
    const doc = parseJsonDocument(path, decodeText(path, skeleton));
    const clean = doc.records.length === 1 && !doc.findings.some((f) => f.code === "JSON_SYNTAX");
    return clean ? doc : undefined;
  } catch {
    return undefined;
  }
}

/** No top-level lists (SGLang's nested `details`, or none at all): the skeleton holds them, read as usual. */
function generalDetails(spec: RunFormatSpec, builder: ServingRequestsBuilder): RunDetailsReader {
  return {
    read: (run, fields: JsonFieldReader) =>
      readDetailArrays(spec.detailObject(run.value), fields, builder, run.line),
    build: () => builder.build(),
  };
}

/**
 * The rows from the scanned columns, computed as readDetailArrays computes them (times in seconds to
 * ms, ITL the mean of the request's gaps, E2E from TTFT + Σ gaps without `latencies`, a request failed
 * when its error is not empty or it has 0 output tokens). Undefined when a list's length differs from
 * `ttfts`' (the general reader reports it).
 */
function columnDetails(lists: Map<string, DetailListColumn>): RunDetailsReader | undefined {
  const ttfts = (lists.get("ttfts") as DetailListColumn).finish().values;
  const n = ttfts.length;
  const column = (key: string) => {
    const list = lists.get(key);
    return list === undefined ? undefined : list.finish();
  };
  const all = [...lists.values()];
  if (all.some((list) => list.length !== n)) return undefined;
  const gaps = column("itls");
  const latencies = column("latencies")?.values;
  const outputs = column("output_lens")?.values;
  const errors = column("errors")?.values;
  const ok = new Uint8Array(n);
  let okCount = 0;
  const itlMs = new Float64Array(n);
  const e2eMs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const count = gaps === undefined ? -1 : (gaps.counts[i] as number);
    const sum = count < 0 ? 0 : ((gaps as { values: Float64Array }).values[i] as number);
    itlMs[i] = count <= 0 ? Number.NaN : (sum / count) * 1000;
    e2eMs[i] = (latencies === undefined ? (ttfts[i] as number) + sum : (latencies[i] as number)) * 1000;
    const failed = errors?.[i] === 1 || outputs?.[i] === 0;
    ok[i] = failed ? 0 : 1;
    if (!failed) okCount++;
  }
  const result: DetailArraysResult = { rows: n, ok: okCount, derivedE2e: latencies === undefined };
  let line = 1;
  return {
    read: (run) => {
      line = run.line;
      return result;
    },
    build,
  };

  function build(): ServingRequests {
    // In place: the seconds are not needed any more, and a second column would double the peak.
    for (let i = 0; i < n; i++) ttfts[i] = (ttfts[i] as number) * 1000;
    const requests: ServingRequests = {
      rows: n,
      startS: column("start_times")?.values ?? new Float64Array(n).fill(Number.NaN),
      ttftMs: ttfts,
      tpotMs: new Float64Array(n).fill(Number.NaN),
      itlMs,
      e2eMs,
      inputTokens: column("input_lens")?.values ?? new Float64Array(n).fill(Number.NaN),
      outputTokens: outputs ?? new Float64Array(n).fill(Number.NaN),
      ok,
      lines: new Int32Array(n).fill(line),
    };
    deriveTpot(requests);
    return requests;
  }
}
