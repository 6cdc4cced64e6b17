// Writes the cheat fixtures: full submissions under fixtures/cheat-*/ that try to fool the verifier,
// each derived from the first 1,000 requests of fixtures/1.2-pass (or the 5.5-truncated lm-eval run).
//
//   node tests/reliability/make-cheat-fixtures.mjs
//
// fixtures/expected-exit-codes.json holds their exit codes; `npm run examples` writes their reports.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;
const ROWS = 1000;
const candidate = readRows("fixtures/1.2-pass/candidate.csv");
const baseline = readRows("fixtures/1.2-pass/baseline.csv");
const baselineP99 = percentile(
  ok(baseline).map((r) => r.ttft_ms),
  99,
);

// 1. The summary numbers of a vLLM result edited after the run: p99 TTFT lowered by 30 %.
{
  const json = vllmResult(candidate, candidate);
  json.p99_ttft_ms = round(json.p99_ttft_ms * 0.7);
  writeSubmission("cheat-summary-edited", {
    comment: "a vLLM result whose p99_ttft_ms was lowered by 30 % after the run; the claim copies it",
    candidate: { path: "candidate.json", format: "vllm-bench" },
    files: { "candidate.json": `${JSON.stringify(json)}\n` },
    claim: regression(json.p99_ttft_ms),
  });
}

// 2. A percentile computed on a subset: the summary and the claim leave out the slowest 5 % of requests.
{
  const fastest = [...ok(candidate)].sort((a, b) => a.ttft_ms - b.ttft_ms).slice(0, Math.floor(ROWS * 0.95));
  const json = vllmResult(candidate, fastest);
  writeSubmission("cheat-subset-percentile", {
    comment: "p99 TTFT (summary and claim) computed on the fastest 95 % of the requests",
    candidate: { path: "candidate.json", format: "vllm-bench" },
    files: { "candidate.json": `${JSON.stringify(json)}\n` },
    claim: regression(json.p99_ttft_ms),
  });
}

// 3. A baseline from another workload: the same number of requests, but prompts 2.5 times shorter.
{
  const other = baseline.map((r) => ({ ...r, input_tokens: Math.max(1, Math.round(r.input_tokens / 2.5)) }));
  writeSubmission("cheat-other-workload", {
    comment: "a baseline run on another trace (prompts 2.5 times shorter, same request count)",
    files: { "candidate.csv": csv(candidate), "baseline.csv": csv(other) },
  });
}

// 4. Duplicated rows to inflate n: every third request appears twice.
{
  const inflated = candidate.flatMap((r, i) => (i % 3 === 0 ? [r, r] : [r]));
  writeSubmission("cheat-duplicated-rows", {
    comment: "every third request copied to inflate n (1,334 rows for 1,000 requests)",
    files: { "candidate.csv": csv(inflated) },
  });
}

// 5. A truncated evaluation with the `limit` hidden: the config's limit removed by hand, n-samples kept.
{
  const results = JSON.parse(readFileSync(join(ROOT, "fixtures/5.5-truncated/accuracy-2bit.json"), "utf8"));
  const config = results.config ?? {};
  delete config.limit;
  const manifest = readFileSync(join(ROOT, "fixtures/5.5-truncated/claimcheck.yaml"), "utf8")
    .replace(
      /^# Example:.*$/m,
      "# Cheat: lm-eval run with --limit 100 and the limit removed from the results by hand.",
    )
    .replaceAll(
      /(models|devices|accuracy-baseline|candidate|baseline): ([a-z0-9-]+\.(csv|json))/g,
      "$1: ../5.5-truncated/$2",
    );
  write("cheat-truncated-eval/claimcheck.yaml", manifest);
  write("cheat-truncated-eval/accuracy-2bit.json", `${JSON.stringify(results, null, 2)}\n`);
}

// --- internal ---

function readRows(path) {
  const [header, ...lines] = readFileSync(join(ROOT, path), "utf8").trimEnd().split("\n");
  const names = header.split(",");
  return lines.slice(0, ROWS).map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(
      names.map((n, i) => [n, n === "request_id" || n === "status" ? cells[i] : Number(cells[i])]),
    );
  });
}

