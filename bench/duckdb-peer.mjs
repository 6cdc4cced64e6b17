// The peer of `npm run bench:compare`: DuckDB reads each serving-requests CSV and computes, over the
// successful requests, the mean and the linear-interpolated p50/p90/p95/p99 (quantile_cont, numpy's
// method) of every latency column the file has: what claimcheck's verify computes for topic 1.2.
// Prints one JSON object per file on stdout. Run: node bench/duckdb-peer.mjs a.csv b.csv
import { DuckDBInstance } from "@duckdb/node-api";

const COLUMNS = ["ttft_ms", "tpot_ms", "e2e_ms"];
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const results = {};
for (const path of process.argv.slice(2)) {
  const select = COLUMNS.map(
    (c) => `avg(${c}) AS ${c}_mean, quantile_cont(${c}, [0.5, 0.9, 0.95, 0.99]) AS ${c}_q`,
  ).join(", ");
  const reader = await connection.runAndReadAll(
    `SELECT count(*) AS n, ${select} FROM read_csv('${path.replaceAll("'", "''")}') WHERE status = 'ok'`,
  );
  const [row] = reader.getRowObjectsJson();
  results[path] = Object.fromEntries(
    COLUMNS.map((c) => {
      const [p50, p90, p95, p99] = row[`${c}_q`];
      return [c, { mean: row[`${c}_mean`], p50, p90, p95, p99 }];
    }),
  );
}
process.stdout.write(`${JSON.stringify(results)}\n`);
