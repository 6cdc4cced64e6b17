/**
 * Sentences of reported figures (requirements of kind `reported`), the reported verdict and the
 * findings of the figures' metrics, in English and Chinese (ICU MessageFormat).
 */
export const messages: Record<string, { en: string; zh: string }> = {
  MFU_FLOPS_CONVENTION: {
    en: "The claimed {claimed} % is the MFU by Megatron-LM's formula before 2025-03-06 ({earlier} %), which counts causal attention twice; claimcheck counts every team's FLOPs with the current formula so MFUs compare. Claim the recomputed value.",
    zh: "声明的 {claimed} % 是按 Megatron-LM 2025-03-06 之前公式计算的 MFU（{earlier} %），该公式将因果注意力计算量重复计算了一次；claimcheck 对所有团队统一使用当前公式计算 FLOPs，以便 MFU 可比。请声明重新计算的值。",
  },
  "verdict.reported": { en: "REPORTED", zh: "已报告" },
  "target.reported": { en: "reported", zh: "报告值" },
  "reason.reported": {
    en: "Reported: {value}{unit}{bound}, {method}; the topic sets no threshold for this figure.",
    zh: "报告值：{value}{unit}{bound}，{method}；课题未为该指标设定阈值。",
  },
  "reason.reported_partial": {
    en: "Note: {partial}",
    zh: "注意：{partial}",
  },
  "reason.reported_parts": {
    en: "Reported per {per} ({values}); the topic sets no threshold for this figure.",
    zh: "按{per}分别报告（{values}）；课题未为该指标设定阈值。",
  },
  "reason.tolerance": {
    en: "{op} {value} {unit} (within {percent} %: {threshold})",
    zh: "{op} {value} {unit}（允许偏差 {percent} %：{threshold}）",
  },
  "label.mfu": { en: "Model FLOPs utilization (MFU)", zh: "模型算力利用率（MFU）" },
  "label.effective_training_time": {
    en: "Effective training time (productive iterations ÷ wall clock)",
    zh: "有效训练时长占比（有效迭代时间 ÷ 墙钟时间）",
  },
  "label.context_length": { en: "Longest context served", zh: "支持的最长上下文" },
  "label.long_context_ttft": {
    en: "p99 TTFT at the longest context bucket",
    zh: "最长上下文档位的 p99 首字延迟 TTFT",
  },
  "label.cu_per_selection": { en: "CU per selection", zh: "单次圈选 CU 消耗" },
  "label.compression_ratio": { en: "Compression ratio", zh: "压缩率" },
  "label.peak_memory": { en: "Peak GPU memory per device", zh: "单卡显存峰值" },
  "label.diagnosis_accuracy": { en: "Fault-type diagnosis accuracy", zh: "故障类型识别准确率" },
  "missing.mfu_shape": {
    en: "MFU of the {role} run cannot be computed: {why}.",
    zh: "无法计算 {role} 运行的 MFU：{why}。",
  },
  "missing.effective_time": {
    en: "The {role} log cannot time its run: {why}.",
    zh: "{role} 日志无法给出运行计时：{why}。",
  },
  "missing.cost_cu": {
    en: "The cost file needs a cu value on every row; give the compute units each scenario consumed.",
    zh: "成本文件每一行都需要填写 cu；请给出每个场景消耗的计算单元（CU）。",
  },
};
