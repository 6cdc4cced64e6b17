// The seeded requests of synthetic-vllm.mjs written as the per-request files of three other tools, so
// one workload can be read from each: GenAI-Perf's profile_export.json (perf_analyzer layout: send
// and response timestamps in integer ns, one SSE response per token of a streamed completion, then a
// usage chunk and `[DONE]`), AIPerf's profile_export.jsonl (one record per line, metrics in ms and
// tokens, as in its documentation) and LLMPerf's individual responses (a JSON list, seconds, the
// list form of inter_token_latency_s whose first element is the TTFT).
import { vllmRequests } from "./synthetic-vllm.mjs";

const MODEL = "Qwen/Qwen3-8B";

/** perf_analyzer's profile export of the requests (one experiment at the trace's request rate). */
export function* genaiPerfExportOfVllm(options) {
  yield `{"experiments": [{"experiment": {"mode": "request_rate", "value": ${options.qps ?? 100}}, "requests": [`;
  let i = 0;
  let piece = "";
  for (const r of vllmRequests(options)) {
    piece += `${i++ === 0 ? "" : ","}\n${genaiPerfRequest(r)}`;
    if (piece.length > 1 << 20) {
      yield piece;
      piece = "";
    }
  }
  yield `${piece}\n], "window_boundaries": []}], "service_kind": "openai", "endpoint": "v1/completions", "version": "2.0.0"}\n`;
}

/** AIPerf's profile_export.jsonl of the requests: a record per line, failed ones with an error. */
export function* aiperfJsonlOfVllm(options) {
  let i = 0;
  let piece = "";
  for (const r of vllmRequests(options)) {
    piece += `${aiperfRecord(r, i++)}\n`;
    if (piece.length > 1 << 20) {
      yield piece;
      piece = "";
    }
  }
  yield piece;
}

/** LLMPerf's `…_individual_responses.json` of the requests (json.dump with indent, as LLMPerf writes). */
export function* llmperfResponsesOfVllm(options) {
  let i = 0;
  let piece = "[";
  for (const r of vllmRequests(options)) {
    piece += `${i++ === 0 ? "" : ","}\n    ${llmperfResponse(r)}`;
    if (piece.length > 1 << 20) {
      yield piece;
      piece = "";
    }
  }
  yield `${piece}\n]\n`;
}

// --- internal ---

function ns(seconds) {
  return BigInt(Math.round(seconds * 1e9));
}

/** `data: {…}\n\n` as perf_analyzer records a response, JSON-escaped inside the export. */
function sse(data) {
  return `{"response": ${JSON.stringify(`data: ${data}\n\n`)}}`;
}

function genaiPerfRequest(r) {
  const sent = ns(r.start);
  const payload = JSON.stringify(JSON.stringify({ model: MODEL, prompt: "word ".repeat(4), stream: true }));
  const stamps = [];
  const outputs = [];
  if (r.error !== "") {
    stamps.push(sent + 1_000_000n);
    outputs.push(sse(JSON.stringify({ error: { message: r.error, code: 400 } })));
  } else {
    // Each token's response at the send time plus its offset, rounded to the ns once (not per gap).
    let offset = r.ttft;
    stamps.push(sent + ns(offset));
    for (const gap of r.itl) {
      offset += gap;
      stamps.push(sent + ns(offset));
    }
    for (let k = 0; k < stamps.length; k++) outputs.push(sse('{"choices":[{"text":"w"}]}'));
    const last = stamps[stamps.length - 1];
    const usage = { prompt_tokens: r.input, completion_tokens: r.output };
    stamps.push(last, last);
    outputs.push(sse(JSON.stringify({ choices: [], usage })), sse("[DONE]"));
  }
  return `{"timestamp": ${sent}, "request_inputs": {"payload": ${payload}}, "response_timestamps": [${stamps.join(", ")}], "response_outputs": [${outputs.join(", ")}]}`;
}

function metric(value, unit) {
  return `{"value": ${value}, "unit": "${unit}"}`;
}

function aiperfRecord(r, i) {
  const start = ns(r.start);
  const metadata = `{"session_num": ${i}, "x_request_id": "req-${i}", "turn_index": 0, "request_start_ns": ${start}, "request_end_ns": ${start + ns(r.latency)}, "benchmark_phase": "profiling", "was_cancelled": false, "cancellation_time_ns": null}`;
  if (r.error !== "")
    return `{"metadata": ${metadata}, "metrics": {"error_isl": ${metric(r.input, "tokens")}}, "error": {"code": 400, "type": "Bad Request", "message": ${JSON.stringify(r.error)}}}`;
  const ttft = r.ttft * 1000;
  const latency = r.latency * 1000;
  const metrics = [
    `"input_sequence_length": ${metric(r.input, "tokens")}`,
    `"time_to_first_token": ${metric(ttft, "ms")}`,
    `"request_latency": ${metric(latency, "ms")}`,
    `"output_token_count": ${metric(r.output, "tokens")}`,
    ...(r.itl.length > 0
      ? [`"inter_chunk_latency": ${metric(`[${r.itl.map((g) => g * 1000).join(", ")}]`, "ms")}`]
      : []),
    `"output_sequence_length": ${metric(r.output, "tokens")}`,
    // AIPerf's inter_token_latency is (E2E − TTFT)/(OSL − 1), which needs two tokens.
    ...(r.output > 1 ? [`"inter_token_latency": ${metric((latency - ttft) / (r.output - 1), "ms")}`] : []),
  ];
  return `{"metadata": ${metadata}, "metrics": {${metrics.join(", ")}}, "error": null}`;
}

function llmperfResponse(r) {
  const failed = r.error !== "";
  const gaps = failed ? [] : [r.ttft, ...r.itl];
  return `{"error_code": ${failed ? 400 : "null"}, "error_msg": ${JSON.stringify(r.error)}, "inter_token_latency_s": [${gaps.join(", ")}], "ttft_s": ${r.ttft}, "end_to_end_latency_s": ${r.latency}, "request_output_throughput_token_per_s": ${failed ? 0 : r.output / r.latency}, "number_total_tokens": ${r.input + r.output}, "number_output_tokens": ${r.output}, "number_input_tokens": ${r.input}}`;
}
