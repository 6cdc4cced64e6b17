import { describe, expect, it } from "vitest";
import { countSortedValues, ValueCounter } from "../../../src/formats/serving/value-counts.ts";
import { sortNumbers } from "../../../src/measure/stats/sort-numbers.ts";

describe("ValueCounter", () => {
  it("counts whole numbers and keeps the rest, as the sorted sample's value counts", () => {
    const values = [3, 1, 3, 2.5, -4, 1e9, 0, 3, Number.NaN, Number.POSITIVE_INFINITY, 2.5, 4194304, 7];
    const counter = new ValueCounter();
    for (const value of values) counter.add(value);
    const finite = Float64Array.from(values.filter(Number.isFinite));
    expect(counter.finish(sortNumbers)).toEqual(countSortedValues(sortNumbers(finite)));
    expect(countSortedValues(Float64Array.of(-4, 0, 1, 1))).toEqual({
      values: Float64Array.of(-4, 0, 1),
      counts: Float64Array.of(1, 1, 2),
      n: 4,
    });
  });
});
