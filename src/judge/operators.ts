import type { Operator } from "../model/topic.ts";

export interface OperatorSpec {
  symbol: string;
  /** Whether `actual` meets the target `expected`. */
  passes(actual: number, expected: number): boolean;
  /**
   * Which side of the confidence interval must also meet the target: the upper bound for an
   * upper limit, the lower bound for a lower limit.
   */
  boundSide: "high" | "low" | "both";
}

/** Target comparison as a data table (a target written "≤ 20 %" passes at exactly 20 %). */
export const OPERATORS: Record<Operator, OperatorSpec> = {
  "<=": { symbol: "≤", passes: (a, e) => a <= e, boundSide: "high" },
  "<": { symbol: "<", passes: (a, e) => a < e, boundSide: "high" },
  ">=": { symbol: "≥", passes: (a, e) => a >= e, boundSide: "low" },
  ">": { symbol: ">", passes: (a, e) => a > e, boundSide: "low" },
  "==": { symbol: "=", passes: (a, e) => a === e, boundSide: "both" },
};
