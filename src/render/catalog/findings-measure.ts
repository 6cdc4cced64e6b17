/**
 * Findings raised while the measure stage runs, by code. A code whose sentence differs by
 * where it is raised selects its variant with the `variant` param the finding stores.
 */
export const messages: Record<string, { en: string; zh: string }> = {
  LINK_RATE_UNVERIFIED: {
    en: "{variant, select, declared {The link rate ({label}) is the team''s own number, not a catalog entry; the officer checks it against the hardware.} other {The catalog''s link rate ({label}) is not verified against a vendor document; the officer checks it.}}",
    zh: "{variant, select, declared {链路速率（{label}）是团队自报的数字，不是目录条目；由项目官员对照硬件核查。} other {目录中的链路速率（{label}）未经厂商文档核实；由项目官员核查。}}",
  },
  TFLOPS_MISMATCH: {
    en: "The log says {printed} TFLOP/s/GPU at iteration {iteration}; the argument dump gives {before} (pre-2025-03 formula) or {current} (current): either the arguments, the GPU count or the number is not this run''s, or this Megatron version counts FLOPs another way; submit the log with its whole argument dump.",
    zh: "日志在第 {iteration} 次迭代报告 {printed} TFLOP/s/GPU；由参数转储算得 {before}（2025-03 之前的公式）或 {current}（当前公式）：参数、GPU 数量或该数字不属于这次运行，或该 Megatron 版本以另一种方式计算 FLOPs；请提交带完整参数转储的日志。",
  },
  ACCURACY_ITEMS_DIFFER: {
    en: "{task}: the candidate scored {doc_ids_count} documents and the baseline {doc_ids_count2}; only the {common_count} common ones are compared.",
    zh: "{task}：候选评测了 {doc_ids_count} 个文档，基线 {doc_ids_count2} 个；只比较共同的 {common_count} 个。",
  },
  ACCURACY_METRIC_UNDECLARED: {
    en: "{ambiguous} report both acc and acc_norm and the claim does not say which counts; acc is used. Declare the metric per task (condition `metric`).",
    zh: "{ambiguous} 同时报告了 acc 和 acc_norm，而声明未说明以哪个为准；采用 acc。请按任务声明指标（条件 `metric`）。",
  },
  ACCURACY_PROTOCOL_DIFFERS: {
    en: "{differ}: n-shot, task version or item count differ between the candidate and the {role}; run both with the same harness configuration.",
    zh: "{differ}：候选与{role}的 n-shot、任务版本或条目数不同；请以相同的评测配置运行两者。",
  },
  ACCURACY_TASKS_DIFFER: {
    en: "The candidate scores {candidate_count} task(s) and the {role} {baseline_count}; only the {common_count} common one(s) are compared. Evaluate both on the same tasks and metrics.",
    zh: "候选评测了 {candidate_count} 个任务，{role}评测了 {baseline_count} 个；只比较共同的 {common_count} 个。请在相同的任务和指标上评测两者。",
  },
  ACCURACY_TASKS_SKIPPED: {
    en: "{skipped} have no accuracy-like score and are left out of the mean; declare the tasks (condition `tasks`) to make the set explicit.",
    zh: "{skipped} 没有类似准确率的得分，未计入平均；请声明任务（条件 `tasks`）使集合明确。",
  },
  BUSBW_ABOVE_LINE_RATE: {
    en: "busbw {value} GB/s exceeds the {value2} GB/s line rate per direction ({label}); {above_line_rate_advice}",
    zh: "总线带宽 busbw {value} GB/s 超过单向线速 {value2} GB/s（{label}）；{above_line_rate_advice}",
  },
  COLLECTIVE_RANKS_DIFFER: {
    en: "The candidate ran on {ranks} ranks and the baseline on {ranks2}; busbw is comparable across rank counts, but topology changes with them.",
    zh: "候选在 {ranks} 个 rank 上运行，基线在 {ranks2} 个上；busbw 可跨 rank 数比较，但拓扑随之变化。",
  },
  COLLECTIVE_RANKS_SYSTEM: {
    en: "The log ran on {ranks} ranks{hosts} but the submission declares {said}; busbw depends on the rank count, so the declaration or the log is not this system''s.{hint}",
    zh: "日志在 {ranks} 个 rank 上运行{hosts}，但提交声明的是 {said}；总线带宽 busbw 取决于 rank 数，因此声明或日志不属于该系统。{hint}",
  },
  COLLECTIVE_SEVERAL_TESTS: {
    en: "The log holds {tests_count} {wanted} tests; the last one (line {line}) is judged.",
    zh: "日志包含 {tests_count} 个 {wanted} 测试；判定最后一个（第 {line} 行）。",
  },
  GENERATION_ITEMS_DIFFER: {
    en: "The candidate has {rows} items and the {role} {rows2}; only the {rows_count} common items are compared. Score both on the same item list.",
    zh: "候选有 {rows} 个条目，{role}有 {rows2} 个；只比较共同的 {rows_count} 个。请在同一条目列表上评测两者。",
  },
  GENERATION_REFERENCES_DIFFER: {
    en: "{differing} item(s) have a different reference in the candidate and {role} files; both sides must be scored against the same references.",
    zh: "{differing} 个条目在候选与{role}文件中的参考答案不同；两侧必须以相同的参考答案评分。",
  },
  GENERATION_TOKENIZER_DROPS_CJK: {
    en: "{family} with the {english} tokenizer on Chinese text is meaningless ({why}); declare tokenizer: {chinese}.",
    zh: "用 {english} 分词器在中文文本上计算 {family} 没有意义（{why}）；请声明 tokenizer: {chinese}。",
  },
  GENERATION_TOKENIZER_UNDECLARED: {
    en: "The texts are Chinese and the claim declares no tokenizer; {family} was computed with {chinese}. Declare the tokenizer with the claim (condition tokenizer) so both sides use the same one.",
    zh: "文本是中文而声明未指定分词器；{family} 已用 {chinese} 计算。请在声明中指定分词器（条件 tokenizer），使两侧使用同一个。",
  },
  OUTCOMES_TASKS_DIFFER: {
    en: "The candidate has {task_ids_count} tasks and the {role} {task_ids_count2}; only the {ids_count} common tasks are compared. Run both on the same fixed task list.",
    zh: "候选有 {task_ids_count} 个任务，{role}有 {task_ids_count2} 个；只比较共同的 {ids_count} 个。请在同一固定任务列表上运行两者。",
  },
  OUTCOMES_UNEVEN_TRIALS: {
    en: "The {role} tasks have different numbers of trials ({b}); τ-bench assumes the same n for every task, so rerun the missing trials.",
    zh: "{role}各任务的试验次数不同（{b}）；τ-bench 假定每个任务的 n 相同，请补跑缺少的试验。",
  },
  RETRIEVAL_JUDGED_GAP: {
    en: "Judged@10 is {show} for the candidate and {show2} for the {role}: unjudged documents count as non-relevant, so the comparison is biased against the run with fewer judged results; extend the judgments (pool both runs) before relying on it.",
    zh: "候选的 Judged@10 为 {show}，{role}为 {show2}：未标注文档按不相关计，比较会偏向不利于已标注结果较少的一方；请先扩充标注（合并两方结果池）再据此判断。",
  },
  RETRIEVAL_QUERIES_MISSING: {
    en: "The {role} run has no results for {missing_from_run_count} qrels quer{ies} ({preview}); they score 0 (trec_eval -c). Submit results for every query.",
    zh: "{role}运行结果缺少 {missing_from_run_count} 个 qrels 查询（{preview}）的结果；它们记为 0 分（trec_eval -c）。请为每个查询提交结果。",
  },
  RETRIEVAL_QUERIES_UNJUDGED: {
    en: "The {role} run has {without_qrels_count} quer{ies} with no judgments ({preview}); they are not scored.",
    zh: "{role}运行结果中有 {without_qrels_count} 个查询没有标注（{preview}）；这些查询不计分。",
  },
  SAMPLES_TOO_FEW: {
    en: "{n} successful requests cannot bound the p{p} of {column} at {confidence} % confidence: no order statistic is high enough below {minimum} requests. Run at least {minimum2}.",
    zh: "{n} 个成功请求无法在 {confidence} % 置信度下给出 {column} 的 p{p} 的置信界：少于 {minimum} 个请求时没有足够高的顺序统计量。请至少运行 {minimum2} 个。",
  },
  TFLOPS_ABOVE_PEAK: {
    en: "{value} TFLOP/s per GPU exceeds the {name}''s dense {to_upper_case} peak of {tflops}: the model shape, the GPU count or the accelerator is wrong.",
    zh: "每 GPU {value} TFLOP/s 超过 {name} 的稠密 {to_upper_case} 峰值 {tflops}：模型形状、GPU 数量或加速卡有误。",
  },
  TRAINING_PEAK_NORMALIZED: {
    en: "No homogeneous run of {model}: its share of the reference is scaled by catalog dense BF16 peaks ({tflops} vs {tflops2} TFLOP/s{unverified}); a measured run is better evidence.",
    zh: "没有 {model} 的同构运行：其在参考值中的份额按目录中的稠密 BF16 峰值缩放（{tflops} 对 {tflops2} TFLOP/s{unverified}）；实测运行是更好的证据。",
  },
  UTILIZATION_DENOMINATOR: {
    en: "The claimed {claimed_percent} % matches {why}; the requirement divides the window''s median busbw {value} GB/s by the line rate per direction ({label}), which gives {value2} %.",
    zh: "声明的 {claimed_percent} % 与{why}相符；该要求用窗口内 busbw 的中位数 {value} GB/s 除以单向线速（{label}），得 {value2} %。",
  },
};
