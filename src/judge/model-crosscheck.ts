import { createFinding } from "../model/create-finding.ts";
import type { Finding } from "../model/finding.ts";
import type { System } from "../model/manifest.ts";
import type { MessageRef } from "../model/message.ts";
import {
  compareModelNames,
  describeModel,
  describeModelRef,
  type ModelName,
  parseModelName,
  splitModelList,
} from "./model-name.ts";
import type { RoleEvidence } from "./role-usage.ts";

/**
 * Findings for request logs whose own model (vLLM `model_id`, SGLang `server_info.model_path`,
 * GenAI-Perf's request payload, LLMPerf's `model`) is not a model the submission declares in
 * `models.csv` or `system.model`: a 70 B `models.csv` must not pass on the log of a 3 B model.
 * Plainly another family or size is an error, on the log and on the `models.csv` row it contradicts;
 * names that differ otherwise (a version, a fine-tune) are a warning. Returned per role.
 */
export function checkModelFacts(inputs: readonly RoleEvidence[], system: System): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const add = (role: string, finding: Finding) => out.set(role, [...(out.get(role) ?? []), finding]);
  const rows = declaredRows(inputs);
  const stated = system.model === undefined ? [] : splitModelList(system.model);
  const flagged = new Set<DeclaredRow>();
  // Logs in role-name order, so a row's finding names the same log whatever the manifest's order.
  for (const input of [...inputs].sort((a, b) => (a.role < b.role ? -1 : a.role > b.role ? 1 : 0))) {
    const text = input.parsed.context?.model;
    if (input.parsed.kind !== "serving-requests" || typeof text !== "string") continue;
    const logged = parseModelName(text);
    const where = { path: input.path, column: MODEL_KEY[input.parsed.format] ?? "model" };
    const fromRows = compareWith(
      logged,
      rows.map((r) => r.name),
    );
    if (fromRows !== undefined) {
      add(input.role, mismatch(logged, fromRows, "models.csv", where));
      const contradicted = fromRows.severity === "error" ? rows.filter((r) => !flagged.has(r)) : [];
      for (const row of contradicted) {
        flagged.add(row);
        add(row.role, rowFinding(row, logged, input.path));
      }
    }
    const fromSystem = compareWith(logged, stated);
    if (fromSystem !== undefined) add(input.role, mismatch(logged, fromSystem, SYSTEM_MODEL, where));
  }
  const first = rows[0];
  const declared = compareDeclarations(rows, stated);
  if (first !== undefined && declared !== undefined) add(first.role, declarationFinding(first, declared));
  return out;
}

// --- internal ---

/** Where a model is declared besides models.csv, as the finding names it. */
const SYSTEM_MODEL: MessageRef = { key: "model_source.system", text: "system.model in claimcheck.yaml" };

/** Where each adapter found the model name, for the finding's location. */
const MODEL_KEY: Readonly<Record<string, string>> = {
  "vllm-bench": "model_id",
  "sglang-bench": "server_info.model_path",
  "genai-perf-export": "request_inputs.payload.model",
  "llmperf-summary": "model",
};

interface DeclaredRow {
  role: string;
  path: string;
  line: number;
  name: ModelName;
}

interface Verdict {
  severity: "error" | "warning";
  closest: ModelName;
}

function declaredRows(inputs: readonly RoleEvidence[]): DeclaredRow[] {
  return inputs.flatMap((input) =>
    (input.parsed.models ?? []).map((m) => ({
      role: input.role,
      path: input.path,
      line: m.line,
      name: parseModelName(m.name),
    })),
  );
}

/** Undefined when the logged model is one of the declared ones (or nothing is declared). */
function compareWith(logged: ModelName, names: readonly ModelName[]): Verdict | undefined {
  if (names.length === 0) return undefined;
  const relations = names.map((name) => compareModelNames(logged, name));
  if (relations.includes("same")) return undefined;
  const unclear = names[relations.indexOf("unclear")];
  if (unclear !== undefined) return { severity: "warning", closest: unclear };
  return { severity: "error", closest: names[0] as ModelName };
}

/**
 * models.csv may list more models than `system.model` names (4.2 lists the online and the offline
 * model), but one of its rows must be a stated model: two declarations that contradict each other
 * cannot both back a model requirement.
 */
function compareDeclarations(rows: readonly DeclaredRow[], stated: readonly ModelName[]) {
  if (rows.length === 0 || stated.length === 0) return undefined;
  const verdicts = rows.map((row) => compareWith(row.name, stated));
  if (verdicts.includes(undefined)) return undefined;
  return verdicts.find((v) => v?.severity === "warning") ?? verdicts[0];
}

function declarationFinding(row: DeclaredRow, verdict: Verdict): Finding {
  const plainly = verdict.severity === "error" ? "none of its rows is" : "no row is plainly";
  return createFinding(
    "MODEL_MISMATCH",
    verdict.severity,
    `models.csv declares \`${row.name.text}\` (${describeModel(row.name)}), but system.model in claimcheck.yaml declares \`${verdict.closest.text}\` (${describeModel(verdict.closest)}), and ${plainly} that model. Make the two declarations agree.`,
    { path: row.path, line: row.line },
    {
      variant: "model_crosscheck_1",
      text: row.name.text,
      describe_model: describeModelRef(row.name),
      text2: verdict.closest.text,
      describe_model2: describeModelRef(verdict.closest),
      plainly: {
        key: verdict.severity === "error" ? "model_plainly.no_row" : "model_plainly.no_row_plainly",
        text: plainly,
      },
    },
  );
}

function mismatch(
  logged: ModelName,
  verdict: Verdict,
  source: string | MessageRef,
  where: Finding["location"],
): Finding {
  const plainly = verdict.severity === "error" ? "come" : "may come";
  return createFinding(
    "MODEL_MISMATCH",
    verdict.severity,
    `The log ran \`${logged.text}\` (${describeModel(logged)}), but ${typeof source === "string" ? source : source.text} declares \`${verdict.closest.text}\` (${describeModel(verdict.closest)}): the numbers ${plainly} from another model than the one declared. Submit the log of the declared model, or correct the declaration.`,
    where,
    {
      variant: "model_crosscheck_2",
      text: logged.text,
      describe_model: describeModelRef(logged),
      source,
      text2: verdict.closest.text,
      describe_model2: describeModelRef(verdict.closest),
      plainly,
    },
  );
}

function rowFinding(row: DeclaredRow, logged: ModelName, logPath: string): Finding {
  return createFinding(
    "MODEL_MISMATCH",
    "error",
    `This row declares \`${row.name.text}\` (${describeModel(row.name)}), but the request log ${logPath} ran \`${logged.text}\` (${describeModel(logged)}); a model requirement cannot pass on a declaration the evidence contradicts. Correct models.csv or submit the declared model's log.`,
    { path: row.path, line: row.line },
    {
      variant: "model_crosscheck_3",
      text: row.name.text,
      describe_model: describeModelRef(row.name),
      log_path: logPath,
      text2: logged.text,
      describe_model2: describeModelRef(logged),
    },
  );
}
