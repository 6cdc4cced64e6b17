import { describe, expect, it } from "vitest";
import { hcclTest } from "../../../src/formats/collective/hccl-test.ts";
import { checkPlausibility } from "../../../src/judge/plausibility.ts";
import { textFile } from "./collective-test-helpers.ts";

const HEADER = "data_size(Bytes): | aveg_time(us): | alg_bandwidth(GB/s): | check_result:\n";

/** HCCL Test rows as `printf("%-17llu | %-14.2f | %-20.5f | success")` prints them for a given divisor. */
function table(divisor: number, rows: Array<[number, number]>): string {
  return (
    HEADER +
    rows
      .map(
        ([size, time]) =>
          `${String(size).padEnd(17)} | ${time.toFixed(2).padEnd(14)} | ${(size / time / divisor).toFixed(5).padEnd(20)} | success`,
      )
      .join("\n")
  );
}

const ROWS: Array<[number, number]> = [
  [8388608, 1767.65],
  [16777216, 1940.9],
  [67108864, 2630.2],
];

const read = (text: string) => {
  const parsed = hcclTest.parse(
    textFile("hccl.log", `mpirun -n 8 ./bin/all_reduce_test -b 8M -e 64M -f 2\n${text}`),
  );
  return {
    algbw: parsed.collective?.tests[0]?.rows.map((r) => Math.round(r.algbw * 1e4) / 1e4),
    findings: [...parsed.findings, ...checkPlausibility("hccl.log", parsed)].map((f) => [f.code, f.severity]),
  };
};

describe("HCCL Test bandwidth unit", () => {
  // Python: 8388608 / 1767.65 / 1e3 = 4.7456, 16777216 / 1940.9 / 1e3 = 8.6440, 67108864 / 2630.2 / 1e3 = 25.5147
  const gb = [4.7456, 8.644, 25.5147];

  it("leaves GB/s (the source's B_US_TO_GB_S = 1e6 / 1e9) as printed, without a finding", () => {
    expect(read(table(1e3, ROWS))).toEqual({ algbw: gb, findings: [] });
  });

  it("reads GiB/s (Huawei's documented example) as such and converts it, with an info finding", () => {
    expect(read(table(2 ** 30 / 1e6, ROWS))).toEqual({
      algbw: gb,
      findings: [["HCCL_BANDWIDTH_GIB", "info"]],
    });
  });

  it("still calls a bandwidth that is neither edited", () => {
    const edited = table(1e3, ROWS).replace("25.51474", "31.00000");
    expect(read(edited).findings).toEqual([["BUSBW_MISMATCH", "error"]]);
  });
});
