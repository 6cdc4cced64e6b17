export interface VllmTraceOptions {
  seed: number;
  workloadSeed?: number;
  rows: number;
  qps?: number;
  scale?: number;
  errorRate?: number;
}
export interface VllmRequest {
  start: number;
  input: number;
  output: number;
  ttft: number;
  itl: number[];
  latency: number;
  error: string;
}
export function vllmRequests(options: VllmTraceOptions): Generator<VllmRequest>;
export function vllmDetailedJson(options: VllmTraceOptions): Generator<string>;
export function servingCsvOfVllm(options: VllmTraceOptions): Generator<string>;
