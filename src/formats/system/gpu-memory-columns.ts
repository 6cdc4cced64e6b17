import type { GpuMemorySamples } from "../../model/evidence.ts";

/**
 * Fills the columns of a GPU memory timeline row by row without an object per row, so a day of
 * 1-second samples of 8 GPUs (~700 000 rows) costs 36 bytes a row.
 */
export class GpuMemoryBuilder {
  #rows = 0;
  #timeS: Float64Array;
  #gpu: Int32Array;
  #usedMiB: Float64Array;
  #totalMiB: Float64Array;
  #utilizationPct: Float64Array;
  #lines: Int32Array;

  /** `capacity` is a guess of the row count (e.g. the file's newlines); the columns grow past it. */
  constructor(capacity = 64) {
    const size = Math.max(1, capacity);
    this.#timeS = new Float64Array(size);
    this.#gpu = new Int32Array(size);
    this.#usedMiB = new Float64Array(size);
    this.#totalMiB = new Float64Array(size);
    this.#utilizationPct = new Float64Array(size);
    this.#lines = new Int32Array(size);
  }

  /** Appends one sample; NaN marks a value that is missing. */
  add(
    timeS: number,
    gpu: number,
    usedMiB: number,
    totalMiB: number,
    utilizationPct: number,
    line: number,
  ): void {
    if (this.#rows === this.#lines.length) this.#grow();
    const i = this.#rows++;
    this.#timeS[i] = timeS;
    this.#gpu[i] = gpu;
    this.#usedMiB[i] = usedMiB;
    this.#totalMiB[i] = totalMiB;
    this.#utilizationPct[i] = utilizationPct;
    this.#lines[i] = line;
  }

  build(): GpuMemorySamples {
    const n = this.#rows;
    return {
      rows: n,
      timeS: this.#timeS.slice(0, n),
      gpu: this.#gpu.slice(0, n),
      usedMiB: this.#usedMiB.slice(0, n),
      totalMiB: this.#totalMiB.slice(0, n),
      utilizationPct: this.#utilizationPct.slice(0, n),
      lines: this.#lines.slice(0, n),
    };
  }

  #grow(): void {
    const size = this.#lines.length * 2;
    this.#timeS = grown(this.#timeS, new Float64Array(size));
    this.#gpu = grown(this.#gpu, new Int32Array(size));
    this.#usedMiB = grown(this.#usedMiB, new Float64Array(size));
    this.#totalMiB = grown(this.#totalMiB, new Float64Array(size));
    this.#utilizationPct = grown(this.#utilizationPct, new Float64Array(size));
    this.#lines = grown(this.#lines, new Int32Array(size));
  }
}

/** Rows ≈ newlines; counting them first avoids regrowing the columns of a big file. */
export function estimateRows(text: string): number {
  let count = 0;
  for (let k = text.indexOf("\n"); k >= 0; k = text.indexOf("\n", k + 1)) count++;
  return count + 1;
}

// --- internal ---

function grown<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
