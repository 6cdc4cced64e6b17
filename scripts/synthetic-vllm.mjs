// Seeded `vllm bench serve --save-result --save-detailed` result files: the layout and key order of
// vllm/benchmarks/serve.py @ 009e6d4a (main_async's result_json, then benchmark()'s result with its
// per-request lists; json.dump on one line), per-request times in seconds written as shortest
// round-trip decimals (Python's float repr), and the same requests as a canonical serving-requests
// CSV, so one workload can be read from either format.
import { normal, random } from "./synthetic-trace.mjs";

/**
 * The requests of one run: Poisson arrivals at `qps`, prompt/output lengths from `workloadSeed`,
 * lognormal TTFT and per-token gaps from `seed`. Times in seconds, as vLLM records them.
 */
export function* vllmRequests({ seed, workloadSeed = seed, rows, qps = 100, scale = 1, errorRate = 0.002 }) {
  const rand = random(seed);
  const work = random(workloadSeed);
  let t = 0;
  for (let i = 0; i < rows; i++) {
    t += -Math.log(1 - work()) / qps;
    const input = Math.round(200 + work() * 1800);
    const output = Math.max(1, Math.round(Math.exp(3.3 + 0.5 * normal(work))));
    const failed = rand() < errorRate;
    const ttft = failed ? 0 : (scale * (40 + 0.05 * input) * Math.exp(0.35 * normal(rand))) / 1000;
    const tpot = (scale * 18 * Math.exp(0.2 * normal(rand))) / 1000;
    const itl = [];
    let latency = ttft;
    if (!failed)
      for (let k = 1; k < output; k++) {
        const gap = tpot * Math.exp(0.1 * normal(rand));
        itl.push(gap);
        latency += gap;
      }
    yield {
      start: 1000 + t,
      input,
      output: failed ? 0 : output,
      ttft,
      itl,
      latency: failed ? 0 : latency,
      error: failed ? "Bad Request" : "",
    };
  }
}

/**
 * The result file's text in pieces (join them, or write them one by one for files of a GB): the run
 * facts, the per-request lists, and the summary statistics vLLM computes from them.
 */
export function* vllmDetailedJson(options) {
  // The seeded requests are drawn again for every list, so a million of them never sit in memory.
  const requests = () => vllmRequests(options);
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  let completed = 0;
  let totalInput = 0;
  let totalOutput = 0;
  for (const r of requests()) {
    first = Math.min(first, r.start);
    last = Math.max(last, r.start + r.latency);
    if (r.error === "") {
      completed++;
      totalInput += r.input;
    }
    totalOutput += r.output;
  }
  const duration = last - first;
  yield `{"date": "20261202-120000", "endpoint_type": "openai", "backend": "vllm", "label": null, "model_id": "Qwen/Qwen3-8B", "tokenizer_id": "Qwen/Qwen3-8B", "num_prompts": ${options.rows}, "request_rate": ${float(options.qps ?? 100)}, "burstiness": 1.0, "max_concurrency": null, "duration": ${float(duration)}, "completed": ${completed}, "failed": ${options.rows - completed}, "total_input_tokens": ${totalInput}, "total_output_tokens": ${totalOutput}, "request_throughput": ${float(completed / duration)}, "request_goodput": null, "output_throughput": ${float(totalOutput / duration)}, "total_token_throughput": ${float((totalInput + totalOutput) / duration)}`;
  yield* list("input_lens", requests, (r) => String(r.input));
  yield* list("output_lens", requests, (r) => String(r.output));
  yield* list("ttfts", requests, (r) => float(r.ttft));
  yield* list("itls", requests, (r) => `[${r.itl.map(float).join(", ")}]`);
  yield* list("latencies", requests, (r) => float(r.latency));
  yield* list("start_times", requests, (r) => float(r.start));
  yield* list("generated_texts", requests, (r) => (r.error === "" ? `"${"word ".repeat(3)}"` : '""'));
  yield* list("errors", requests, (r) => JSON.stringify(r.error));
  yield `, "max_output_tokens_per_s": 4096.0, "max_concurrent_requests": 64}`;
}

/** The same requests as a canonical serving-requests CSV (ms; TPOT left for the reader to derive, as vLLM's). */
export function* servingCsvOfVllm(options) {
  yield "request_id,start_s,ttft_ms,tpot_ms,e2e_ms,input_tokens,output_tokens,status\n";
  let i = 0;
  for (const r of vllmRequests(options)) {
    const ok = r.error === "";
    yield ok
      ? `req-${i},${r.start},${r.ttft * 1000},,${r.latency * 1000},${r.input},${r.output},ok\n`
      : `req-${i},${r.start},0,,0,${r.input},0,error\n`;
    i++;
  }
}

// --- internal ---

/** Python's float repr: shortest round-trip digits, always with a point or an exponent. */
function float(x) {
  const text = String(x);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

function* list(key, requests, format) {
  let piece = `, "${key}": [`;
  let i = 0;
  for (const request of requests()) {
    piece += (i++ === 0 ? "" : ", ") + format(request);
    if (piece.length > 1 << 20) {
      yield piece;
      piece = "";
    }
  }
  yield `${piece}]`;
}
