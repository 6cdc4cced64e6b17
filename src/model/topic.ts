import { z } from "zod";
import { COLLECTIVES } from "./collective.ts";
import { EVIDENCE_KINDS } from "./evidence.ts";

export const BilingualSchema = z.object({ en: z.string().min(1), zh: z.string().min(1) });
export type Bilingual = z.infer<typeof BilingualSchema>;

export const OperatorSchema = z.enum(["<=", "<", ">=", ">", "=="]);
export type Operator = z.infer<typeof OperatorSchema>;

/**
 * How a measurement relates to the baseline before the comparison:
 * - `none`: the candidate's own value (absolute target);
 * - `regression`: how much worse the candidate is, (cand − base)/base for lower-is-better metrics;
 * - `improvement`: how much better, (base − cand)/base for lower-is-better, (cand − base)/base otherwise;
 * - `loss`: 1 − cand/base for a higher-is-better metric (throughput, bandwidth);
 * - `delta`: cand − base in the metric's own unit (e.g. success-rate points).
 */
export const ComparisonSchema = z.enum(["none", "regression", "improvement", "loss", "delta"]);
export type Comparison = z.infer<typeof ComparisonSchema>;

/**
 * What one part of a requirement is, when the seed asks for the target per model ("各模型", 1.5) or
 * against each peer ("above the public SDKs", 5.5): `model` pairs `<role>-<name>` with
 * `<baseline>-<name>` by the suffix; `peer` judges the one candidate against every `<baseline>-<name>`.
 */
export const PartsPerSchema = z.enum(["model", "peer"]);
export type PartsPer = z.infer<typeof PartsPerSchema>;

/** How the parts' verdicts make the requirement's: `every` part must pass (the worst part decides). */
export const PartsAggregateSchema = z.enum(["every"]);

export const ProvenanceSchema = z.enum(["seed", "program"]);
export type Provenance = z.infer<typeof ProvenanceSchema>;

const RequirementBase = z.object({
  id: z.string().regex(/^\d\.\d\/[a-z0-9-]+$/, "ids are <topic>/<slug>, e.g. 1.2/ttft-p99-regression"),
  title: BilingualSchema,
  provenance: ProvenanceSchema,
  /** The seed's own sentence (Chinese), required when provenance is `seed`. */
  seed_quote: z.string().optional(),
  /** Why the program office chose this default, required when provenance is `program`. */
  rationale: z.string().optional(),
});

export const TargetRequirementSchema = RequirementBase.extend({
  kind: z.literal("target"),
  /** A metric name from the measure registry, e.g. `ttft_ms.p99`. */
  metric: z.string(),
  comparison: ComparisonSchema.default("none"),
  op: OperatorSchema,
  value: z.number(),
  /** `%` for relative comparisons (the value is in percent), otherwise the metric's unit. */
  unit: z.string(),
  /** The evidence role the comparison is relative to, when `comparison` is not `none`. */
  baseline: z.string().optional(),
  /**
   * The evidence role read first when a submission holds several files of one kind (2.1 has task
   * outcomes and evaluator verdicts, both `outcomes`). @default "candidate"
   */
  role: z.string().optional(),
  /** The collective a bandwidth target is about, e.g. `all_reduce`. */
  collective: z.enum(COLLECTIVES).optional(),
  evidence: z.array(z.enum(EVIDENCE_KINDS)).min(1),
  /** Judge the target once per model or peer when the submission holds several (see `PartsPerSchema`). */
  per: PartsPerSchema.optional(),
  /** How the parts' verdicts combine; only with `per`. @default "every" */
  aggregate: PartsAggregateSchema.optional(),
  /** The percentile method the target is defined with. @default "linear" */
  percentile_method: z.enum(["linear", "nearest-rank"]).optional(),
});
export type TargetRequirement = z.infer<typeof TargetRequirementSchema>;

export const DeliverableRequirementSchema = RequirementBase.extend({
  kind: z.literal("deliverable"),
  /** paper, patent, software-copyright, upstream-pr, code, docs, prototype, report */
  deliverable: z.enum([
    "paper",
    "patent",
    "patent-or-copyright",
    "upstream-pr",
    "code",
    "docs",
    "prototype",
    "report",
  ]),
  /** The minimum count asked for ("1–2 patents" → 1). */
  count: z.int().min(1),
  /** The upper end of a range, when the seed gives one. */
  count_max: z.int().min(1).optional(),
  /** Qualifier, e.g. `CCF-A`, `CCF-A/B`. */
  venue: z.string().optional(),
});
export type DeliverableRequirement = z.infer<typeof DeliverableRequirementSchema>;

export const RequirementSchema = z.discriminatedUnion("kind", [
  TargetRequirementSchema,
  DeliverableRequirementSchema,
]);
export type Requirement = z.infer<typeof RequirementSchema>;

export const TopicSchema = z.object({
  id: z.string().regex(/^\d\.\d$/),
  group: BilingualSchema,
  title: BilingualSchema,
  summary: BilingualSchema,
  requirements: z.array(RequirementSchema),
});
export type Topic = z.infer<typeof TopicSchema>;
