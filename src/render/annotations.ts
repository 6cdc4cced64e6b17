import type { Report } from "../model/report.ts";
import type { Lang } from "./i18n.ts";
import { findingText, reasonText, verdictWord } from "./localize.ts";
import { formatPart, listFindings } from "./text-helpers.ts";

export interface RenderAnnotationsOptions {
  /** Folder of the submission relative to the repository root, prefixed to every file path. @default "" */
  root?: string;
  /** Language of the messages; codes and ids stay as they are. @default "en" */
  lang?: Lang;
}

/**
 * GitHub Actions workflow commands: one `::error file=…,line=…::` per finding (warnings and notes
 * by severity), then one per requirement that did not pass, so the reason shows in the pull request,
 * then one per model or peer that did not pass when a requirement was judged in parts.
 */
export function renderAnnotations(report: Report, options: RenderAnnotationsOptions = {}): string {
  const root =
    options.root === undefined || options.root === "" || options.root === "."
      ? ""
      : `${options.root.replace(/\/+$/, "")}/`;
  const lang = options.lang ?? "en";
  const findings = listFindings(report);
  const located = [...report.requirements.flatMap((r) => r.findings), ...report.findings];
  const lines = located.map((f, i) => {
    const properties: Array<[string, string]> = [
      ...(f.location === undefined
        ? []
        : ([["file", `${root}${f.location.path}`]] as Array<[string, string]>)),
      ...(f.location?.line === undefined
        ? []
        : ([["line", String(f.location.line)]] as Array<[string, string]>)),
      ...(f.location?.col === undefined
        ? []
        : ([["col", String(f.location.col)]] as Array<[string, string]>)),
      [
        "title",
        `claimcheck ${f.code}${findings[i]?.requirement === undefined ? "" : ` (${findings[i]?.requirement})`}`,
      ],
    ];
    return command(SEVERITY_COMMAND[f.severity] ?? "notice", properties, findingText(f, lang));
  });
  const requirements = report.requirements
    .filter((r) => r.verdict !== "pass" && r.verdict !== "waived")
    .map((r) =>
      command(
        r.verdict === "fail" || r.verdict === "invalid"
          ? "error"
          : r.verdict === "reported"
            ? "notice"
            : "warning",
        [["title", `claimcheck ${r.id}: ${verdictWord(r.verdict, lang)}`]],
        reasonText(r, lang),
      ),
    );
  const parts = report.requirements.flatMap((r) =>
    (r.parts ?? [])
      .filter((p) => p.verdict !== "pass" && p.verdict !== "waived")
      .map((p) =>
        command(
          p.verdict === "fail" || p.verdict === "invalid"
            ? "error"
            : p.verdict === "reported"
              ? "notice"
              : "warning",
          [["title", `claimcheck ${r.id} ${p.per} ${p.name}: ${verdictWord(p.verdict, lang)}`]],
          `${formatPart(p, lang)}: ${reasonText(p, lang)}`,
        ),
      ),
  );
  return [...lines, ...requirements, ...parts].map((line) => `${line}\n`).join("");
}

/** Escapes workflow-command data: `%`, `\r` and `\n` (GitHub's `escapeData`). */
export function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow-command property: data escaping plus `:` and `,` (GitHub's `escapeProperty`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// --- internal ---

const SEVERITY_COMMAND: Record<string, string> = { error: "error", warning: "warning", info: "notice" };

function command(name: string, properties: Array<[string, string]>, message: string): string {
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(",");
  return `::${name}${props === "" ? "" : ` ${props}`}::${escapeData(message)}`;
}
