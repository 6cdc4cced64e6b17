export function random(seed: number): () => number;
export function normal(rand: () => number): number;
export function servingTrace(options: {
  seed: number;
  workloadSeed?: number;
  rows: number;
  qps?: number;
  ttftScale?: number;
  tpotScale?: number;
  errorRate?: number;
}): string;
export function memoryTimeline(options: {
  gpus?: number;
  totalMiB?: number;
  idleMiB: number;
  peakMiB: number;
  seconds?: number;
  firstRequestAt?: number;
}): string;
