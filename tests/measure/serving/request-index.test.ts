import { describe, expect, it } from "vitest";
import { findDuplicateRequests } from "../../../src/measure/serving/request-index.ts";
import type { ServingRequests } from "../../../src/model/evidence.ts";

/** A log with these ids and nothing else: the duplicate check reads only ids. */
function log(ids: string[]): ServingRequests {
  return { rows: ids.length, requestId: ids, ok: new Uint8Array(ids.length).fill(1) };
}

/** The rows whose id appeared before, the slow and obvious way. */
function expected(ids: string[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  ids.forEach((id, i) => {
    if (seen.has(id)) repeated.push(i);
    seen.add(id);
  });
  return repeated;
}

describe("findDuplicateRequests", () => {
  const cases: Record<string, string[]> = {
    "numbered ids with repeats": ["req-3", "req-1", "req-2", "req-1", "req-10", "req-3", "req-3"],
    "bare numbers": ["0", "7", "12", "7", "0"],
    "a leading zero is another id": ["req-7", "req-007", "req-07", "req-7"],
    "another prefix is another id": ["a-1", "b-1", "a-1", "a1"],
    "ids without a number": ["x", "y", "x", "req-1"],
    "an empty id": ["", "req-1", "", "req-1"],
    "numbers far apart": ["n-1", "n-900000000000", "n-1", "n-900000000000"],
    "no ids at all": [],
    uuids: [
      "7609a2e7-aa53-4ab1-98f4-f35ecafefd25",
      "c35e4b1b-6775-4750-b875-94cd68e5ec15",
      "7609a2e7-aa53-4ab1-98f4-f35ecafefd25",
    ],
  };

  it.each(Object.entries(cases))("finds the repeated rows of %s", (_, ids) => {
    expect(findDuplicateRequests(log(ids))).toEqual(expected(ids));
  });

  it("agrees with a set on 100,000 numbered ids with 1 % repeats, in row order", () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 48271) % 2147483647;
      return seed;
    };
    const ids = Array.from({ length: 100_000 }, (_, i) => `req-${next() % 100 === 0 ? next() % (i + 1) : i}`);
    const found = findDuplicateRequests(log(ids));
    expect(found.length).toBeGreaterThan(500);
    expect(found).toEqual(expected(ids));
  });
});
