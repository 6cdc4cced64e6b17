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

/**
 * How the parts make the requirement's verdict: `every` part must pass (the worst part decides), or
 * their `sum` is judged (the card's total load, 1.5/low-qps) — for absolute targets (`comparison: none`).
 */
export const PartsAggregateSchema = z.enum(["every", "sum"]);

export const ProvenanceSchema = z.enum(["seed", "program"]);
export type Provenance = z.infer<typeof ProvenanceSchema>;

/**
 * The margin of a target the seed gives as an approximate number: `value` keeps the seed's number and
 * provenance, the tolerance has its own (usually `program`, with the office's rationale).
 */
export const TargetToleranceSchema = z.object({
  /** In percent of the target value: `<=` 1 with 20 passes up to 1.2. */
  percent: z.number().positive(),
  provenance: ProvenanceSchema,
  rationale: z.string().min(1),
});
export type TargetTolerance = z.infer<typeof TargetToleranceSchema>;

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
  /** How far past `value` the target still holds, when the seed says "about" (5.6: 约 1CU). */
  tolerance: TargetToleranceSchema.optional(),
});
export type TargetRequirement = z.infer<typeof TargetRequirementSchema>;

/**
 * A figure the fund asks teams to report, with no threshold of its own: measured like a target
 * (method, n, bound), checked against the team's claim, verdict `reported`. When an officer gives it
 * `op` and `value`, it is judged exactly like a target.
 */
export const ReportedRequirementSchema = TargetRequirementSchema.extend({
  kind: z.literal("reported"),
  op: OperatorSchema.optional(),
  value: z.number().optional(),
}).superRefine((requirement, context) => {
  if ((requirement.op === undefined) !== (requirement.value === undefined))
    context.addIssue({
      code: "custom",
      message: "a reported figure gets a threshold with both `op` and `value`, or neither",
      path: [requirement.op === undefined ? "op" : "value"],
    });
});
export type ReportedRequirement = z.infer<typeof ReportedRequirementSchema>;

/** What a deliverable item can be; `software-copyright` is a Chinese 计算机软件著作权 registration. */
export const DeliverableKindSchema = z.enum([
  "paper",
  "patent",
  "software-copyright",
  "upstream-pr",
  "code",
  "docs",
  "prototype",
  "report",
]);
export type DeliverableKind = z.infer<typeof DeliverableKindSchema>;

/** One way to meet a deliverable requirement: a kind, how many, and a qualifier. */
export const DeliverableSpecSchema = z
  .object({
    deliverable: DeliverableKindSchema,
    /** The minimum count asked for ("1–2 patents" → 1). */
    count: z.int().min(1),
    /** The upper end of a range, when the seed gives one ("1–2" → 2); more items are not a failure. */
    count_max: z.int().min(1).optional(),
    /** Qualifier, e.g. `CCF-A`, `CCF-A/B`. */
    venue: z.string().optional(),
  })
  .strict();
export type DeliverableSpec = z.infer<typeof DeliverableSpecSchema>;

/**
 * A deliverable requirement is one spec (`deliverable`, `count`, …) or, when the seed says "A or B",
 * `any_of` its alternatives, each counted on its own: "≥ 1 CCF-A paper, or ≥ 2 patents" is not met
 * by one patent.
 */
export const DeliverableRequirementSchema = RequirementBase.extend({
  kind: z.literal("deliverable"),
  ...DeliverableSpecSchema.partial().shape,
  /** Alternatives, any one of which meets the requirement; then leave out `deliverable` and `count`. */
  any_of: z.array(DeliverableSpecSchema).min(2).optional(),
}).superRefine((requirement, context) => {
  const single = requirement.deliverable !== undefined || requirement.count !== undefined;
  if (
    requirement.any_of === undefined
      ? requirement.deliverable === undefined || requirement.count === undefined
      : single
  )
    context.addIssue({
      code: "custom",
      message: "a deliverable has either `deliverable` and `count`, or `any_of` alternatives, not both",
      path: requirement.any_of === undefined ? ["deliverable"] : ["any_of"],
    });
});
export type DeliverableRequirement = z.infer<typeof DeliverableRequirementSchema>;

/** The ways to meet a deliverable requirement: its `any_of`, or its one spec. */
export function listDeliverableSpecs(requirement: DeliverableRequirement): DeliverableSpec[] {
  if (requirement.any_of !== undefined) return requirement.any_of;
  const { deliverable = "report", count = 1, count_max, venue } = requirement;
  return [
    {
      deliverable,
      count,
      ...(count_max === undefined ? {} : { count_max }),
      ...(venue === undefined ? {} : { venue }),
    },
  ];
}

/** `1–2 paper (CCF-A)`, or `1 paper (CCF-A) or 2 patent` — a requirement as a person reads it. */
export function formatDeliverableSpecs(specs: readonly DeliverableSpec[]): string {
  return specs
    .map(
      (s) =>
        `${s.count}${s.count_max === undefined ? "" : `–${s.count_max}`} ${s.deliverable}${s.venue === undefined ? "" : ` (${s.venue})`}`,
    )
    .join(" or ");
}

export const RequirementSchema = z.discriminatedUnion("kind", [
  TargetRequirementSchema,
  DeliverableRequirementSchema,
  ReportedRequirementSchema,
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
