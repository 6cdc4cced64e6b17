import type { VllmTraceOptions } from "./synthetic-vllm.mjs";
export function genaiPerfExportOfVllm(options: VllmTraceOptions): Generator<string>;
export function aiperfJsonlOfVllm(options: VllmTraceOptions): Generator<string>;
export function llmperfResponsesOfVllm(options: VllmTraceOptions): Generator<string>;
