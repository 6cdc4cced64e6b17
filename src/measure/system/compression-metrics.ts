import type { DeclaredModel } from "../../model/evidence.ts";
import type { MetricDefinition } from "../metric.ts";

/**
 * `models.compression_ratio` (5.3, 压缩率): the original model's size over the compressed one's, from
 * the models files of the `baseline` (original) and `candidate` (compressed) roles: `bytes` when
 * given, else parameters × bits per weight / 8, summed over each file's models. Declared sizes, an
 * exact ratio with no sampling bound.
 */
export const compressionRatio: MetricDefinition = {
  id: "models.compression_ratio",
  unit: "×",
  better: "higher",
  evaluate(input) {
    const role = input.baselineRole ?? "baseline";
    const compressed = sizeOf(input.evidence[input.candidateRole ?? "candidate"]?.models);
    const original = sizeOf(input.evidence[role]?.models);
    if (compressed === undefined || original === undefined)
      return {
        unavailable: "missing",
        reason: `Compression needs two models files: the compressed model under role candidate and the original under role ${role}, each with bytes or parameters_b and bits_per_weight (\`claimcheck template models\`).`,
        reasonRef: { key: "missing.compression_models", params: { role } },
      };
    if (!(compressed.bytes > 0) || !(original.bytes > 0))
      return {
        unavailable: "invalid",
        reason: "A models file gives a size of 0; give bytes, or parameters_b and bits_per_weight.",
        reasonRef: { key: "invalid.compression_zero_size" },
      };
    const value = original.bytes / compressed.bytes;
    return {
      value,
      low: value,
      high: value,
      n: compressed.n + original.n,
      method: `${role} ${gib(original.bytes)} GiB (${original.how}) / candidate ${gib(compressed.bytes)} GiB (${compressed.how}); declared sizes, no sampling bound`,
      methodRef: {
        key: "method.compression_ratio",
        params: {
          role: { key: `role.${role}`, text: role },
          b: gib(original.bytes),
          b_how: { key: `model_size.${original.source}`, text: original.how },
          c: gib(compressed.bytes),
          c_how: { key: `model_size.${compressed.source}`, text: compressed.how },
        },
      },
      candidate: compressed.bytes,
      baseline: original.bytes,
    };
  },
};

// --- internal ---

type SizeSource = "declared" | "computed" | "mixed";

function sizeOf(
  models: DeclaredModel[] | undefined,
): { bytes: number; n: number; how: string; source: SizeSource } | undefined {
  if (models === undefined || models.length === 0) return undefined;
  let bytes = 0;
  let fromBits = 0;
  for (const m of models) {
    const declared =
      Number.isFinite(m.bytes) && m.bytes > 0 ? m.bytes : (m.parametersB * 1e9 * m.bitsPerWeight) / 8;
    if (!Number.isFinite(declared)) return undefined;
    if (!(Number.isFinite(m.bytes) && m.bytes > 0)) fromBits++;
    bytes += declared;
  }
  const source: SizeSource = fromBits === 0 ? "declared" : fromBits === models.length ? "computed" : "mixed";
  return { bytes, n: models.length, how: SIZE_SOURCE[source], source };
}

const SIZE_SOURCE: Record<SizeSource, string> = {
  declared: "declared bytes",
  computed: "parameters × bits / 8",
  mixed: "bytes, or parameters × bits / 8",
};

function gib(bytes: number): number {
  return Math.round((bytes / 2 ** 30) * 100) / 100;
}