function ok(rows) {
  return rows.filter((r) => r.status === "ok");
}

function csv(rows) {
  const names = Object.keys(rows[0]);
  return `${[names.join(","), ...rows.map((r) => names.map((n) => r[n]).join(","))].join("\n")}\n`;
}

/** numpy's default (linear) percentile. */
function percentile(values, p) {
  const sorted = Float64Array.from(values).sort();
  const rank = ((sorted.length - 1) * p) / 100;
  const low = Math.floor(rank);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

function round(value, digits = 3) {
  return Number(value.toFixed(digits));
}

/** The claimed p99 TTFT regression, in percent, if the candidate's p99 were `p99`. */
function regression(p99) {
  return round(((p99 - baselineP99) / baselineP99) * 100, 2);
}

/** A `vllm bench serve --save-detailed` result: per-request lists of `rows`, summary of `summarized`. */
function vllmResult(rows, summarized) {
  const done = ok(summarized);
  const stat = (name, values) =>
    Object.fromEntries([
      [`mean_${name}_ms`, round(values.reduce((a, b) => a + b, 0) / values.length)],
      [`median_${name}_ms`, round(percentile(values, 50))],
      [`p90_${name}_ms`, round(percentile(values, 90))],
      [`p99_${name}_ms`, round(percentile(values, 99))],
    ]);
  const duration = rows.at(-1).start_s - rows[0].start_s;
  return {
    date: "20261012-080000",
    backend: "vllm",
    model_id: "Qwen/Qwen2.5-7B-Instruct",
    tokenizer_id: "Qwen/Qwen2.5-7B-Instruct",
    num_prompts: rows.length,
    request_rate: 8.0,
    duration: round(duration),
    completed: ok(rows).length,
    failed: rows.length - ok(rows).length,
    total_input_tokens: rows.reduce((a, r) => a + r.input_tokens, 0),
    total_output_tokens: rows.reduce((a, r) => a + r.output_tokens, 0),
    request_throughput: round(rows.length / duration, 4),
    input_lens: rows.map((r) => r.input_tokens),
    output_lens: rows.map((r) => r.output_tokens),
    ttfts: rows.map((r) => round(r.ttft_ms / 1000, 6)),
    itls: rows.map(() => []),
    latencies: rows.map((r) => round(r.e2e_ms / 1000, 6)),
    start_times: rows.map((r) => r.start_s),
    errors: rows.map((r) => (r.status === "ok" ? "" : "Internal Server Error")),
    ...stat(
      "ttft",
      done.map((r) => r.ttft_ms),
    ),
    ...stat(
      "tpot",
      done.map((r) => r.tpot_ms),
    ),
    ...stat(
      "e2el",
      done.map((r) => r.e2e_ms),
    ),
  };
}

function writeSubmission(name, { comment, candidate, files: own, claim }) {
  const files = { "baseline.csv": csv(baseline), ...own };
  const lines = [
    `# Cheat: ${comment}.`,
    "$schema: ../../schemas/submission.schema.json",
    'topic: "1.2"',
    "team: Example Cheat Lab",
    "system:",
    "  model: Qwen2.5-7B-Instruct",
    "  model_weights_gib: 15.0",
    "evidence:",
    `  candidate: ${candidate === undefined ? "candidate.csv" : `{ path: ${candidate.path}, format: ${candidate.format} }`}`,
    "  baseline: baseline.csv",
    "  memory: { path: ../1.2-pass/memory.csv, format: nvidia-smi-csv }",
    "  baseline-memory: ../1.2-pass/baseline-memory.csv",
  ];
  if (claim !== undefined)
    lines.push("claims:", "  - requirement: 1.2/ttft-p99-regression", `    value: ${claim}`);
  write(`${name}/claimcheck.yaml`, `${lines.join("\n")}\n`);
  for (const [file, text] of Object.entries(files)) write(`${name}/${file}`, text);
}

function write(path, text) {
  const full = join(ROOT, "fixtures", path);
  mkdirSync(join(full, ".."), { recursive: true });
  writeFileSync(full, text);
}
