import { describe, expect, it } from "vitest";
import { collectiveCsv } from "../../../src/formats/collective/collective-csv.ts";
import { hcclTest } from "../../../src/formats/collective/hccl-test.ts";
import { ncclTestsJson } from "../../../src/formats/collective/nccl-tests-json.ts";
import { parseEvidence } from "../../../src/formats/parse-evidence.ts";
import { trainingCsv } from "../../../src/formats/training/training-csv.ts";
import { checkPlausibility } from "../../../src/judge/plausibility.ts";
import { textFile } from "./collective-test-helpers.ts";

// The -J layout of nccl-tests' src/util.cu: config with devices, results with both placements, footer.
const JSON_REPORT = {
  version: 1,
  start_time: "2026-01-28 14:50:17",
  args: ["./build/all_reduce_perf", "-b", "1G", "-e", "2G", "-J", "out.json"],
  env: [],
  nccl_version: 22902,
  config: {
    nthreads: 1,
    ngpus: 1,
    minimum_bytes: 1073741824,
    maximum_bytes: 2147483648,
    step_factor: 2,
    devices: [0, 1, 2, 3].map((rank) => ({
      rank,
      group: 0,
      pid: 100 + rank,
      hostname: "node1",
      device: rank,
      device_hex: "0000:1b:00",
      device_info: "NVIDIA H800 80GB HBM3",
    })),
  },
  results: [
    {
      size: 1073741824,
      count: 268435456,
      type: "float",
      redop: "sum",
      root: "    -1",
      out_of_place: { time: 8000.0, alg_bw: 134.217728, bus_bw: 201.326592, nwrong: 0.0 },
      in_place: { time: 8000.0, alg_bw: 134.217728, bus_bw: 201.326592, nwrong: 0.0 },
      actual_iterations: 20,
      experiment_name: "",
    },
  ],
  out_of_bounds: { count: 0, okay: "true" },
  average_bus_bandwidth: { bandwidth: 201.326592, okay: "unchecked" },
  errors: [],
  end_time: "2026-01-28 14:50:20",
};

describe("nccl-tests JSON (-J)", () => {
  it("is detected and read: collective from the program, ranks from the devices, footer from average_bus_bandwidth", () => {
    const parsed = parseEvidence(textFile("out.json", JSON.stringify(JSON_REPORT, null, 1)));
    const test = parsed.collective?.tests[0];
    expect([
      parsed.format,
      test?.collective,
      test?.ranks,
      test?.hosts,
      test?.devices,
      test?.rows.length,
      test?.footerBusbw?.value,
    ]).toEqual(["nccl-tests-json", "all_reduce", 4, 1, ["NVIDIA H800 80GB HBM3"], 2, 201.326592]);
    expect(checkPlausibility("out.json", parsed)).toEqual([]);
  });

  it("flags an edited bus_bw at its line", () => {
    const edited = structuredClone(JSON_REPORT);
    (edited.results[0] as { out_of_place: { bus_bw: number } }).out_of_place.bus_bw = 250;
    const file = textFile("out.json", JSON.stringify(edited, null, 1));
    const codes = checkPlausibility(file.path, ncclTestsJson.parse(file)).map((f) => [
      f.code,
      f.location?.column,
    ]);
    expect(codes).toEqual([
      ["BUSBW_MISMATCH", "out-of-place busbw"],
      ["FOOTER_MISMATCH", undefined],
    ]);
  });
});

describe("HCCL Test", () => {
  const LOG = [
    "the minbytes is 1073741824, maxbytes is 2147483648, iters is 20, warmup_iters is 5",
    "data_size(Bytes): | aveg_time(us): | alg_bandwidth(GB/s): | check_result:",
    "1073741824        | 11000.00       | 97.61339             | success",
    "2147483648        | 21500.00       | 99.88296             | success",
    "",
  ].join("\n");

  it("reads the rows; algbw is checked without the ranks, busbw waits for the declared ranks", () => {
    const parsed = parseEvidence(textFile("hccl.log", LOG));
    const test = parsed.collective?.tests[0];
    expect([
      parsed.format,
      test?.collective,
      test?.ranks,
      test?.rows.map((r) => [r.sizeBytes, r.timeUs, r.algbw, r.check]),
    ]).toEqual([
      "hccl-test",
      undefined,
      undefined,
      [
        [1073741824, 11000, 97.61339, "0"],
        [2147483648, 21500, 99.88296, "0"],
      ],
    ]);
    expect(checkPlausibility("hccl.log", parsed).map((f) => f.code)).toEqual(["COLLECTIVE_UNKNOWN"]);
  });

  it("takes ranks and collective from the launch line when the log keeps it, and reports a failed check", () => {
    const withLaunch = `mpirun -n 8 ./bin/all_reduce_test -b 1G -e 2G -f 2 -d fp32 -o sum -p 8\n${LOG.replace("99.88296             | success", "99.88296             | failed")}`;
    const parsed = hcclTest.parse(textFile("hccl.log", withLaunch));
    expect([
      parsed.collective?.tests[0]?.collective,
      parsed.collective?.tests[0]?.ranks,
      parsed.findings.map((f) => [f.code, f.location?.line]),
    ]).toEqual(["all_reduce", 8, [["COLLECTIVE_DATA_ERRORS", 5]]]);
  });
});

describe("canonical collective-bandwidth and training-throughput CSVs", () => {
  it("groups collective rows into tests and checks printed busbw when given", () => {
    const csv =
      "collective,ranks,size_bytes,time_us,busbw_gbps\nall_gather,8,1073741824,4000,300\nall_gather,8,2147483648,7800,\nbogus,8,1,1,\n";
    const parsed = collectiveCsv.parse(textFile("bw.csv", csv));
    expect(
      parsed.collective?.tests.map((t) => [t.collective, t.collectiveSource, t.ranks, t.rows.length]),
    ).toEqual([["all_gather", "declared", 8, 2]]);
    expect(
      [...parsed.findings, ...checkPlausibility("bw.csv", parsed)].map((f) => [f.code, f.location?.line]),
    ).toEqual([
      ["COLLECTIVE_UNKNOWN", 4],
      ["BUSBW_MISMATCH", 2],
    ]);
  });

  it("reads training steps with their facts", () => {
    const csv =
      "step,time_ms,global_batch,seq_length,gpus,accelerator,loss\n1,2000,512,4096,16,nvidia-h100-sxm,9.1\n2,1000,512,4096,16,nvidia-h100-sxm,8.7\n";
    const t = trainingCsv.parse(textFile("run.csv", csv)).training;
    expect([
      t?.gpus,
      t?.seqLength,
      t?.accelerator,
      t?.steps.map((s) => [s.iteration, s.elapsedMs, s.globalBatch, s.loss]),
    ]).toEqual([
      16,
      4096,
      "nvidia-h100-sxm",
      [
        [1, 2000, 512, 9.1],
        [2, 1000, 512, 8.7],
      ],
    ]);
  });
});
