import { describe, expect, it } from "vitest";
import { parseServingCsvChunks } from "../../../src/formats/serving/serving-csv-bytes.ts";
import {
  findDuplicateRequests,
  packRequestIds,
  requestIdAt,
} from "../../../src/measure/serving/request-index.ts";

const HEADER = "request_id,ttft_ms,e2e_ms,input_tokens,output_tokens";

function read(ids: string[]) {
  const text = `${HEADER}\n${ids.map((id) => `${id},10,30,5,3`).join("\n")}\n`;
  const parsed = parseServingCsvChunks("r.csv", [new TextEncoder().encode(text)], text.length);
  const requests = parsed?.requests;
  if (requests === undefined) throw new Error("not read");
  return requests;
}

describe("request ids kept as numbers", () => {
  it("keeps prefix-and-number ids as 4-byte numbers and reads them back as text", () => {
    const ids = ["req-0", "req-7", "req-4294967295", "req-7"];
    const requests = read(ids);
    expect({
      numbers: [...(requests.requestIdNumbers?.numbers ?? [])],
      bytes: requests.requestIdBytes,
      text: ids.map((_, i) => requestIdAt(requests, i)),
      duplicates: findDuplicateRequests(requests),
      packed: new TextDecoder().decode(packRequestIds(requests)?.bytes),
    }).toEqual({
      numbers: [0, 7, 4294967295, 7],
      bytes: undefined,
      text: ids,
      duplicates: [3],
      packed: ids.join(""),
    });
  });

  it.each([
    ["another prefix", ["req-1", "req-2", "job-3", "req-2"]],
    ["a leading zero", ["req-1", "req-01", "req-1"]],
    ["a number past 2^32", ["req-1", "req-4294967296", "req-1"]],
    ["an id without a number", ["req-1", "req-x", "req-x"]],
    ["an empty id", ["req-1", "", "req-1"]],
  ])("switches to bytes at %s and keeps every id", (_, ids) => {
    const requests = read(ids);
    expect({
      numbers: requests.requestIdNumbers,
      text: ids.map((_, i) => requestIdAt(requests, i)),
      duplicates: findDuplicateRequests(requests),
    }).toEqual({
      numbers: undefined,
      text: ids,
      duplicates: ids.flatMap((id, i) => (ids.indexOf(id) < i ? [i] : [])),
    });
  });
});
