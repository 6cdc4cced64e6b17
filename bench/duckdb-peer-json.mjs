// The DuckDB side of bench/json-readers.mjs: read_json of an AIPerf profile_export.jsonl
// (newline-delimited) or an LLMPerf individual-responses list (array), and the mean and
// linear-interpolated p50/p90/p99 (quantile_cont) of TTFT and E2E in ms over successful requests.
// Run: node bench/duckdb-peer-json.mjs aiperf-jsonl|llmperf-responses <file>
import { DuckDBInstance } from "@duckdb/node-api";

const [format, path] = process.argv.slice(2);
const file = `'${path.replaceAll("'", "''")}'`;
const SOURCES = {
  "aiperf-jsonl": `SELECT metrics.time_to_first_token.value AS ttft, metrics.request_latency.value AS e2e
    FROM read_json(${file}, format = 'newline_delimited', columns = {
      metadata: 'STRUCT(benchmark_phase VARCHAR, was_cancelled BOOLEAN)',
      metrics: 'STRUCT(time_to_first_token STRUCT(value DOUBLE, unit VARCHAR), request_latency STRUCT(value DOUBLE, unit VARCHAR))',
      error: 'JSON'})
    WHERE error IS NULL AND NOT metadata.was_cancelled AND metadata.benchmark_phase = 'profiling'`,
  "llmperf-responses": `SELECT ttft_s * 1000 AS ttft, end_to_end_latency_s * 1000 AS e2e
    FROM read_json(${file}, format = 'array', maximum_object_size = 1000000000,
      columns = {ttft_s: 'DOUBLE', end_to_end_latency_s: 'DOUBLE', error_code: 'BIGINT'})
    WHERE error_code IS NULL`,
};
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const reader = await connection.runAndReadAll(`WITH requests AS (${SOURCES[format]})
  SELECT count(*) AS rows,
    count(ttft) AS ttft_n, avg(ttft) AS ttft_mean, quantile_cont(ttft, [0.5, 0.9, 0.99]) AS ttft_q,
    count(e2e) AS e2e_n, avg(e2e) AS e2e_mean, quantile_cont(e2e, [0.5, 0.9, 0.99]) AS e2e_q
  FROM requests`);
const [row] = reader.getRowObjectsJson();
const metric = (name) => {
  const [p50, p90, p99] = row[`${name}_q`];
  return { n: Number(row[`${name}_n`]), mean: row[`${name}_mean`], p50, p90, p99 };
};
const { user, system } = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({ ttft_ms: metric("ttft"), e2e_ms: metric("e2e"), cpu_s: (user + system) / 1e6 })}\n`,
);
