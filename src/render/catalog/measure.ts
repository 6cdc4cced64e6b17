/**
 * How the measure stage obtained a value (`method.*`) and why it found no evidence (`missing.*`). The
 * English is byte-identical to the sentence the metric stores in `measured.method` / `reason`, so an
 * English report does not change; column names, ids and tool names stay as written in Chinese.
 */
export const messages: Record<string, { en: string; zh: string }> = {
  // --- serving ---
  "method.serving_percentile": {
    en: "p{p} ({interpolation} interpolation) of {n} successful requests; distribution-free order-statistic bound",
    zh: "{n} 个成功请求的 p{p}（{interpolation} 插值）；无分布假设的次序统计量置信界",
  },
  "interpolation.linear": { en: "linear", zh: "线性" },
  "interpolation.nearest-rank": { en: "nearest-rank", zh: "最近秩" },
  "method.serving_reported_change": {
    en: "from the tools' reported values; no per-request data, so no confidence bound",
    zh: "取自工具报告的数值；没有逐请求数据，因此没有置信界",
  },
  "method.serving_change": {
    en: "{comparison} of {statistic} {column}, candidate n = {c} vs baseline n = {b}; {bound}",
    zh: "{statistic} {column} 的{comparison}，候选 n = {c}，基线 n = {b}；{bound}",
  },
  "method.bootstrap_paired_requests": {
    en: "paired bootstrap over {n} requests matched by request_id (same trace; {resamples} resamples, seed {seed})",
    zh: "按 request_id 配对的 {n} 个请求上的配对自助法（同一请求序列；{resamples} 次重抽样，种子 {seed}）",
  },
  "method.bootstrap_unpaired_requests": {
    en: "unpaired bootstrap (request ids do not match: different traces; {resamples} resamples, seed {seed})",
    zh: "非配对自助法（请求 id 不一致：请求序列不同；{resamples} 次重抽样，种子 {seed}）",
  },
  "method.order_statistic_bonferroni": {
    en: "order-statistic bounds of each side combined (Bonferroni), distribution-free",
    zh: "两侧次序统计量置信界合并（Bonferroni），无分布假设",
  },
  "method.serving_mean": {
    en: "mean of {n} successful requests; normal-approximation 95 % bound",
    zh: "{n} 个成功请求的均值；正态近似 95 % 置信界",
  },
  "method.serving_mean_one": { en: "mean of 1 request; no bound", zh: "仅 1 个请求的均值；无置信界" },
  "method.success_wilson": {
    en: "{ok} of {n} requests succeeded; Wilson score bound",
    zh: "{n} 个请求中 {ok} 个成功；Wilson 置信界",
  },
  "method.success_newcombe": {
    en: "success rate {c} vs {role} {b}; Newcombe hybrid score interval for the difference",
    zh: "成功率 {c}，{role} {b}；差值的 Newcombe 混合得分区间",
  },
  "missing.serving_candidate": {
    en: "No candidate request log was submitted for {id}; add evidence.candidate.",
    zh: "未提交 {id} 的候选请求日志；请添加 evidence.candidate。",
  },
  "missing.serving_status": {
    en: "No candidate request log with per-request status was submitted; add evidence.candidate.",
    zh: "未提交带逐请求状态的候选请求日志；请添加 evidence.candidate。",
  },
  // --- GPU timeline ---
  "method.exact_no_sampling": { en: "{method}; exact (no sampling)", zh: "{method}；精确读数（无抽样）" },
  "method.exact_this_run": {
    en: "{method}; exact for this run (no sampling bound)",
    zh: "{method}；对本次运行是精确值（无抽样置信界）",
  },
  "method.startup_excess": {
    en: "max over {n} samples before the first request ({how}) of memory.used summed over GPUs, minus {weights} GiB of weights",
    zh: "第一个请求之前 {n} 个采样点（{how}）上各 GPU memory.used 之和的最大值，减去 {weights} GiB 权重",
  },
  "method.idle_first_request": {
    en: "first request time from the request log",
    zh: "第一个请求的时间取自请求日志",
  },
  "method.idle_busy": {
    en: "samples before GPU utilization first rises above 0 %{unix, select, yes {; the request log's Unix send times cannot be placed on this timeline, whose times count from the start of the capture} other {}}",
    zh: "GPU 利用率首次高于 0 % 之前的采样点{unix, select, yes {；请求日志的 Unix 发送时间无法对应到这条从采集开始计时的时间线上} other {}}",
  },
  "method.total_memory": {
    en: 'largest memory.total of any GPU in the timeline (MiB / 1024, the vendors\' "GB")',
    zh: "时间线中任一 GPU 的最大 memory.total（MiB / 1024，即厂商所称的 GB）",
  },
  "method.utilization_mean": {
    en: "mean utilization.gpu over {n} samples",
    zh: "{n} 个采样点的 utilization.gpu 均值",
  },
  "method.utilization_change": {
    en: "mean utilization.gpu {c} % ({cn} samples) vs {role} {b} % ({bn} samples)",
    zh: "utilization.gpu 均值 {c} %（{cn} 个采样点），{role} {b} %（{bn} 个采样点）",
  },
  "missing.gpu_timeline": {
    en: "No GPU timeline (evidence.memory) was submitted; capture nvidia-smi with utilization.gpu during the run.",
    zh: "未提交 GPU 时间线（evidence.memory）；请在运行期间用 nvidia-smi 采集 utilization.gpu。",
  },
  "missing.memory_timeline": {
    en: "No GPU memory timeline was submitted; add an nvidia-smi CSV under evidence.memory (or --memory).",
    zh: "未提交 GPU 显存时间线；请在 evidence.memory（或 --memory）下添加 nvidia-smi CSV。",
  },
  // --- declared models and devices ---
  "method.declared_models": {
    en: "largest {what} of {n} declared model(s) ({name}); declared, not measured",
    zh: "{n} 个声明模型中最大的{what}（{name}）；为声明值，非实测",
  },
  "model_column.parametersB": { en: "parameters (billions)", zh: "参数量（十亿）" },
  "model_column.bitsPerWeight": { en: "bits per weight", zh: "每权重位数" },
  "missing.models": {
    en: "No models file was submitted; `claimcheck template models` prints its header (model, parameters_b, bits_per_weight, bytes).",
    zh: "未提交模型文件；`claimcheck template models` 会输出其表头（model, parameters_b, bits_per_weight, bytes）。",
  },
  "method.device_coverage": {
    en: "{passed} of {n} device models passed; {shares, select, none {no market shares given} other {users' share on passing models {share_passed} of the {share_listed} the list covers}}; {weighting, select, share {share-weighted as declared, no sampling bound} other {Wilson score bound over device models}}",
    zh: "{n} 款设备型号中 {passed} 款通过；{shares, select, none {未给出市场份额} other {通过机型的用户份额 {share_passed}，清单覆盖 {share_listed}}}；{weighting, select, share {按声明的份额加权，无抽样置信界} other {按设备型号计的 Wilson 置信界}}",
  },
  // --- quality ---
  "method.items_clopper_pearson": {
    en: "{k} of {n} items; Clopper–Pearson exact bound",
    zh: "{n} 个条目中 {k} 个；Clopper–Pearson 精确置信界",
  },
  "missing.outcomes": {
    en: "No outcomes file (one judged item per row) was submitted; `claimcheck template outcomes` prints its header.",
    zh: "未提交结果文件（每行一个已判定条目）；`claimcheck template outcomes` 会输出其表头。",
  },
  "missing.diagnosis_outcomes": {
    en: "No outcomes file under the role {role} was submitted: one row per diagnosed fault with expected (the injected type) and observed (the diagnosed type); `claimcheck template outcomes` prints its header.",
    zh: "未提交角色 `{role}` 下的结果文件：每个诊断出的故障一行，`expected` 列为注入的故障类型，`observed` 列为诊断出的类型；`claimcheck template outcomes` 会输出其表头。",
  },
  "missing.generation_pairs": {
    en: "No candidate generation pairs were submitted; `claimcheck template generation-pairs` prints the header (item_id, reference, prediction).",
    zh: "未提交候选生成结果对；`claimcheck template generation-pairs` 会输出表头（`item_id`, `reference`, `prediction`）。",
  },
  // --- training ---
  "missing.training_log": {
    en: "No {role} training log (Megatron-LM log, MLPerf MLLOG, or the training-throughput CSV) was submitted.",
    zh: "未提交{role}训练日志（Megatron-LM 日志、MLPerf MLLOG 或训练吞吐量 CSV）。",
  },
  // --- values the judge quotes in a finding ---
  "role_usage.reads": { en: "reads {roles}", zh: "读取 {roles}" },
  "role_usage.reads_none": { en: "reads no evidence file", zh: "不读取任何证据文件" },
};
