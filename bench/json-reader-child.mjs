// One side of bench/json-readers.mjs, in its own process: reads one per-request JSON log the way
// `verify` reads a big file, either whole (`general`: the file's bytes, decoded and parsed into
// objects) or as it streams in (`streamed`: 4 MiB chunks straight into typed columns), both with the
// file's SHA-256, and prints the row count and the mean/p50/p90/p99 of TTFT and E2E (ms) over
// successful requests, so the sides can be checked to agree.
// Run (after npm run build): node bench/json-reader-child.mjs general|streamed <format id> <file>
import { aiperfJsonl } from "../dist/formats/serving/aiperf.js";
import { genaiPerfExport } from "../dist/formats/serving/genai-perf.js";
import { llmperfResponses } from "../dist/formats/serving/llmperf.js";
import { readEvidence, readEvidenceChunks } from "../dist/read/read-evidence.js";

const ADAPTERS = {
  "genai-perf-export": genaiPerfExport,
  "aiperf-jsonl": aiperfJsonl,
  "llmperf-responses": llmperfResponses,
};
const [side, format, path] = process.argv.slice(2);
const adapter = ADAPTERS[format];
let parsed;
if (side === "general") {
  const { file } = await readEvidence(path, path);
  parsed = adapter.parse(file);
} else {
  parsed = readEvidenceChunks(
    path,
    path,
    (head, chunks, size) => adapter.parseChunks(head.path, chunks(), size),
    () => {},
  )?.parsed;
  if (parsed === undefined) throw new Error("the streamed read stepped aside");
}
const requests = parsed.requests;
const { user, system } = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({ rows: requests.rows, ttft_ms: summary(requests, requests.ttftMs), e2e_ms: summary(requests, requests.e2eMs), cpu_s: (user + system) / 1e6 })}\n`,
);

function summary(requests, column) {
  const values = [];
  for (let i = 0; i < requests.rows; i++)
    if (requests.ok[i] === 1 && Number.isFinite(column[i])) values.push(column[i]);
  values.sort((a, b) => a - b);
  const at = (p) => {
    const h = (values.length - 1) * p;
    const low = Math.floor(h);
    return values[low] + (h - low) * ((values[Math.min(low + 1, values.length - 1)] ?? 0) - values[low]);
  };
  return {
    n: values.length,
    mean: values.reduce((a, b) => a + b, 0) / values.length,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
  };
}
