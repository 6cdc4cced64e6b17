import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { ClaimcheckError } from "./errors.ts";
import { createFinding, type Finding } from "./finding.ts";
import { type Submission, SubmissionSchema } from "./manifest.ts";

/** Parses `claimcheck.yaml` text; every schema problem becomes a finding with its YAML line. */
export function parseSubmission(text: string, path: string): Submission {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const syntax = doc.errors.map((e) =>
    createFinding("MANIFEST_YAML_SYNTAX", "error", `${e.message.split("\n")[0]}; fix the YAML syntax.`, {
      path,
      line: e.linePos?.[0]?.line ?? 1,
    }),
  );
  if (syntax.length > 0) throw manifestError(path, syntax);
  const parsed = SubmissionSchema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  throw manifestError(
    path,
    parsed.error.issues.map((issue) => issueFinding(issue, doc, lines, path)),
  );
}

// --- internal ---

function manifestError(path: string, findings: Finding[]): ClaimcheckError {
  const first = findings[0];
  return new ClaimcheckError(
    "E_INPUT",
    `${path} is not a valid submission manifest (${findings.length} problem${findings.length === 1 ? "" : "s"}, first: line ${first?.location?.line ?? "?"}: ${first?.message ?? ""})`,
    { findings },
  );
}

function issueFinding(
  issue: z.core.$ZodIssue,
  doc: ReturnType<typeof parseDocument>,
  lines: LineCounter,
  path: string,
): Finding {
  const key = issue.path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
    .join("")
    .replace(/^\./, "");
  const line = lineOf(doc, issue.path as (string | number)[], lines);
  const where = key === "" ? "the document" : `\`${key}\``;
  return createFinding(
    "MANIFEST_SCHEMA",
    "error",
    `${where}: ${issue.message}. See schemas/submission.schema.json.`,
    { path, line, ...(key === "" ? {} : { column: key }) },
  );
}

/** The line of the deepest node of `path` that exists, so a missing key points at its parent. */
function lineOf(
  doc: ReturnType<typeof parseDocument>,
  path: (string | number)[],
  lines: LineCounter,
): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as { range?: [number] } | null)?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (pair === undefined) break;
      offset = (pair.key as { range?: [number] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      node = node.items[key];
      offset = (node as { range?: [number] } | undefined)?.range?.[0] ?? offset;
    } else break;
  }
  return lines.linePos(offset).line;
}
