import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitCollectiveLines } from "../../../src/formats/collective/collective-lines.ts";
import { ncclTests } from "../../../src/formats/collective/nccl-tests.ts";
import { checkPlausibility } from "../../../src/judge/plausibility.ts";
import type { CollectiveTest } from "../../../src/model/collective.ts";
import { textFile } from "./collective-test-helpers.ts";

// A genuine `mpirun --tag-output` capture (tests/corpus/collective/SOURCES.md): rank 0 prints the
// table, rank 1 its NCCL INFO lines.
const GENUINE = readFileSync(
  new URL(
    "../../corpus/collective/nccl-tests_EKS-EFA_T4_2nodes_tag-output_README_L468-561.txt",
    import.meta.url,
  ),
  "utf8",
);

/** Each rank's own stdout, recovered from the whole-line tags of the genuine capture. */
function rankStreams(text: string): string[] {
  const streams = ["", ""];
  for (const line of text.split("\n")) {
    const tag = /^\[1,(\d)\]<stdout>:/.exec(line);
    if (tag !== null) streams[Number(tag[1])] += `${line.slice(tag[0].length)}\n`;
  }
  return streams;
}

/**
 * What Open MPI's IOF writes when the ranks' pipes deliver `chunk`-byte reads in turn
 * (orte/mca/iof/base/iof_base_output.c, `orte_iof_base_write_output`): the tag at the start of every
 * read and after every newline that is not the read's last byte, and no newline added when a read
 * ends mid-line, so the next read (of either rank) continues the physical line.
 */
function reTag(streams: string[], chunks: number[], tag: (rank: number) => string): string {
  const at = streams.map(() => 0);
  let out = "";
  while (at.some((p, r) => p < (streams[r] as string).length))
    streams.forEach((stream, r) => {
      const data = stream.slice(at[r], (at[r] as number) + (chunks[r] as number));
      if (data === "") return;
      at[r] = (at[r] as number) + data.length;
      out += tag(r) + data.slice(0, -1).replaceAll("\n", `\n${tag(r)}`) + data.slice(-1);
    });
  return out;
}

const summary = (text: string) => {
  const parsed = ncclTests.parse(textFile("tagged.log", text));
  const test = parsed.collective?.tests[0] as CollectiveTest;
  return {
    ranks: test.ranks,
    hosts: test.hosts,
    rows: test.rows.map((r) => [r.sizeBytes, r.placement, r.timeUs, r.busbw, r.check]),
    footer: test.footerBusbw?.value,
    findings: [...parsed.findings, ...checkPlausibility("tagged.log", parsed)].map((f) => f.code),
  };
};

describe("Open MPI --tag-output captures", () => {
  const streams = rankStreams(GENUINE);
  const expected = summary(GENUINE);

  it("reads the genuine capture: 2 ranks on 2 hosts, 31 sizes, no finding", () => {
    expect([
      expected.ranks,
      expected.hosts,
      expected.rows.length,
      expected.footer,
      expected.findings,
    ]).toEqual([2, 2, 62, 1.15327, []]);
  });

  it("reads the same run when reads end mid-row and the other rank's output lands inside a row", () => {
    const split = reTag(streams, [37, 53], (r) => `[1,${r}]<stdout>:`);
    // The splits really happened: a row's #wrong runs into the next read's tag (`0[1,0]<stdout>:`),
    // and rank 1's NCCL INFO lands inside rank 0's header lines.
    expect([/ 0\[1,0\]<stdout>:/.test(split), /[a-z]\[1,1\]<stdout>:/.test(split)]).toEqual([true, true]);
    expect(summary(split)).toEqual(expected);
  });

  it("reads Open MPI 5 (PMIx) tags, which end in a space, and --timestamp-output stamps", () => {
    const pmix = reTag(streams, [41, 29], (r) => `[1,${r}]<stdout>: `);
    const stamped = reTag(streams, [64, 64], (r) => `Thu Jun 18 14:28:41 2020[1,${r}]<stdout>:`);
    expect([summary(pmix), summary(stamped)]).toEqual([expected, expected]);
  });

  it("locates a logical line at its first physical line, in order of completion, and drops launcher text before a tag", () => {
    const lines = splitCollectiveLines(
      "(head, rank=0, pid=3808) [1,0]<stdout>:#  Rank  0\n[1,0]<stdout>:  1024   256[1,1]<stdout>:INFO\n[1,0]<stdout>: float\n",
    );
    expect(lines).toEqual([
      { text: "#  Rank  0", line: 1 },
      { text: "INFO", line: 2 },
      { text: "  1024   256 float", line: 2 },
      { text: "", line: 4 },
    ]);
  });
});
