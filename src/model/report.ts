import { z } from "zod";
import { DocClaimFieldsSchema } from "./doc-claim.ts";
import { FindingSchema } from "./finding.ts";
import { MessageParamsSchema } from "./message.ts";
import { BilingualSchema, ComparisonSchema, OperatorSchema, ProvenanceSchema } from "./topic.ts";

export const REPORT_SCHEMA_ID = "claimcheck/report@1";

/** `reported`: a figure measured with no threshold of its own (a requirement of kind `reported`). */
export const VerdictSchema = z.enum([
  "pass",
  "fail",
  "inconclusive",
  "missing",
  "invalid",
  "waived",
  "reported",
]);
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
  /** null for a reported figure: measured and shown, no threshold. */
  op: OperatorSchema.nullable(),
  value: z.number().nullable(),
  /** The target's margin when the seed's number is approximate (percent of `value`), with its own provenance. */
  tolerance: z.object({ percent: z.number(), provenance: ProvenanceSchema }).optional(),
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
  kind: z.enum(["target", "deliverable", "reported"]),
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
 * A chart sentence as a message-catalog key and the values it interpolates (`render/catalog/charts.ts`),
 * so a report renders its charts in any language the catalog has.
 */
export const ChartTextSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ChartText = z.infer<typeof ChartTextSchema>;

const ChartAxisSchema = z.object({
  label: BilingualSchema,
  unit: z.string(),
  log: z.boolean().optional(),
  /**
   * `percentile`: the x values are percentiles (0–100) drawn on a log "1 − quantile" axis as
   * HdrHistogram plots them, so p99 and p99.9 get as much room as p50 (new in report@1, optional).
   */
  scale: z.literal("percentile").optional(),
  /** Text for the axis title that replaces `label` when the renderer knows the key. */
  text: ChartTextSchema.optional(),
});

/**
 * Data for one chart, computed at verify time so `render` can draw it from the report alone.
 * Series are downsampled (a few hundred points at most) so reports stay small. The fields after
 * `reference` are new in report@1 and optional: reports written before them draw as they did.
 */
export const ChartSchema = z.object({
  /** Stable id, e.g. `latency:ttft_ms`, `busbw:all_reduce`, `improvement`, `memory`. */
  id: z.string(),
  type: z.enum(["cdf", "line", "bars", "timeline"]),
  title: BilingualSchema,
  /** The requirement this chart illustrates, when there is one. */
  requirement: z.string().optional(),
  x: ChartAxisSchema,
  y: ChartAxisSchema,
  /** Lines: one per evidence role (cdf, line, timeline). Points are [x, y]. */
  series: z.array(
    z.object({
      label: z.string(),
      role: z.string().optional(),
      points: z.array(z.tuple([z.number(), z.number()])),
      /** The legend entry through the catalog (the role in the reader's language). */
      text: ChartTextSchema.optional(),
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
        /** The requirement's verdict: the bar's colour and the word under it. */
        verdict: VerdictSchema.optional(),
        /** The bar's own target as text (`≥ 30 %`), drawn over its bar when the bars' targets differ. */
        target: z.object({ value: z.number(), text: ChartTextSchema }).optional(),
      }),
    )
    .optional(),
  /** Target or limit lines drawn across the chart. */
  reference: z
    .array(
      z.object({
        axis: z.enum(["x", "y"]),
        value: z.number(),
        label: BilingualSchema,
        /** A fuller label through the catalog (how the target was derived). */
        text: ChartTextSchema.optional(),
      }),
    )
    .optional(),
  /** The judged statistic of each run, drawn as a labelled point (p99 of candidate and baseline). */
  markers: z
    .array(z.object({ x: z.number(), y: z.number(), role: z.string().optional(), text: ChartTextSchema }))
    .optional(),
  /** Shaded spans of an axis: the window a requirement judges (messages ≥ 1 GiB). `to` null = open. */
  bands: z
    .array(
      z.object({
        axis: z.enum(["x", "y"]),
        from: z.number(),
        to: z.number().nullable(),
        text: ChartTextSchema,
      }),
    )
    .optional(),
  /** Sentences under the chart: what whiskers mean, what was left out and why. */
  caption: z.array(ChartTextSchema).optional(),
});
export type Chart = z.infer<typeof ChartSchema>;

export const DocClaimSchema = DocClaimFieldsSchema.extend({ verdict: VerdictSchema });
export type DocClaim = z.infer<typeof DocClaimSchema>;

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
  // `reported` is optional: reports written before the verdict existed have no such count.
  counts: z.object({
    pass: z.int(),
    fail: z.int(),
    inconclusive: z.int(),
    missing: z.int(),
    invalid: z.int(),
    waived: z.int(),
    reported: z.int().optional(),
  }),
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
  /** Claims marked in the deliverable document (`claims_from`, `--claims-from`), new in report@1, optional. */
  doc_claims: z.array(DocClaimSchema).optional(),
});
export type Report = z.infer<typeof ReportSchema>;
