import { describe, expect, it } from "vitest";
import { ncclTests } from "../../../src/formats/collective/nccl-tests.ts";
import { parseEvidence } from "../../../src/formats/parse-evidence.ts";
import { checkPlausibility } from "../../../src/judge/plausibility.ts";
import {
  agreesWithPrinted,
  footerMean,
  recomputeTest,
} from "../../../src/measure/collective/collective-bandwidth.ts";
import { hasCollectiveSamples, readCollectiveSample, textFile } from "./collective-test-helpers.ts";

const SAMPLES = [
  "nccl-tests_v2.17.8_H100x8_1node.log",
  "nccl-tests_v2.17.6_2nodes_x8gpu_alltoall_sendrecv.log",
  "rccl-tests_MI300X_1node_x8gpu.txt",
];

describe.skipIf(!hasCollectiveSamples)("nccl-tests / rccl-tests samples", () => {
  it("reads every test of every log: collective, ranks, hosts, devices, rows and the footer", () => {
    if (!hasCollectiveSamples) return;
    const summary = SAMPLES.map((name) => {
      const parsed = parseEvidence(readCollectiveSample(name));
      return {
        name,
        format: parsed.format,
        tool: parsed.collective?.tool,
        tests: parsed.collective?.tests.map((t) => [
          t.collective,
          t.collectiveSource,
          t.ranks,
          t.hosts,
          t.devices,
          t.rows.length,
          t.footerBusbw?.value,
        ]),
      };
    });
    const h100 = ["NVIDIA H100 80GB HBM3"];
    expect(summary).toEqual([
      {
        name: SAMPLES[0],
        format: "nccl-tests",
        tool: "nccl-tests",
        tests: [
          ["all_reduce", "header", 8, 1, h100, 20, 437.957],
          ["all_gather", "header", 8, 1, h100, 20, 328.618],
          ["reduce_scatter", "header", 8, 1, h100, 20, 330.721],
          ["alltoall", "header", 8, 1, h100, 20, 313.838],
          ["sendrecv", "header", 8, 1, h100, 20, 279.874],
        ],
      },
      {
        name: SAMPLES[1],
        format: "nccl-tests",
        tool: "nccl-tests",
        tests: [
          ["alltoall", "header", 16, 2, h100, 20, 23.4963],
          ["sendrecv", "header", 16, 2, h100, 20, 15.1193],
        ],
      },
      // rccl-tests prints no '# Collective test starting': busbw/algbw = 2(n−1)/n with a sum says all_reduce.
      {
        name: SAMPLES[2],
        format: "nccl-tests",
        tool: "rccl-tests",
        tests: [["all_reduce", "inferred", 8, 1, ["AMD Instinct MI300X"], 62, 110.464]],
      },
    ]);
  });

  it("recomputes every printed algbw and busbw cell from size, time and rank count to within rounding", () => {
    if (!hasCollectiveSamples) return;
    const disagreements = SAMPLES.flatMap((name) =>
      (parseEvidence(readCollectiveSample(name)).collective?.tests ?? []).flatMap((test) =>
        (recomputeTest(test) ?? []).filter(
          (c) => !agreesWithPrinted(c.row.busbw, c.busbw) || !agreesWithPrinted(c.row.algbw, c.algbw),
        ),
      ),
    );
    const cells = SAMPLES.reduce((n, name) => n + (parseEvidence(readCollectiveSample(name)).rows ?? 0), 0);
    expect([cells, disagreements.length]).toEqual([202, 0]);
  });

  it("reproduces each footer '# Avg bus bandwidth' as the mean of the printed busbw cells", () => {
    if (!hasCollectiveSamples) return;
    const footers = SAMPLES.flatMap((name) =>
      (parseEvidence(readCollectiveSample(name)).collective?.tests ?? []).map((t) => [
        t.footerBusbw?.value,
        Number(footerMean(t).toPrecision(6)),
      ]),
    );
    expect(footers.every(([printed, mean]) => Math.abs((printed as number) - (mean as number)) < 1e-3)).toBe(
      true,
    );
    expect(footers).toHaveLength(8);
  });

  it("raises no finding on the real logs", () => {
    if (!hasCollectiveSamples) return;
    expect(
      SAMPLES.flatMap((name) => checkPlausibility(name, parseEvidence(readCollectiveSample(name)))),
    ).toEqual([]);
  });
});

const HEADER = `# nThread 1 nGpus 1 minBytes 1073741824 maxBytes 2147483648 step: 2(factor) warmup iters: 5 iters: 20 agg iters: 1 validation: 1 graph: 0
#
# Using devices
${Array.from({ length: 4 }, (_, r) => `#  Rank  ${r} Group  0 Pid ${100 + r} on node1 device  ${r} [0000:1b:00] NVIDIA H800 80GB HBM3`).join("\n")}
#
#       size         count      type   redop    root     time   algbw   busbw #wrong     time   algbw   busbw #wrong
#        (B)    (elements)                               (us)  (GB/s)  (GB/s)            (us)  (GB/s)  (GB/s)
`;

describe("nccl-tests arithmetic checks", () => {
  const check = (rows: string, footer = "") => {
    const file = textFile("ar.log", `# Collective test starting: all_reduce_perf\n${HEADER}${rows}${footer}`);
    return checkPlausibility(file.path, ncclTests.parse(file)).map((f) => [
      f.code,
      f.location?.line,
      f.location?.column,
    ]);
  };

  it("accepts a consistent table (4 ranks: busbw = algbw × 1.5)", () => {
    expect(
      check(
        "  1073741824     268435456     float     sum      -1   8000.00  134.22  201.33       0   8000.00  134.22  201.33       0\n",
        "# Out of bounds values : 0 OK\n# Avg bus bandwidth    : 201.33\n",
      ),
    ).toEqual([]);
  });

  it("flags an edited busbw, a doubled busbw, an edited footer and a bigger message that took less time", () => {
    expect(
      check(
        [
          "  1073741824     268435456     float     sum      -1   8000.00  134.22  251.00       0   8000.00  134.22  402.66       0",
          "  2147483648     536870912     float     sum      -1   3500.00  613.57  920.35       0   3500.00  613.57  920.35       0",
          "",
        ].join("\n"),
        "# Avg bus bandwidth    : 301.00\n",
      ),
    ).toEqual([
      ["BUSBW_DOUBLED", 12, "in-place busbw"],
      ["BUSBW_MISMATCH", 12, "out-of-place busbw"],
      ["FOOTER_MISMATCH", 14, undefined],
      ["COLLECTIVE_TIME_NOT_INCREASING", 13, "out-of-place time"],
    ]);
  });

  it("reads the pre-2022 layout (no root column, a float error column) and Open MPI output tags", () => {
    const old = HEADER.replace("redop    root", "redop")
      .replace(/#wrong/g, " error")
      .replace(/Group {2}0 /g, "");
    const text =
      `${old}  1073741824     268435456     float     sum   8000.00  134.22  201.33  2e-07   8000.00  134.22  201.33  0e+00\n`
        .split("\n")
        .map((line) => (line === "" ? line : `[1,0]<stdout>:${line}`))
        .join("\n");
    const parsed = ncclTests.parse(textFile("old.log", text));
    const test = parsed.collective?.tests[0];
    expect([
      test?.collective,
      test?.collectiveSource,
      test?.ranks,
      test?.rows.map((r) => [r.placement, r.busbw, r.check]),
    ]).toEqual([
      "all_reduce",
      "inferred",
      4,
      [
        ["out-of-place", 201.33, "2e-07"],
        ["in-place", 201.33, "0e+00"],
      ],
    ]);
  });
});
