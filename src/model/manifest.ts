import { z } from "zod";

export const AcceleratorSchema = z.object({
  /** Catalog id (e.g. `nvidia-a10`) or a free model name. */
  model: z.string(),
  count: z.int().min(1),
  /** Memory per device in GiB, when not taken from the hardware catalog. */
  memory_gib: z.number().positive().optional(),
});

export const SystemSchema = z.object({
  accelerators: z.array(AcceleratorSchema).default([]),
  interconnect: z.string().optional(),
  /**
   * The bottleneck link bandwidth claims are measured against: a hardware catalog id (e.g.
   * `nvidia-connectx-7`, or an accelerator whose own link it is) or GB/s per direction.
   */
  link: z.union([z.string(), z.number().positive()]).optional(),
  /**
   * Network adapters per node, each at the rate of `link` when that is a NIC: a multi-node collective's
   * line rate is their aggregate (8 GPUs with one 400 G NIC each: 8 × 50 GB/s).
   */
  nics_per_node: z.int().min(1).optional(),
  /** Nodes the accelerators are spread over; with it, `accelerators[].count` is per node. */
  nodes: z.int().min(1).optional(),
  /** In-network reduction the collectives used (NVLS, SHARP, CollNet), which lets busbw exceed the line rate. */
  in_network_reduction: z.enum(["none", "nvls", "sharp", "collnet"]).optional(),
  software: z.record(z.string(), z.string()).default({}),
  /** The served model, e.g. `Qwen2.5-7B-Instruct`. */
  model: z.string().optional(),
  /** Size of the model weights in GiB, needed by `1.2/startup-reserved-memory`. */
  model_weights_gib: z.number().positive().optional(),
});
export type System = z.infer<typeof SystemSchema>;

export const EvidenceEntrySchema = z.object({
  path: z.string().min(1),
  /** Format id (`claimcheck validate --help` lists them); detected from the content when absent. */
  format: z.string().optional(),
  /**
   * A second file of the same run that completes this one: GenAI-Perf's `profile_export_genai_perf.json`
   * (or `.csv`) beside its `profile_export.json`, for the token counts GenAI-Perf keeps only there.
   */
  companion: z.string().min(1).optional(),
});
export type EvidenceEntry = z.infer<typeof EvidenceEntrySchema>;

export const ClaimSchema = z.object({
  requirement: z.string(),
  /** The stated value, in the requirement's unit (percent for relative targets). */
  value: z.number(),
  conditions: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type Claim = z.infer<typeof ClaimSchema>;

/** A statement in place of a link (a prototype demonstrated, a report delivered), signed by a person. */
export const AttestationSchema = z
  .object({
    attestation: z.string().min(1),
    /** Who attests: name and role, e.g. "Prof. Li Wei, principal investigator". */
    attested_by: z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? 'an attestation needs attested_by: who answers for it, name and role, e.g. attested_by: "Prof. Li Wei, principal investigator"'
            : undefined,
      })
      .min(1),
    date: z.string().optional(),
  })
  .strict();
export type Attestation = z.infer<typeof AttestationSchema>;

const EvidenceItemSchema = z.union([z.string().min(1), AttestationSchema]);

export const DeliverableEvidenceSchema = z.object({
  requirement: z.string(),
  /** DOI, URL, patent/application number or PR link, or an attestation with who attests; one or a list. */
  evidence: z.union([EvidenceItemSchema, z.array(EvidenceItemSchema).min(1)]),
});
export type DeliverableEvidence = z.infer<typeof DeliverableEvidenceSchema>;

/** `claimcheck.yaml`: what a team submits. */
export const SubmissionSchema = z
  .object({
    $schema: z.string().optional(),
    topic: z.string().regex(/^\d\.\d$/, "topic is a fund topic id such as 1.2"),
    team: z.string().min(1),
    system: SystemSchema.default({ accelerators: [], software: {} }),
    /** Role (`candidate`, `baseline`, `memory`, …) → file. */
    evidence: z.record(z.string(), z.union([z.string().min(1), EvidenceEntrySchema])).default({}),
    claims: z.array(ClaimSchema).default([]),
    deliverables: z.array(DeliverableEvidenceSchema).default([]),
    /** Deliverable documents (Markdown, LaTeX) whose claim marks are judged too, relative to this file. */
    claims_from: z.array(z.string().min(1)).optional(),
    /** Relative tolerance between a claim and the recomputed value. @default 0.01 */
    claim_tolerance: z.number().min(0).max(1).default(0.01),
  })
  .strict();
export type Submission = z.infer<typeof SubmissionSchema>;
