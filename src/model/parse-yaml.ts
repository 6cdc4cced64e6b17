import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { createFinding } from "./create-finding.ts";
import { ClaimcheckError } from "./errors.ts";
import type { Finding } from "./finding.ts";
import { flattenUnionIssues } from "./union-issues.ts";
import { findYamlTooDeep } from "./yaml-depth.ts";

export interface ParseYamlOptions {
  /** Finding code prefix, e.g. `MANIFEST` → `MANIFEST_YAML_SYNTAX`, `MANIFEST_SCHEMA`. */
  code: string;
  /** What the file is, for the error message ("submission manifest"). */
  what: string;
  /** Where its schema is published, named in every message. */
  schema: string;
}

/** Parses YAML and validates it with zod; every problem becomes a finding with its YAML line and key path. */
export function parseYamlWithSchema<T extends z.ZodType>(
  text: string,
  path: string,
  schema: T,
  options: ParseYamlOptions,
): z.infer<T> {
  const tooDeep = findYamlTooDeep(text, MAX_YAML_DEPTH);
  if (tooDeep !== undefined) throw yamlError(path, [tooDeepFinding(path, tooDeep.line, options)], options);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  // The depth scan is a bound, not a parser: should the parser still run out of stack, say the same.
  const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
  if (overflow !== undefined) {
    throw yamlError(path, [tooDeepFinding(path, overflow.linePos?.[0]?.line ?? 1, options)], options);
  }
  const syntax = doc.errors.map((e) =>
    createFinding(
      `${options.code}_YAML_SYNTAX`,
      "error",
      `${e.message.split("\n")[0]}; fix the YAML syntax.`,
      { path, line: e.linePos?.[0]?.line ?? 1 },
    ),
  );
  if (syntax.length > 0) throw yamlError(path, syntax, options);
  const parsed = schema.safeParse(toValue(doc, path, options));
  if (parsed.success) return parsed.data;
  throw yamlError(
    path,
    flattenUnionIssues(parsed.error.issues).map((issue) => issueFinding(issue, doc, lines, path, options)),
    options,
  );
}

// --- internal ---

/**
 * Deeper than any real file: the 72 YAML files of topics/, fixtures/ and tests/ nest at most 5 levels;
 * the parser overflows its stack near 900.
 */
const MAX_YAML_DEPTH = 64;

function tooDeepFinding(path: string, line: number, options: ParseYamlOptions): Finding {
  return createFinding(
    `${options.code}_YAML_TOO_DEEP`,
    "error",
    `${path} nests more than ${MAX_YAML_DEPTH} levels deep by line ${line}; a ${options.what} needs a few. Remove the extra brackets or indentation (see ${options.schema}).`,
    { path, line },
  );
}

type YamlDocument = ReturnType<typeof parseDocument>;

/** The document as plain data; an alias without its anchor, or too many aliases (a "billion laughs"), is a syntax finding. */
function toValue(doc: YamlDocument, path: string, options: ParseYamlOptions): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    if (cause instanceof RangeError) throw yamlError(path, [tooDeepFinding(path, 1, options)], options);
    const message = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
    const finding = createFinding(
      `${options.code}_YAML_SYNTAX`,
      "error",
      `${message}; fix the YAML anchors and aliases.`,
      {
        path,
        line: 1,
      },
    );
    throw yamlError(path, [finding], options);
  }
}

function yamlError(path: string, findings: Finding[], options: ParseYamlOptions): ClaimcheckError {
  const first = findings[0];
  return new ClaimcheckError(
    "E_INPUT",
    `${path} is not a valid ${options.what} (${findings.length} problem${findings.length === 1 ? "" : "s"}; first, line ${first?.location?.line ?? "?"}: ${first?.message ?? ""})`,
    { findings },
  );
}

function issueFinding(
  issue: z.core.$ZodIssue,
  doc: YamlDocument,
  lines: LineCounter,
  path: string,
  options: ParseYamlOptions,
): Finding {
  // An unknown key is reported on its parent; point at the key itself instead.
  const keyPath = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0] as string] : issue.path;
  const key = keyPath
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
    .join("")
    .replace(/^\./, "");
  const line = lineOf(doc, keyPath as (string | number)[], lines);
  const where = key === "" ? "the document" : `\`${key}\``;
  return createFinding(
    `${options.code}_SCHEMA`,
    "error",
    `${where}: ${quoteHint(issue, doc, keyPath as (string | number)[]) ?? issue.message}. See ${options.schema}.`,
    {
      path,
      line,
      ...(key === "" ? {} : { column: key }),
    },
  );
}

/**
 * An unquoted `topic: 1.2` is a number to YAML, and `1.10` becomes 1.1 (a bare CN application number
 * `202211157877.2` too): say to quote it, showing the text as written.
 */
function quoteHint(
  issue: z.core.$ZodIssue,
  doc: YamlDocument,
  path: (string | number)[],
): string | undefined {
  const wantsText =
    issue.code === "invalid_union" || (issue.code === "invalid_type" && issue.expected === "string");
  if (!wantsText) return undefined;
  const node = doc.getIn(path, true);
  if (!isScalar(node) || typeof node.value !== "number") return undefined;
  const written = (node as { source?: string }).source ?? String(node.value);
  const name = path[path.length - 1];
  const quoted = typeof name === "number" ? `- "${written}"` : `${String(name)}: "${written}"`;
  const misread =
    written === String(node.value)
      ? `it as a number${/^\d+\.\d+$/.test(written) ? " (and 1.10 as 1.1)" : ""}`
      : `${written} as the number ${node.value}`;
  return `write it in quotes, ${quoted}; unquoted, YAML reads ${misread}`;
}

/** The line of the deepest node of `path` that exists, so a missing key points at its parent. */
function lineOf(doc: YamlDocument, path: (string | number)[], lines: LineCounter): number {
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
