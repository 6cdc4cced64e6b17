import { formatLocation } from "../model/create-finding.ts";
import type { Finding, Location } from "../model/finding.ts";
import type { Measured, RequirementPart, RequirementResult, Verdict } from "../model/report.ts";
import { CATALOG, formatMessage, hasMessage, label, renderMessage } from "./catalog/index.ts";
import type { Lang } from "./i18n.ts";

/**
 * The report's stored sentences and words in one language. Each reads the key and params the report
 * keeps and falls back to the stored English when the report predates them.
 */
export function findingText(finding: Finding, lang: Lang): string {
  return renderMessage(
    { key: finding.message_key ?? finding.code, params: finding.params },
    finding.message,
    lang,
  );
}

/**
 * `candidate.json:1 (中位数 ttft_ms 列)`: where a finding points, in `lang`. A column a summary check
 * names by statistic (`median ttft_ms`) has its statistic word translated; the column name stays.
 */
export function locationText(location: Location, lang: Lang): string {
  const column = location.column?.replace(/^(mean|median) /, (_, word: string) =>
    lang === "en" ? `${word} ` : `${label(`statistic.${word}`, lang)} `,
  );
  return formatLocation(
    column === undefined ? location : { ...location, column },
    CATALOG["text.column"]?.[lang],
  );
}

export function reasonText(
  result: Pick<RequirementResult | RequirementPart, "reason" | "reason_key" | "reason_params">,
  lang: Lang,
): string {
  return renderMessage({ key: result.reason_key, params: result.reason_params }, result.reason, lang);
}

export function methodText(measured: Measured, lang: Lang): string {
  return renderMessage({ key: measured.method_key, params: measured.method_params }, measured.method, lang);
}

export function verdictWord(verdict: Verdict, lang: Lang): string {
  return label(`verdict.${verdict}`, lang, verdict);
}

export function severityWord(severity: string, lang: Lang): string {
  return label(`severity.${severity}`, lang, severity);
}

/**
 * `candidate-qwen7b` → `候选-qwen7b`, `baseline-memory` → `基线-显存`: the role word is translated, and
 * so is a role word after it; a model name after it is kept.
 */
export function roleText(role: string, lang: Lang): string {
  if (lang === "en") return role;
  if (hasMessage(`role.${role}`)) return label(`role.${role}`, lang);
  const dash = role.indexOf("-");
  const head = dash < 0 ? role : role.slice(0, dash);
  if (!hasMessage(`role.${head}`)) return role;
  const tail = role.slice(head.length + 1);
  const rest =
    dash < 0 ? "" : hasMessage(`role.${tail}`) ? `-${label(`role.${tail}`, lang)}` : role.slice(dash);
  return `${label(`role.${head}`, lang)}${rest}`;
}

/** `accelerators[0].model` → `加速卡[0].模型`; a software name under `software.` stays as written. */
export function fieldText(path: string, lang: Lang): string {
  if (lang === "en") return path;
  const [first, ...rest] = path.split(".");
  const translate = (segment: string) =>
    segment.replace(/^[a-z_]+/, (name) =>
      hasMessage(`field.${name}`) ? label(`field.${name}`, lang) : name,
    );
  if (first?.startsWith("software")) return [translate(first), ...rest].join(".");
  return [first ?? "", ...rest].map(translate).join(".");
}

/** `1 × paper or 2 × patent` → `1 × 论文 或 2 × 专利`. */
export function deliverableKindText(kind: string, lang: Lang): string {
  if (lang === "en") return kind;
  return kind
    .split(" or ")
    .map((alternative) =>
      alternative.replace(/[a-z][a-z-]*$/, (k) =>
        hasMessage(`deliverable.${k}`) ? label(`deliverable.${k}`, lang) : k,
      ),
    )
    .join(` ${label("text.or", lang)} `);
}

/** A catalog sentence with values: the one entry point renderers use for their own words. */
export function t(key: string, lang: Lang, params?: Record<string, string | number>): string {
  return formatMessage(key, params, lang);
}
