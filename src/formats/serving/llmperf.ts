import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile, ParsedEvidence, ServingRequests } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import type { DetectInput, FormatAdapter } from "../format.ts";
import { JsonFieldReader } from "../text/json-fields.ts";
import { isJsonObject, type JsonObject, parseJsonDocument } from "../text/json-input.ts";
import { decodeText } from "../text/text.ts";
import { readLlmperfChunks } from "./llmperf-bytes.ts";
import { parseLlmperfSummary } from "./llmperf-summary.ts";
import { ServingRequestsBuilder } from "./serving-columns.ts";
import { createServingEvidence, nothingUsable } from "./serving-summary.ts";

/** LLMPerf `…_summary.json`: flattened `results_<metric>_quantiles_p50`… in seconds (see llmperf-summary.ts). */
export const llmperfSummary: FormatAdapter = {
  id: "llmperf-summary",
  title: "LLMPerf token benchmark summary (…_summary.json)",
  kind: "serving-requests",
  detect: ({ head }: DetectInput) =>
    head.trimStart().startsWith("{") &&
    /"results_(ttft_s|end_to_end_latency_s|inter_token_latency_s)_/.test(head)
      ? 0.95
      : 0,
  parse: parseLlmperfSummary,
};

/**
 * LLMPerf `…_individual_responses.json`: a list of per-request objects, times in SECONDS. Its
 * `inter_token_latency_s` includes the time to first token (≈ E2E / output tokens), so it is not our
 * ITL; TPOT is derived as (E2E − TTFT)/(output tokens − 1) from the tool's own token counts (Llama
 * tokenizer). A request failed when `error_code` is not null.
 */
export const llmperfResponses: FormatAdapter = {
  id: "llmperf-responses",
  title: "LLMPerf individual responses (…_individual_responses.json)",
  kind: "serving-requests",
  detect: ({ head }: DetectInput) =>
    head.trimStart().startsWith("[") &&
    head.includes('"error_code"') &&
    head.includes('"ttft_s"') &&
    head.includes('"end_to_end_latency_s"')
      ? 0.95
      : 0,
  parse: parseResponses,
  parseChunks: (path, chunks) => {
    const read = readLlmperfChunks(chunks);
    return read === undefined
      ? undefined
      : responsesEvidence(path, [], read.builder.rows > 0 ? read.builder.build() : undefined, {
          rows: read.builder.rows,
          ok: read.ok,
          scalarItl: read.scalarItl,
        });
  },
};

// --- internal ---

function parseResponses(file: EvidenceFile): ParsedEvidence {
  const doc = parseJsonDocument(file.path, decodeText(file.path, file.bytes));
  const fields = new JsonFieldReader(doc);
  const root = doc.records[0]?.value;
  const builder = new ServingRequestsBuilder();
  const counts = { rows: 0, ok: 0, scalarItl: false };
  if (Array.isArray(root)) {
    const lines = doc.elementLines(root);
    for (const [i, item] of root.entries()) {
      if (isJsonObject(item)) readResponse(item, lines[i] ?? 0, fields, builder, counts);
      else fields.wrongType(item, "a response object", "(list item)", doc.records[0]?.line);
    }
  } else {
    fields.wrongType(root, "the list LLMPerf writes", "(file)", doc.records[0]?.line);
  }
  const requests = counts.rows > 0 ? builder.build() : undefined;
  return responsesEvidence(file.path, [...doc.findings, ...fields.finish()], requests, counts);
}

/** The evidence of a read list of responses, with the notes both reads add. */
function responsesEvidence(
  path: string,
  read: Finding[],
  requests: ServingRequests | undefined,
  counts: { rows: number; ok: number; scalarItl: boolean },
): ParsedEvidence {
  const notes: Finding[] = counts.scalarItl ? [itlIncludesTtft(path)] : [];
  if (requests === undefined) notes.push(nothingUsable(path, "LLMPerf responses"));
  const context = { requests: counts.rows, completed: counts.ok, failed: counts.rows - counts.ok };
  const findings = [...read, ...notes];
  return createServingEvidence(llmperfResponses.id, {
    ...(requests === undefined ? {} : { requests }),
    reported: [],
    context,
    findings,
    records: counts.rows,
  });
}

function readResponse(
  item: JsonObject,
  line: number,
  fields: JsonFieldReader,
  builder: ServingRequestsBuilder,
  counts: { rows: number; ok: number; scalarItl: boolean },
): void {
  const errorCode = item.error_code;
  // pandas reads a missing code as NaN, and LLMPerf counts a request as failed when the code is not NaN.
  const ok =
    errorCode === null ||
    errorCode === undefined ||
    (typeof errorCode === "number" && Number.isNaN(errorCode));
  const seconds = (key: string) => (fields.number(item, key) ?? Number.NaN) * 1000;
  const itl = item.inter_token_latency_s;
  if (typeof itl === "number") counts.scalarItl = true;
  builder.add({
    ttftMs: seconds("ttft_s"),
    e2eMs: seconds("end_to_end_latency_s"),
    // The list form (per-chunk gaps, first element = TTFT) lets us drop the TTFT and keep true gaps.
    itlMs: Array.isArray(itl) ? meanGap(itl, fields) * 1000 : Number.NaN,
    inputTokens: fields.number(item, "number_input_tokens") ?? Number.NaN,
    outputTokens: fields.number(item, "number_output_tokens") ?? Number.NaN,
    ok,
    line,
  });
  counts.rows++;
  if (ok) counts.ok++;
}

function meanGap(gaps: unknown[], fields: JsonFieldReader): number {
  if (gaps.length < 2) return Number.NaN;
  let sum = 0;
  for (let i = 1; i < gaps.length; i++)
    sum += fields.numberAt(gaps, i, `inter_token_latency_s[${i}]`) ?? Number.NaN;
  return sum / (gaps.length - 1);
}

function itlIncludesTtft(path: string): Finding {
  return createFinding(
    "LLMPERF_ITL_INCLUDES_TTFT",
    "info",
    "LLMPerf's inter_token_latency_s includes the time to first token (about E2E / output tokens), so it was not used as ITL; TPOT is derived as (E2E − TTFT)/(output tokens − 1).",
    { path },
    { variant: "llmperf_2" },
  );
}
