/** pass^k per task and over tasks, from per-trial outcomes. */
export interface PassHatKResult {
  k: number;
  value: number;
  taskIds: string[];
  /** C(c_t, k) / C(n_t, k) per task, in order of first appearance. */
  perTask: Float64Array;
  /** Trials per task; τ-bench assumes every task ran the same number. */
  trials: Int32Array;
}

/**
 * τ-bench's pass^k (`tau_bench/run.py` `display_metrics`): the mean over tasks of C(c_t, k)/C(n_t, k),
 * the chance that k trials drawn without replacement from the task's n_t trials all succeed. With
 * n_t equal for every task (the τ-bench layout) this is exactly the tool's number; a task with fewer
 * than k trials scores NaN (the caller reports it).
 */
export function computePassHatK(itemId: readonly string[], success: Uint8Array, k: number): PassHatKResult {
  const index = new Map<string, number>();
  const successes: number[] = [];
  const trials: number[] = [];
  itemId.forEach((id, row) => {
    let t = index.get(id);
    if (t === undefined) {
      t = successes.length;
      index.set(id, t);
      successes.push(0);
      trials.push(0);
    }
    successes[t] = (successes[t] as number) + (success[row] as number);
    trials[t] = (trials[t] as number) + 1;
  });
  const perTask = Float64Array.from(successes, (c, t) => {
    const n = trials[t] as number;
    return n < k ? Number.NaN : choose(c, k) / choose(n, k);
  });
  const value = perTask.reduce((sum, v) => sum + v, 0) / perTask.length;
  return { k, value, taskIds: [...index.keys()], perTask, trials: Int32Array.from(trials) };
}

// --- internal ---

/** Binomial coefficient C(n, k), exact for the small n of trial counts (0 when k > n). */
function choose(n: number, k: number): number {
  if (k > n) return 0;
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}
