import { type CollectiveRow, type CollectiveTest, toCollective } from "../../model/collective.ts";
import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile, ParsedEvidence } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import type { FormatAdapter } from "../format.ts";
import { decodeText } from "../text/text.ts";
import { readHcclBandwidthUnit } from "./collective-hccl-unit.ts";
import { splitCollectiveLines } from "./collective-lines.ts";

/**
 * Huawei HCCL Test (CANN `tools/hccl_test`, `all_reduce_test` …), printed on the root rank only:
 * `data_size(Bytes): | avg_time(us): | alg_bandwidth(GB/s): | check_result:` (older CANN spells
 * `aveg_time`). It prints no bus bandwidth and no rank list: busbw is computed with the nccl-tests
 * factors from the rank count and collective declared with the claim (`ranks`, `collective`) or
 * found in the launch line (`mpirun -n 16 ./bin/all_reduce_test …`) when the log keeps it. Some CANN
 * releases divide by 2^30 although the header says GB/s (Huawei's own example in
 * hicann/oam-tools `docs/zh/hccl_test/execution.md`: 8192 B in 764.55 us printed as 0.00998): such a
 * file is read in GiB/s and converted (`collective-hccl-unit.ts`).
 */
export const hcclTest: FormatAdapter = {
  id: "hccl-test",
  title: "HCCL Test output (Ascend)",
  kind: "collective-bandwidth",
  detect: ({ head }) => (/data_size\(Bytes\):\s*\|\s*a(?:ve|v)g?_time\(us\):/i.test(head) ? 0.95 : 0),
  parse: parseHcclTest,
};

// --- internal ---

const ROW = /^\s*(\d+)\s*\|\s*([-+0-9.eE]+)\s*\|\s*([-+0-9.eE]+)\s*\|\s*(\S+)/;

function parseHcclTest(file: EvidenceFile): ParsedEvidence {
  const lines = splitCollectiveLines(decodeText(file.path, file.bytes));
  const findings: Finding[] = [];
  const rows: CollectiveRow[] = [];
  let ranks: number | undefined;
  let hosts = 0;
  let collective: CollectiveTest["collective"];
  let first = 1;
  lines.forEach(({ text, line }) => {
    const launch = /(?:mpirun|mpiexec)\b.*?\s-(?:n|np)\s+(\d+).*?\b(\w+)_test\b/.exec(text);
    if (launch !== null) {
      ranks = Number(launch[1]);
      collective = toCollective(launch[2] as string);
      // `-p` is the NPUs per node (CANN docs: defaults to all of the host's), so n / p nodes took part.
      const perNode = /_test\b.*?\s-p\s+(\d+)/.exec(text);
      if (perNode !== null && Number(perNode[1]) > 0) hosts = Math.ceil(ranks / Number(perNode[1]));
    }
    if (/data_size\(Bytes\)/i.test(text)) first = line;
    const match = ROW.exec(text);
    if (match === null) return;
    const check = match[4] as string;
    rows.push({
      sizeBytes: Number(match[1]),
      count: Number.NaN,
      type: "",
      redop: "",
      placement: "out-of-place",
      timeUs: Number(match[2]),
      algbw: Number(match[3]),
      busbw: Number.NaN,
      check: check === "success" ? "0" : check === "NULL" ? "N/A" : "1",
      line,
    });
    if (check === "failed")
      findings.push(
        createFinding(
          "COLLECTIVE_DATA_ERRORS",
          "error",
          "check_result is failed: the collective produced wrong data.",
          {
            path: file.path,
            line,
            column: "check_result",
          },
          { variant: "hccl_test_1" },
        ),
      );
  });
  if (rows.length === 0)
    findings.push(
      createFinding(
        "COLLECTIVE_NO_DATA",
        "error",
        "No HCCL Test result rows (data_size | time | alg_bandwidth | check) were found.",
        {
          path: file.path,
          line: 1,
        },
        { variant: "hccl_test_1" },
      ),
    );
  findings.push(...readHcclBandwidthUnit(rows, file.path));
  const test: CollectiveTest = {
    collective,
    collectiveSource: collective === undefined ? "unknown" : "header",
    ranks,
    devices: [],
    hosts,
    rows,
    line: first,
  };
  return {
    format: hcclTest.id,
    kind: "collective-bandwidth",
    rows: rows.length,
    collective: { tool: "hccl-test", path: file.path, tests: rows.length === 0 ? [] : [test] },
    context: { tool: "hccl-test" },
    findings,
  };
}
