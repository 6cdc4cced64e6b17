/**
 * How the quality metrics (retrieval, generation, accuracy, outcomes, pass^k) and the long-context
 * serving metrics obtained a value, and why they could not. The English is byte-identical to the
 * sentence the metric stores in `measured.method` / `reason`; metric ids, column names, task ids and
 * tool names (trec_eval, rouge-score, sacreBLEU, τ-bench) stay as written in Chinese.
 */
export const messages: Record<string, { en: string; zh: string }> = {
  // --- shared by the paired quality bootstraps ---
  "method.quality_bootstrap": {
    en: "{paired, select, yes {paired } other {}}bootstrap over {n} {unit}, {resamples} resamples, seed {seed}",
    zh: "{n} 个{unit, select, queries {查询} items {条目} segments {句段} tasks {任务} other {{unit}}}上的{paired, select, yes {配对} other {}}自助法，{resamples} 次重抽样，种子 {seed}",
  },
  "reason.quality_change_undefined": {
    en: "The {role} scores {b}, so a relative change over it is undefined; check that both sides were scored on the same items and judgments.",
    zh: "{role}得分为 {b}，相对它的变化没有定义；请检查两侧是否在相同的条目和相关性标注上评分。",
  },
  // --- retrieval (TREC run + qrels) ---
  "method.retrieval_spec": {
    en: "{measure} with trec_eval -c semantics (linear gain, ties by docno, unjudged = non-relevant, relevance level {level})",
    zh: "{measure}，按 trec_eval -c 的口径（线性增益，同分按文档编号排序，未标注文档视为不相关，相关等级阈值 {level}）",
  },
  "method.retrieval_absolute": { en: "{spec}; {bootstrap}", zh: "{spec}；{bootstrap}" },
  "method.retrieval_change": {
    en: "{spec}: {c} vs {role} {b}, change of the means; {bootstrap}",
    zh: "{spec}：候选 {c}，{role} {b}，按均值计算变化；{bootstrap}",
  },
  "missing.retrieval_candidate": {
    en: "No candidate TREC run was submitted; add evidence.candidate (qid Q0 docno rank score tag).",
    zh: "未提交候选 TREC 检索结果；请添加 evidence.candidate（qid Q0 docno rank score tag）。",
  },
  "missing.retrieval_qrels": {
    en: "No qrels were submitted; add evidence.qrels (qid iter docno rel), the judgments both runs are scored with.",
    zh: "未提交相关性标注（qrels）；请添加 evidence.qrels（qid iter docno rel），两个检索结果都按它评分。",
  },
  "missing.retrieval_baseline": {
    en: "No {role} TREC run was submitted; the improvement is measured against that run, not a published number.",
    zh: "未提交{role} TREC 检索结果；提升是相对该检索结果测得的，而不是相对已发表的数字。",
  },
  // --- generation (ROUGE, BLEU) ---
  "method.rouge": {
    en: "mean {name} F over items (rouge-score semantics, tokenizer {tokenizer}, no stemming){versus, select, yes { {c} vs {role} {b}} other {}}; {bootstrap}",
    zh: "逐条目 {name} F 值的均值（rouge-score 口径，{tokenizer, select, default {默认分词器} char {按字分词} whitespace {按空格分词} other {分词器 {tokenizer}}}，不做词干还原）{versus, select, yes {：候选 {c}，{role} {b}} other {}}；{bootstrap}",
  },
  "method.bleu": {
    en: "corpus BLEU (sacreBLEU {signature}){versus, select, yes { {c} vs {role} {b}} other {}}; {bootstrap}",
    zh: "语料级 BLEU（sacreBLEU {signature}）{versus, select, yes {：候选 {c}，{role} {b}} other {}}；{bootstrap}",
  },
  "missing.generation_baseline": {
    en: "No {role} generation pairs were submitted; the change is measured against the baseline's outputs on the same items.",
    zh: "未提交{role}生成结果对；变化是相对基线在相同条目上的输出测得的。",
  },
  "reason.generation_no_common_item": {
    en: "The candidate and {role} generation files share no item_id.",
    zh: "候选与{role}的生成结果文件没有共同的 item_id。",
  },
  "reason.rouge_tokenizer_unknown": {
    en: 'ROUGE tokenizer "{name}" is not one claimcheck reproduces; declare char (one token per Chinese character), whitespace (for text you segmented, e.g. with jieba) or default (rouge-score, English only).',
    zh: "claimcheck 无法复现 ROUGE 分词器“{name}”；请声明 char（每个汉字一个 token）、whitespace（适用于已自行分词的文本，如用 jieba 分词）或 default（rouge-score，仅适用于英文）。",
  },
  "reason.bleu_tokenizer_unknown": {
    en: 'BLEU tokenizer "{name}" is not one claimcheck reproduces; declare 13a (sacreBLEU\'s default), zh (Chinese) or none (pre-tokenized text).',
    zh: "claimcheck 无法复现 BLEU 分词器“{name}”；请声明 13a（sacreBLEU 默认）、zh（中文）或 none（已分词的文本）。",
  },
  "reason.generation_tokenizer_english": {
    en: "The texts are Chinese but the {family} tokenizer is {english}: {why}. Declare tokenizer {chinese} and recompute both sides with it.",
    zh: "文本是中文，但 {family} 分词器为 {english}：{why}。请声明 tokenizer {chinese}，并用它重新计算两侧。",
  },
  "tokenizer_why.rouge": {
    en: "rouge-score's default tokenizer deletes every non-ASCII character, so Chinese text scores 0",
    zh: "rouge-score 的默认分词器会删去所有非 ASCII 字符，中文文本因此得 0 分",
  },
  "tokenizer_why.bleu": {
    en: "tok:13a treats a whole unsegmented Chinese clause as one word",
    zh: "tok:13a 会把整句未分词的中文当作一个词",
  },
  // --- accuracy (lm-eval, OpenCompass, accuracy CSV) ---
  "method.accuracy_mean": {
    en: "mean of {count} task score(s) ({list}); normal bound from the per-task standard errors",
    zh: "{count} 个任务得分的均值（{list}）；由各任务标准误得到的正态近似置信界",
  },
  "method.accuracy_change": {
    en: "mean of {count} task score(s) {c} vs {role} {b} (absolute drop {points} points, relative {relative} %); {bound}",
    zh: "{count} 个任务得分的均值：候选 {c}，{role} {b}（绝对下降 {points} 个百分点，相对下降 {relative} %）；{bound}",
  },
  "method.accuracy_delta_method": {
    en: "delta-method normal bound from per-task standard errors, unpaired (conservative for the same items)",
    zh: "由各任务标准误经一阶误差传播得到的正态近似置信界，非配对（两侧为相同条目时偏保守）",
  },
  "method.accuracy_item_bootstrap": {
    en: "paired bootstrap over {items} items within {tasks} task(s), {resamples} resamples, seed {seed}",
    zh: "在 {tasks} 个任务内分层、{items} 个条目上的配对自助法，{resamples} 次重抽样，种子 {seed}",
  },
  "partial.accuracy_truncated": {
    en: "the accuracy run in {where} scored only part of the test set ({code}); rerun on the full test sets without --limit.",
    zh: "{where} 中的准确率评测只覆盖了测试集的一部分（{code}）；请去掉 --limit，在完整测试集上重新运行。",
  },
  "partial.accuracy_file": { en: "an accuracy file", zh: "某个准确率文件" },
  "missing.accuracy_file": {
    en: "No {role} accuracy file was submitted (lm-eval results JSON or samples, OpenCompass summary, or the accuracy CSV).",
    zh: "未提交{role}准确率文件（lm-eval 结果 JSON 或样本、OpenCompass 汇总，或准确率 CSV）。",
  },
  "reason.accuracy_no_common_task": {
    en: "The candidate and {role} share no task.",
    zh: "候选与{role}没有共同的任务。",
  },
  "reason.accuracy_many_models": {
    en: "The accuracy file holds {count} models ({models}); declare which one with the claim condition `model`.",
    zh: "准确率文件包含 {count} 个模型（{models}）；请用声明条件 `model` 指明是哪一个。",
  },
  "reason.accuracy_no_model": {
    en: "The accuracy file has no scores for model {model}.",
    zh: "准确率文件中没有模型 {model} 的得分。",
  },
  "reason.accuracy_task_no_score": {
    en: "Task {task} has no {metric} score in the file; check the declared tasks and metric.",
    zh: "文件中任务 {task} 没有 {metric} 得分；请检查声明的任务和指标。",
  },
  "reason.accuracy_score_word": { en: "accuracy", zh: "准确率" },
  "reason.accuracy_no_score": {
    en: "No task in the accuracy file has an accuracy-like score (acc, exact_match, …).",
    zh: "准确率文件中没有任何任务带有准确率类得分（acc、exact_match 等）。",
  },
  "missing.long_context_tasks": {
    en: "The accuracy file has no long-context task (RULER, LongBench, NIAH, InfiniteBench, …; it holds {held}); run them, or declare the tasks with the claim condition `tasks`.",
    zh: "准确率文件中没有长上下文任务（RULER、LongBench、NIAH、InfiniteBench 等；文件中的任务有 {held}）；请运行这些任务，或用声明条件 `tasks` 指明任务。",
  },
  // --- judged items (outcomes) ---
  "method.outcomes_change": {
    en: "{id} {c} ({cn} items) vs {role} {b} ({bn} items); {paired, select, yes {paired bootstrap over items (both files judged the same items)} other {bootstrap over items, unpaired (the two files judged different items)}}, {resamples} resamples, seed {seed}",
    zh: "{id}：候选 {c}（{cn} 个条目），{role} {b}（{bn} 个条目）；{paired, select, yes {条目上的配对自助法（两个文件判定的是相同条目）} other {条目上的非配对自助法（两个文件判定的条目不同）}}，{resamples} 次重抽样，种子 {seed}",
  },
  "method.outcomes_clustered": {
    en: "{trials} trials of {n} items: mean of per-item success shares; bootstrap over items (trials of one item are not independent), {resamples} resamples, seed {seed}",
    zh: "{n} 个条目共 {trials} 次试验：各条目成功比例的均值；按条目做自助法（同一条目的多次试验并不独立），{resamples} 次重抽样，种子 {seed}",
  },
  "method.outcomes_latency": {
    en: "p{p} of latency_ms over {n} items; order-statistic bound",
    zh: "{n} 个条目 latency_ms 的 p{p}；次序统计量置信界",
  },
  "method.outcomes_latency_change": {
    en: "p{p} latency_ms {c} vs {role} {b} ms; bootstrap over items ({resamples} resamples, seed {seed})",
    zh: "latency_ms 的 p{p}：候选 {c} ms，{role} {b} ms；条目上的自助法（{resamples} 次重抽样，种子 {seed}）",
  },
  "missing.outcomes_baseline": {
    en: "No {role} outcomes file was submitted; the change is measured against it.",
    zh: "未提交{role}结果文件；变化是相对它测得的。",
  },
  "missing.outcomes_latency": {
    en: "No outcomes file with latency_ms was submitted.",
    zh: "未提交带 latency_ms 的结果文件。",
  },
  "missing.outcomes_latency_baseline": {
    en: "No {role} outcomes file with latency_ms was submitted.",
    zh: "未提交带 latency_ms 的{role}结果文件。",
  },
  "reason.outcomes_no_latency": {
    en: "The outcomes file has no latency_ms values; fill in the time to each outcome.",
    zh: "结果文件没有 latency_ms 值；请填入得到每个结果所用的时间。",
  },
  // --- pass^k (τ-bench) ---
  "method.pass_hat_k": {
    en: "pass^{k} = mean over tasks of C(c,{k})/C(n,{k}) (τ-bench display_metrics) over {n} tasks × {trials} trials; {bootstrap}",
    zh: "pass^{k} = 各任务 C(c,{k})/C(n,{k}) 的均值（τ-bench display_metrics），{n} 个任务 × {trials} 次试验；{bootstrap}",
  },
  "method.pass_hat_k_change": {
    en: "pass^{k} = mean over tasks of C(c,{k})/C(n,{k}) (τ-bench display_metrics): {c} vs {role} {b}; {bootstrap}",
    zh: "pass^{k} = 各任务 C(c,{k})/C(n,{k}) 的均值（τ-bench display_metrics）：候选 {c}，{role} {b}；{bootstrap}",
  },
  "missing.pass_hat_k": {
    en: "No per-trial outcomes were submitted; add the τ-bench results file or an outcomes CSV with a trial column.",
    zh: "未提交逐次试验的结果；请添加 τ-bench 结果文件，或带 trial 列的 outcomes CSV。",
  },
  "missing.pass_hat_k_baseline": {
    en: "No {role} per-trial outcomes were submitted.",
    zh: "未提交{role}逐次试验的结果。",
  },
  "reason.pass_hat_k_no_common_task": {
    en: "The candidate and {role} share no task ids.",
    zh: "候选与{role}没有共同的任务 id。",
  },
  "reason.pass_hat_k_few_trials": {
    en: "{count} {role} task(s) have fewer than {k} trials (first: {first}); pass^{k} needs at least {k} trials of every task.",
    zh: "{role}有 {count} 个任务的试验次数少于 {k}（第一个：{first}）；pass^{k} 要求每个任务至少 {k} 次试验。",
  },
  // --- long context (5.1) ---
  "method.long_context_max": {
    en: "longest input of {n} successful request(s), in the log's token counts; an exact reading{served, select, yes {; {role} served at most {max} tokens} other {}}",
    zh: "{n} 个成功请求中最长的输入，按日志自身的 token 计数；精确读数{served, select, yes {；{role}最长只服务到 {max} tokens} other {}}",
  },
  "method.long_context_ttft": {
    en: "p99 TTFT ({interpolation} interpolation) of the {n} successful request(s) with inputs of {floor}–{ceiling} tokens (the longest context bucket); order-statistic bound{none, select, yes {, none at {confidence} from {n} requests (at least {minimum} needed)} other {}}",
    zh: "输入为 {floor}–{ceiling} tokens（最长上下文分桶）的 {n} 个成功请求的 p99 TTFT（{interpolation}插值）；次序统计量置信界{none, select, yes {：{n} 个请求在置信水平 {confidence} 下不足以给出置信界（至少需要 {minimum} 个）} other {}}",
  },
  "method.long_context_ttft_change": {
    en: "1 − candidate / {role} p99 TTFT at the longest context both served (inputs of {floor}–{ceiling} tokens): candidate {c} ms over {cn}, {role} {b} ms over {bn}; order-statistic intervals at {level} each, combined (Bonferroni)",
    zh: "1 − 候选 / {role}，取两者都服务过的最长上下文（输入 {floor}–{ceiling} tokens）上的 p99 TTFT：候选 {c} ms（{cn} 个请求），{role} {b} ms（{bn} 个请求）；两侧各取置信水平 {level} 的次序统计量区间再合并（Bonferroni）",
  },
  "missing.long_context_log": {
    en: "No {role} request log was submitted (vLLM/SGLang bench results with per-request prompt lengths, or the serving-requests CSV).",
    zh: "未提交{role}请求日志（带逐请求提示长度的 vLLM/SGLang bench 结果，或 serving-requests CSV）。",
  },
  "missing.long_context_lengths": {
    en: "The {role} request log records no prompt lengths (input tokens); {advice}.",
    zh: "{role}请求日志没有记录提示长度（输入 token 数）；{advice}。",
  },
  "missing.long_context_lengths_advice": {
    en: "submit per-request results with their input token counts",
    zh: "请提交带输入 token 数的逐请求结果",
  },
  "missing.long_context_no_success": {
    en: "The {role} request log has no successful request with a prompt length.",
    zh: "{role}请求日志中没有带提示长度的成功请求。",
  },
  "missing.long_context_bucket": {
    en: "No successful request with a TTFT has an input of {floor}–{ceiling} tokens.",
    zh: "没有输入为 {floor}–{ceiling} tokens 且带 TTFT 的成功请求。",
  },
};
