import type { DetectInput } from "../format.ts";

/**
 * The detector of a canonical CSV kind: confident when the header line names every given column
 * (any of the usual delimiters, any case), certain of nothing otherwise.
 */
export function detectColumns(...columns: string[]): (input: DetectInput) => number {
  return ({ head }) => {
    const header = (head.split("\n", 1)[0] ?? "")
      .toLowerCase()
      .split(/[,;\t|]/)
      .map((c) => c.trim().replace(/^"|"$/g, ""));
    return columns.every((c) => header.includes(c)) ? 0.9 : 0;
  };
}
