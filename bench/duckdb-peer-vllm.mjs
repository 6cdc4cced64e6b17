// The peer of `npm run bench:compare -- --format vllm-json`: DuckDB reads each `vllm bench serve
// --save-detailed` result file with read_json, unnests its per-request lists side by side and
// computes, over the successful requests (empty error, output tokens > 0: what claimcheck and vLLM
// count), the mean and the linear-interpolated p50/p90/p95/p99 (quantile_cont, numpy's method) of
// TTFT, TPOT ((E2E − TTFT)/(output − 1), requests of 2+ tokens), ITL (each request's mean chunk
// gap) and E2E, in ms. Prints one JSON object per file on stdout. Run: node bench/duckdb-peer-vllm.mjs a.json b.json
import { DuckDBInstance } from "@duckdb/node-api";

const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const METRICS = {
  ttft_ms: "ttft * 1000",
  tpot_ms: "CASE WHEN output > 1 THEN (e2e - ttft) / (output - 1) * 1000 END",
  itl_ms: "CASE WHEN len(itl) > 0 THEN list_sum(itl) / len(itl) * 1000 END",
  e2e_ms: "e2e * 1000",
};
const results = {};
for (const path of process.argv.slice(2)) {
  const select = Object.entries(METRICS)
    .map(
      ([name, sql]) =>
        `avg(${sql}) AS ${name}_mean, quantile_cont(${sql}, [0.5, 0.9, 0.95, 0.99]) AS ${name}_q`,
    )
    .join(", ");
  // One object of up to a GB: the object size limit must cover the whole file.
  const reader = await connection.runAndReadAll(`
    WITH requests AS (
      SELECT unnest(ttfts) AS ttft, unnest(latencies) AS e2e, unnest(itls) AS itl,
             unnest(output_lens) AS output, unnest(errors) AS error
      FROM read_json('${path.replaceAll("'", "''")}', maximum_object_size = 4000000000,
        columns = {ttfts: 'DOUBLE[]', latencies: 'DOUBLE[]', itls: 'DOUBLE[][]', output_lens: 'BIGINT[]', errors: 'VARCHAR[]'}))
    SELECT count(*) AS n, ${select} FROM requests WHERE error = '' AND output > 0`);
  const [row] = reader.getRowObjectsJson();
  results[path] = Object.fromEntries(
    Object.keys(METRICS).map((name) => {
      const [p50, p90, p95, p99] = row[`${name}_q`];
      return [name, { mean: row[`${name}_mean`], p50, p90, p95, p99 }];
    }),
  );
}
process.stdout.write(`${JSON.stringify(results)}\n`);
