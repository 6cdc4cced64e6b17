import { createFinding } from "../../model/create-finding.ts";
import type { Finding } from "../../model/finding.ts";
import type { AccuracyScore } from "../../model/quality.ts";

export interface GroupRecomputation {
  scores: AccuracyScore[];
  /** Tasks that are no group's subtask (e.g. `mmlu`, `arc_easy`), in file order. */
  topLevel: string[];
  findings: Finding[];
}

/**
 * Replaces each group row (e.g. `mmlu`) with the value recomputed from its leaf subtasks as
 * lm-eval 0.4 aggregates them by default (`weight_by_size`): the n-weighted mean, and the pooled
 * stderr sqrt(Σ(n_i−1)·se_i²·n_i / (N−k) / N). A file whose group value matches only the unweighted
 * mean is read that way, with a note; one that matches neither is flagged.
 */
export function recomputeGroups(
  scores: AccuracyScore[],
  subtasks: ReadonlyMap<string, string[]>,
  path: string,
): GroupRecomputation {
  const findings: Finding[] = [];
  const leavesOf = (task: string): string[] => {
    const children = subtasks.get(task) ?? [];
    return children.length === 0 ? [task] : children.flatMap(leavesOf);
  };
  const out = scores.map((score) => {
    if ((subtasks.get(score.task) ?? []).length === 0) return score;
    const leaves = new Set(leavesOf(score.task));
    const members = scores.filter(
      (s) => leaves.has(s.task) && s.metric === score.metric && s.filter === score.filter,
    );
    return recomputeOne(score, members, path, findings);
  });
  const children = new Set([...subtasks.values()].flat());
  const topLevel = [...new Set(scores.map((s) => s.task))].filter((t) => !children.has(t));
  return { scores: out, topLevel, findings };
}

// --- internal ---

function recomputeOne(
  group: AccuracyScore,
  members: AccuracyScore[],
  path: string,
  findings: Finding[],
): AccuracyScore {
  const where = {
    path,
    ...(group.line === undefined ? {} : { line: group.line }),
    column: `${group.task}.${group.metric}`,
  };
  if (members.length === 0 || members.some((m) => !(m.n > 0))) {
    findings.push(
      createFinding(
        "LM_EVAL_GROUP_NOT_RECOMPUTED",
        "warning",
        `Group ${group.task} ${group.metric} cannot be recomputed (its subtasks or their n-samples are missing), so the reported value is used; submit the full results file.`,
        where,
        { task: group.task, metric: group.metric },
      ),
    );
    return { ...group, group: true };
  }
  let weighted = 0;
  let size = 0;
  let pooled = 0;
  for (const m of members) {
    weighted += m.value * m.n;
    size += m.n;
    pooled += (m.n - 1) * m.stderr ** 2 * m.n;
  }
  const value = weighted / size;
  const stderr = Math.sqrt(pooled / (size - members.length) / size);
  const unweighted = members.reduce((s, m) => s + m.value, 0) / members.length;
  if (close(value, group.value)) return { ...group, value, stderr, n: size, group: true };
  if (close(unweighted, group.value)) {
    findings.push(
      createFinding(
        "LM_EVAL_GROUP_UNWEIGHTED",
        "info",
        `Group ${group.task} ${group.metric} is the unweighted mean of its ${members.length} subtasks (weight_by_size: false); claimcheck reads it that way.`,
        where,
        { task: group.task, metric: group.metric, members_count: members.length },
      ),
    );
    return { ...group, value: unweighted, n: size, group: true };
  }
  findings.push(
    createFinding(
      "LM_EVAL_GROUP_MISMATCH",
      "warning",
      `Group ${group.task} ${group.metric} is ${group.value} in the file but ${value} recomputed from its ${members.length} subtasks (n-weighted); claimcheck uses the recomputed value. Check that the file was not edited.`,
      where,
      {
        task: group.task,
        metric: group.metric,
        value: group.value,
        value2: value,
        members_count: members.length,
      },
    ),
  );
  return { ...group, value, stderr, n: size, group: true };
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
}
