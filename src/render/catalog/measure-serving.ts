/**
 * How the serving metrics obtained a value (`method.*`) and why they found none (`missing.*`,
 * `invalid.*`): rates over a run, reported summaries, success counts. The English is byte-identical to
 * the sentence the metric stores; ids, column names and tool names stay as written in Chinese.
 */
export const messages: Record<string, { en: string; zh: string }> = {
  // --- statistics quoted in a sentence (a percentile such as p99 is a symbol and stays) ---
  "statistic.mean": { en: "mean", zh: "均值" },
  "statistic.median": { en: "median", zh: "中位数" },
  // --- latency percentiles and means ---
  "invalid.serving_no_success": {
    en: "The request log has no successful request with {column}; check the file.",
    zh: "请求日志中没有带 {column} 的成功请求；请检查文件。",
  },
  "invalid.serving_side_no_success": {
    en: "The {side} log has no successful request with {column}.",
    zh: "{side}日志中没有带 {column} 的成功请求。",
  },
  "missing.serving_baseline": {
    en: "{id} is judged relative to the {role_word}, and no {role_word} request log was submitted; add evidence.{role} (the same workload without the change).",
    zh: "{id} 要与{role_word}对比判定，但未提交{role_word}请求日志；请添加 evidence.{role}（不含该改动、负载相同的运行）。",
  },
  "missing.serving_reported_statistic": {
    en: "The {format} file has no per-request data and does not report {statistic} {column}; submit per-request results (e.g. vLLM --save-detailed).",
    zh: "该 {format} 文件没有逐请求数据，也未报告 {column} 的{statistic}；请提交逐请求结果（如 vLLM --save-detailed）。",
  },
  "method.serving_reported": {
    en: "reported by {format}{interpolation, select, none {} other { ({interpolation})}}; no per-request data, so no confidence bound",
    zh: "取自 {format} 的报告值{interpolation, select, none {} other {（{interpolation}）}}；没有逐请求数据，因此没有置信界",
  },
  // --- rates over a run ---
  "method.throughput_span": {
    en: "{total} over {seconds} s from the first send to the last completion; one run, no sampling bound",
    zh: "共 {total}，历时 {seconds} s（从第一个请求发出到最后一个请求完成）；单次运行，无抽样置信界",
  },
  "method.throughput_change": {
    en: "{id} {c} vs {role} {b} {unit}; one run each, no sampling bound",
    zh: "{id}：候选 {c}，{role} {b} {unit}；各为单次运行，无抽样置信界",
  },
  "method.reported_by": { en: "reported by {format}", zh: "取自 {format} 的报告值" },
  "missing.throughput_log": {
    en: "No {role} request log with send times was submitted for {id}.",
    zh: "未提交 {id} 所需的带发送时间的{role}请求日志。",
  },
  "missing.goodput_slo": {
    en: "Goodput needs an SLO: declare slo_ttft_ms and/or slo_tpot_ms in the claim's conditions.",
    zh: "有效吞吐量需要 SLO：请在声明的条件中写明 slo_ttft_ms 和/或 slo_tpot_ms。",
  },
  "invalid.throughput_no_start": {
    en: "The {role} request log has no start_s times; add send times to compute {id}.",
    zh: "{role}请求日志没有 start_s 时间；请补上发送时间，才能计算 {id}。",
  },
  // --- success rate ---
  "missing.success_baseline": {
    en: "No {role} request log was submitted; the success rate is compared with it.",
    zh: "未提交{role}请求日志；成功率需要与之比较。",
  },
  "method.success_reported_rate": {
    en: "1 − error rate reported by {format}; no request count, so no confidence bound",
    zh: "1 − {format} 报告的错误率；没有请求数，因此没有置信界",
  },
  "method.success_reported_wilson": {
    en: "{ok} of {n} requests succeeded, as counted by {format}; Wilson score bound",
    zh: "按 {format} 的计数，{n} 个请求中 {ok} 个成功；Wilson 置信界",
  },
};
