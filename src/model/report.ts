import { z } from "zod";
import { FindingSchema } from "./finding.ts";
import { MessageParamsSchema } from "./message.ts";
import { BilingualSchema, ComparisonSchema, OperatorSchema, ProvenanceSchema } from "./topic.ts";

export const REPORT_SCHEMA_ID = "claimcheck/report@1";

export const VerdictSchema = z.enum(["pass", "fail", "inconclusive", "missing", "invalid", "waived"]);
export type Verdict = z.infer<typeof VerdictSchema>;

export const InputSchema = z.object({
  role: z.string(),
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.int().min(0),
  format: z.string(),
  /** How the format was chosen: declared in the manifest/CLI, or detected from the content. */
  format_source: z.enum(["declared", "detected"]),
  rows: z.int().min(0),
});
export type Input = z.infer<typeof InputSchema>;

export const TargetSchema = z.object({
  op: OperatorSchema,
  value: z.number(),
  unit: z.string(),
  provenance: ProvenanceSchema,
  comparison: ComparisonSchema,
  baseline: z.string().optional(),
});

export const MeasuredSchema = z.object({
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  n: z.int().min(0),
  /** How the value was obtained, e.g. `p99 linear interpolation; order-statistic bound 95%`, or `reported`. */
  method: z.string(),
  /** The catalog key and values of `method`, to render it in another language (optional, new in report@1). */
  method_key: z.string().optional(),
  method_params: MessageParamsSchema.optional(),
  confidence: z.number().optional(),
  /**
   * 1 when the target is one-sided (≤, ≥, …): the bound on the target's side is a one-sided bound at
   * `confidence` (the other side is shown but not judged); 2 for a two-sided interval.
   */
  sides: z.union([z.literal(1), z.literal(2)]).optional(),
  candidate: z.number().nullable().optional(),
  baseline: z.number().nullable().optional(),
  /** Samples needed for the bound to clear the target, when the verdict is inconclusive. */
  n_needed: z.int().nullable().optional(),
});
export type Measured = z.infer<typeof MeasuredSchema>;

export const ClaimedSchema = z.object({
  value: z.number(),
  consistent: z.boolean(),
  tolerance: z.number(),
  conditions: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

/**
 * One model's (or peer's) judgement of a requirement the topic asks for per model or per peer; the
 * requirement's verdict and measured value are its worst part's.
 */
export const RequirementPartSchema = z.object({
  /** What a part is: `model` or `peer`. */
  per: z.string(),
  /** The role suffix that names the part (`qwen7b` for `candidate-qwen7b`), or the plain role. */
  name: z.string(),
  roles: z.object({ candidate: z.string().optional(), baseline: z.string().optional() }),
  verdict: VerdictSchema,
  reason: z.string(),
  reason_key: z.string().optional(),
  reason_params: MessageParamsSchema.optional(),
  measured: MeasuredSchema.nullable(),
});
export type RequirementPart = z.infer<typeof RequirementPartSchema>;

export const RequirementResultSchema = z.object({
  id: z.string(),
  kind: z.enum(["target", "deliverable"]),
  title: BilingualSchema,
  metric: z.string().nullable(),
  verdict: VerdictSchema,
  /** One sentence saying why, with the next action when the verdict is not pass. */
  reason: z.string(),
  /** The catalog key and values of `reason`, to render it in another language (optional, new in report@1). */
  reason_key: z.string().optional(),
  reason_params: MessageParamsSchema.optional(),
  target: TargetSchema.nullable(),
  measured: MeasuredSchema.nullable(),
  claimed: ClaimedSchema.nullable(),
  deliverable: z
    .object({ kind: z.string(), count: z.int(), evidence: z.array(z.string()) })
    .nullable()
    .optional(),
  findings: z.array(FindingSchema),
  /** One row per model or peer, when the topic judges the requirement in parts (new in report@1, optional). */
  parts: z.array(RequirementPartSchema).optional(),
});
export type RequirementResult = z.infer<typeof RequirementResultSchema>;

/**
 * Data for one chart, computed at verify time so `render` can draw it from the report alone.
 * Series are downsampled (a few hundred points at most) so reports stay small.
 */
export const ChartSchema = z.object({
  /** Stable id, e.g. `latency-cdf:ttft_ms`, `busbw:all_reduce`, `improvement`, `memory:baseline`. */
  id: z.string(),
  type: z.enum(["cdf", "line", "bars", "timeline"]),
  title: BilingualSchema,
  /** The requirement this chart illustrates, when there is one. */
  requirement: z.string().optional(),
  x: z.object({ label: BilingualSchema, unit: z.string(), log: z.boolean().optional() }),
  y: z.object({ label: BilingualSchema, unit: z.string(), log: z.boolean().optional() }),
  /** Lines: one per evidence role (cdf, line, timeline). Points are [x, y]. */
  series: z.array(
    z.object({
      label: z.string(),
      role: z.string().optional(),
      points: z.array(z.tuple([z.number(), z.number()])),
    }),
  ),
  /** Bars with their confidence bounds (type `bars`). */
  bars: z
    .array(
      z.object({
        label: z.string(),
        requirement: z.string().optional(),
        value: z.number(),
        low: z.number().nullable(),
        high: z.number().nullable(),
      }),
    )
    .optional(),
  /** Target or limit lines drawn across the chart. */
  reference: z
    .array(z.object({ axis: z.enum(["x", "y"]), value: z.number(), label: BilingualSchema }))
    .optional(),
});
export type Chart = z.infer<typeof ChartSchema>;

const change = <T extends z.ZodType>(value: T) => z.object({ from: value.nullable(), to: value.nullable() });

/** What changed since a previous report of the same submission (`--baseline-report`); only changes are listed. */
export const ReportDiffSchema = z.object({
  previous: z.object({ generatedAt: z.string(), version: z.string(), verdict: VerdictSchema }),
  verdict: change(VerdictSchema),
  requirements: z.array(
    z.object({ id: z.string(), verdict: change(VerdictSchema), measured: change(z.number()) }),
  ),
  inputs: z.array(z.object({ role: z.string(), path: change(z.string()), sha256: change(z.string()) })),
});
export type ReportDiff = z.infer<typeof ReportDiffSchema>;

export const ReportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA_ID),
  tool: z.object({ name: z.literal("claimcheck"), version: z.string() }),
  generatedAt: z.string(),
  verdict: VerdictSchema,
  counts: z.record(VerdictSchema, z.int()),
  submission: z.object({
    topic: z.string(),
    team: z.string(),
    topic_title: BilingualSchema,
    system: z.record(z.string(), z.unknown()),
    mode: z.enum(["manifest", "quick"]),
  }),
  inputs: z.array(InputSchema),
  requirements: z.array(RequirementResultSchema),
  findings: z.array(FindingSchema),
  /** Per-input summary statistics shown in reports and used by charts. */
  statistics: z.array(
    z.object({
      role: z.string(),
      metric: z.string(),
      n: z.int(),
      mean: z.number().nullable(),
      p50: z.number().nullable(),
      p90: z.number().nullable(),
      p99: z.number().nullable(),
      unit: z.string(),
      method: z.string(),
    }),
  ),
  /** Chart data (optional: reports written before charts existed have none). */
  charts: z.array(ChartSchema).optional(),
  /** Changes since a previous report (`--baseline-report`), for reviewers of a resubmission. */
  diff: ReportDiffSchema.optional(),
});
export type Report = z.infer<typeof ReportSchema>;
