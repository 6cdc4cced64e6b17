import { z } from "zod";
import { ClaimcheckError } from "../model/errors.ts";
import { LANGS } from "../render/i18n.ts";
import { REPORT_FORMATS, type ReportFormat } from "../render/reporters.ts";

const single = (name: string) =>
  z
    .unknown()
    .optional()
    .transform((value, ctx) => {
      if (Array.isArray(value)) {
        ctx.addIssue({
          code: "custom",
          message: `Expected a single value for --${name}, got ${value.length}`,
        });
        return z.NEVER;
      }
      return value === undefined ? undefined : String(value);
    });

const toNumber = (value: string | undefined) => (value === undefined ? undefined : Number(value));

const many = z
  .unknown()
  .optional()
  .transform((value) =>
    value === undefined ? undefined : [value].flat().flatMap((v) => String(v).split(",")),
  );

export const VerifyCliSchema = z.object({
  manifest: z.string().optional(),
  topic: single("topic"),
  candidate: single("candidate"),
  baseline: single("baseline"),
  memory: single("memory"),
  qrels: single("qrels"),
  link: single("link"),
  inNetworkReduction: single("in-network-reduction"),
  candidateFormat: single("candidate-format"),
  baselineFormat: single("baseline-format"),
  format: single("format").pipe(z.enum(REPORT_FORMATS as [ReportFormat, ...ReportFormat[]]).optional()),
  out: single("out"),
  lang: single("lang").pipe(z.enum(LANGS).default("en")),
  charts: z.boolean().default(false),
  baselineReport: single("baseline-report"),
  only: many,
  claimsFrom: many,
  strict: z.boolean().default(false),
  confidence: single("confidence").transform(toNumber).pipe(z.number().gt(0.5).lt(1).optional()),
  seed: single("seed").transform(toNumber).pipe(z.number().int().optional()),
});
export type VerifyCliOptions = z.infer<typeof VerifyCliSchema>;

export const ReportCliSchema = z.object({
  format: single("format").pipe(z.enum(REPORT_FORMATS as [ReportFormat, ...ReportFormat[]]).default("md")),
  lang: single("lang").pipe(z.enum(LANGS).default("en")),
  root: single("root"),
  charts: single("charts"),
  baselineReport: single("baseline-report"),
  annotateDoc: single("annotate-doc"),
});

/** Validates raw cac options once, at the boundary, with a usage error that names the flag. */
export function parseCliOptions<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const flag = issue?.path.length
    ? `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: `
    : "";
  throw new ClaimcheckError("E_USAGE", `${flag}${issue?.message ?? "invalid option"}. See --help.`);
}
