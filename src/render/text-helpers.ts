import type { Report, RequirementPart, RequirementResult, Verdict } from "../model/report.ts";
import { label } from "./catalog/index.ts";
import type { Lang } from "./i18n.ts";
import { deliverableKindText, findingText, locationText, roleText } from "./localize.ts";

export const VERDICT_ICON: Record<Verdict, string> = {
  pass: "✅",
  fail: "❌",
  inconclusive: "❔",
  missing: "⚪",
  invalid: "⛔",
  waived: "➖",
  reported: "📏",
};

/** `≤ 5 %` — the target as a person reads it. */
export function formatTarget(requirement: RequirementResult, lang: Lang = "en"): string {
  const target = requirement.target;
  if (target === null) {
    const d = requirement.deliverable;
    if (d === null || d === undefined) return "";
    // An "A or B" deliverable carries each alternative's count in its kind ("1 × paper or 2 × patent").
    return deliverableKindText(d.kind.includes(" × ") ? d.kind : `${d.count} × ${d.kind}`, lang);
  }
  // A reported figure has no threshold: say so where the target would be.
  if (target.op === null || target.value === null)
    return `${label("target.reported", lang)}${target.comparison === "none" ? "" : ` ${label(`comparison.${target.comparison}`, lang)}`}`;
  const symbol = { "<=": "≤", "<": "<", ">=": "≥", ">": ">", "==": "=" }[target.op];
  const relative = target.comparison === "none" ? "" : ` ${label(`comparison.${target.comparison}`, lang)}`;
  return `${symbol} ${target.value}${unitSuffix(target.unit, lang)}${relative}`;
}

/** `3.1 % [1.2, 4.9]` — the measured value with its bound. */
export function formatMeasured(requirement: RequirementResult, lang: Lang = "en"): string {
  const m = requirement.measured;
  if (m === null || m.value === null) return "—";
  const unit = unitSuffix(requirement.target?.unit ?? "", lang);
  const bound = m.low === null && m.high === null ? "" : ` [${formatNumber(m.low)}, ${formatNumber(m.high)}]`;
  return `${formatNumber(m.value)}${unit}${bound}`;
}

/** A part's measured value in its requirement's unit, as `formatMeasured` writes it. */
export function formatPartMeasured(
  requirement: RequirementResult,
  part: RequirementPart,
  lang: Lang = "en",
): string {
  return formatMeasured({ ...requirement, measured: part.measured }, lang);
}

/** `model llama3b (candidate-llama3b vs baseline-llama3b)` — which files a part judged. */
export function formatPart(part: RequirementPart, lang: Lang = "en"): string {
  const roles = [part.roles.candidate, part.roles.baseline]
    .filter((r) => r !== undefined)
    .map((r) => roleText(r, lang))
    .join(` ${label("text.vs", lang)} `);
  return `${label(`per.${part.per}`, lang, part.per)} ${part.name}${roles === "" ? "" : ` (${roles})`}`;
}

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  return abs !== 0 && (abs >= 1e6 || abs < 1e-3)
    ? value.toExponential(3)
    : String(Number(value.toPrecision(4)));
}

/** Every finding of the report, requirement findings first, each with its location. */
export function listFindings(
  report: Report,
  lang: Lang = "en",
): Array<{ where: string; code: string; severity: string; message: string; requirement?: string }> {
  const fromRequirements = report.requirements.flatMap((r) =>
    r.findings.map((f) => ({ f, requirement: r.id })),
  );
  const all = [...fromRequirements, ...report.findings.map((f) => ({ f, requirement: undefined }))];
  return all.map(({ f, requirement }) => ({
    where: f.location === undefined ? "" : locationText(f.location, lang),
    code: f.code,
    severity: f.severity,
    message: findingText(f, lang),
    ...(requirement === undefined ? {} : { requirement }),
  }));
}

/** A unit that is a word (`points`) is translated (个百分点); a symbol (`ms`, `GiB`) has no entry and stays. */
export function unitSuffix(unit: string, lang: Lang): string {
  return unit === "%" ? " %" : unit === "" ? "" : ` ${label(`unit.${unit}`, lang, unit)}`;
}
