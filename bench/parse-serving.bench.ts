import { parse as parseWithCsvParse } from "csv-parse/sync";
import { bench, describe } from "vitest";
import { servingTrace } from "../scripts/synthetic-trace.mjs";
import { servingCsv } from "../src/formats/serving/serving-csv.ts";
import { computePercentile, sortFinite } from "../src/measure/stats/percentile.ts";

// 100 k requests (~5 MB): claimcheck's columnar parse + exact p99 against the common Node approach,
// csv-parse into row objects + a sort, on the same bytes in the same run. Compare the ratio, not the times.
const ROWS = 100_000;
const bytes = new TextEncoder().encode(servingTrace({ seed: 7, rows: ROWS }));
const text = new TextDecoder().decode(bytes);

describe(`serving-requests CSV, ${ROWS} rows → p99 TTFT`, () => {
  bench("claimcheck: columnar parse + p99", () => {
    const parsed = servingCsv.parse({ path: "bench.csv", bytes });
    computePercentile(sortFinite(parsed.requests?.ttftMs ?? new Float64Array()), 99, "linear");
  });

  bench("peer: csv-parse (columns: true) + sort", () => {
    const rows = parseWithCsvParse(text, { columns: true }) as Array<Record<string, string>>;
    const ttft = rows.filter((r) => r.ttft_ms !== "" && r.status === "ok").map((r) => Number(r.ttft_ms));
    ttft.sort((a, b) => a - b);
    const rank = 0.99 * (ttft.length - 1);
    const low = Math.floor(rank);
    void (
      (ttft[low] as number) +
      ((ttft[low + 1] ?? (ttft[low] as number)) - (ttft[low] as number)) * (rank - low)
    );
  });
});
