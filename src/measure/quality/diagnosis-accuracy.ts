import type { MetricDefinition } from "../metric.ts";
import { OUTCOME_METRICS } from "./outcome-metrics.ts";

/**
 * `outcomes.diagnosis_accuracy` (2.2, 类型识别的综合准确率): the share of diagnosed faults whose type
 * is the injected one, from the outcomes file under the requirement's own role (`diagnosis`) only —
 * never the fault-coverage file, whose `success` says a fault was found, not that its type was right.
 * One row per diagnosed fault: `expected` the injected type, `observed` the diagnosed one (or
 * `success` 1 when they match). Clopper–Pearson bound, as `outcomes.accuracy`.
 */
export const diagnosisAccuracy: MetricDefinition = {
  id: "outcomes.diagnosis_accuracy",
  unit: "fraction",
  better: "higher",
  evaluate(input) {
    const role = input.candidateRole ?? "diagnosis";
    const own = input.evidence[role];
    if (own?.kind !== "outcomes")
      return {
        unavailable: "missing",
        reason: `No outcomes file under the role ${role} was submitted: one row per diagnosed fault with expected (the injected type) and observed (the diagnosed type); \`claimcheck template outcomes\` prints its header.`,
        reasonRef: { key: "missing.diagnosis_outcomes", params: { role } },
      };
    return ACCURACY.evaluate({ ...input, evidence: { [role]: own }, candidateRole: role });
  },
};

// --- internal ---

const ACCURACY = OUTCOME_METRICS.find((m) => m.id === "outcomes.accuracy") as MetricDefinition;
