export function random(seed: number): () => number;
export function normal(rand: () => number): number;
export interface ServingTraceOptions {
  seed: number;
  workloadSeed?: number;
  rows: number;
  qps?: number;
  ttftScale?: number;
  tpotScale?: number;
  errorRate?: number;
}
export function servingTrace(options: ServingTraceOptions): string;
export function servingTraceLines(options: ServingTraceOptions): Generator<string>;
export function memoryTimeline(options: {
  gpus?: number;
  totalMiB?: number;
  idleMiB: number;
  peakMiB: number;
  seconds?: number;
  firstRequestAt?: number;
}): string;
