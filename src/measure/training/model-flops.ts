import type { Sentence } from "../sentence.ts";

/**
 * Model FLOPs per training iteration as Megatron-LM counts them (`num_floating_point_operations` in
 * megatron/training/training.py): forward + backward GEMMs, 2 FLOPs per multiply-add, logits included,
 * activation recomputation not counted (so the rate is MFU's numerator, not HFU's):
 *
 *   12 · B · s · L · h² · [ (1 + g/a + s/h·c) · (q/h)  +  (f/h) · k · m  +  V / (2 · L · h) ]
 *
 * with B the global batch, s the sequence length, L layers, h hidden size, a attention heads, g query
 * groups (GQA), q = kv_channels · a, f the FFN size (the MoE expert FFN when experts are used), k the
 * experts a token is routed to, m = 3/2 for SwiGLU, V the padded vocabulary, and c the causal-mask
 * factor: 1 before Megatron-LM commit 8873b55d6a (2025-03-06), ½ after it.
 */
export type FlopsConvention = "megatron-pre-2025-03" | "megatron-2025-03";

export const FLOPS_FORMULA: Record<FlopsConvention, string> = {
  "megatron-pre-2025-03":
    "Megatron-LM model FLOPs before 2025-03-06: 12·B·s·L·h²·[(1 + g/a + s/h)·q/h + f/h·k·m + V/(2Lh)]",
  "megatron-2025-03":
    "Megatron-LM model FLOPs since 2025-03-06 (causal attention halved): 12·B·s·L·h²·[(1 + g/a + s/(2h))·q/h + f/h·k·m + V/(2Lh)]",
};

export interface ModelShape {
  layers: number;
  hidden: number;
  ffn: number;
  heads: number;
  groups: number;
  kvChannels: number;
  seqLength: number;
  vocab: number;
  swiglu: boolean;
  routedExperts: number;
}

/** The model shape from a Megatron argument dump; a sentence names what is missing. */
export function readModelShape(args: Record<string, string>, vocabOverride?: number): ModelShape | Sentence {
  const num = (key: string) => {
    const value = Number(args[key]);
    return Number.isFinite(value) && value > 0 ? value : undefined;
  };
  const layers = num("num_layers");
  const hidden = num("hidden_size");
  const heads = num("num_attention_heads");
  const seqLength = num("seq_length");
  // The padded size the log printed is what Megatron's formula used, so it wins over a declared
  // tokenizer size (Llama-3's 128256 becomes 128512 with --make-vocab-size-divisible-by 128 and TP 4).
  const vocab = num("padded_vocab_size") ?? vocabOverride ?? num("vocab_size");
  const missing = Object.entries({
    num_layers: layers,
    hidden_size: hidden,
    num_attention_heads: heads,
    seq_length: seqLength,
    vocab_size: vocab,
  })
    .filter(([, v]) => v === undefined)
    .map(([k]) => k);
  if (missing.length > 0) {
    const vocabHint = missing.includes("vocab_size");
    return {
      key: "shape.lacks",
      params: { missing: missing.join(", "), vocab: vocabHint ? "yes" : "no" },
      text: `the model shape lacks ${missing.join(", ")}${vocabHint ? " (the log has neither the '> padded vocab (size: …) with … dummy tokens (new size: …)' line nor a vocab_size argument: submit the whole log, or declare vocab_size with the claim)" : ""}`,
    };
  }
  if (args.multi_latent_attention === "True")
    return { key: "shape.mla", text: "multi-latent attention models are not covered by the formula" };
  const experts = num("num_experts");
  return {
    layers: layers as number,
    hidden: hidden as number,
    ffn:
      (experts === undefined
        ? num("ffn_hidden_size")
        : (num("moe_ffn_hidden_size") ?? num("ffn_hidden_size"))) ?? 4 * (hidden as number),
    heads: heads as number,
    groups:
      args.group_query_attention === "True"
        ? (num("num_query_groups") ?? (heads as number))
        : (heads as number),
    kvChannels: num("kv_channels") ?? (hidden as number) / (heads as number),
    seqLength: seqLength as number,
    vocab: vocab as number,
    swiglu: args.swiglu === "True",
    routedExperts: experts === undefined ? 1 : (num("moe_router_topk") ?? 1),
  };
}

/** FLOPs of one iteration of `batch` sequences. */
export function modelFlops(shape: ModelShape, batch: number, convention: FlopsConvention): number {
  const { layers: L, hidden: h, ffn: f, heads: a, groups: g, kvChannels, seqLength: s, vocab: V } = shape;
  const causal = convention === "megatron-2025-03" ? 0.5 : 1;
  const q = kvChannels * a;
  const attention = (1 + g / a + (s / h) * causal) * (q / h);
  const mlp = (f / h) * shape.routedExperts * (shape.swiglu ? 1.5 : 1);
  const logits = V / (2 * L * h);
  return 12 * batch * s * L * h * h * (attention + mlp + logits);
}
