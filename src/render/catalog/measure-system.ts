/**
 * How the system metrics obtained a value (`method.*`) and why they found none (`missing.*`,
 * `invalid.*`): declared costs and compute units, model sizes, GPU memory, device lists. The English is
 * byte-identical to the sentence the metric stores; column names and commands stay as written.
 */
export const messages: Record<string, { en: string; zh: string }> = {
  // --- cost and compute units (declared figures) ---
  "method.cost_per_1k": {
    en: "{value} {column, select, cost {cost} other {GPU-hours}} per 1k requests over {n} scenario(s)",
    zh: "{column, select, cost {每千个请求成本 {value}} other {每千个请求 {value} GPU 时}}（{n} 个场景）",
  },
  "method.cost_change": {
    en: "{c} vs {role} {b}; declared figures, no sampling bound",
    zh: "候选{c}，{role}{b}；为声明值，无抽样置信界",
  },
  "missing.cost_file": {
    en: "No {role} cost file was submitted; `claimcheck template cost` prints its header.",
    zh: "未提交{role}成本文件；`claimcheck template cost` 会输出其表头。",
  },
  "invalid.cost_no_shared_column": {
    en: "The candidate and {role} cost files share no column filled on every row (cost or gpu_hours); give the same one in both.",
    zh: "候选与{role}成本文件没有一列是两者每行都填写的（`cost` 或 `gpu_hours`）；请在两个文件中填写同一列。",
  },
  "cost_columns.filled": {
    en: "{which, select, cost {cost (CNY)} gpu_hours {gpu_hours (GPU-hours)} both {cost (CNY) and gpu_hours (GPU-hours)} other {neither cost nor gpu_hours on every row}}",
    zh: "{which, select, cost {`cost` 列（人民币）} gpu_hours {`gpu_hours` 列（GPU 时）} both {`cost` 列（人民币）和 `gpu_hours` 列（GPU 时）} other {`cost` 与 `gpu_hours` 均未逐行填写的数据}}",
  },
  "invalid.cost_unfilled": {
    en: "The {role} cost file needs requests and, on every row, cost or gpu_hours.",
    zh: "{role}成本文件需要 `requests` 列，并且每行都要填写 `cost` 或 `gpu_hours`。",
  },
  "method.cu_per_selection": {
    en: "Σ cu / Σ requests = {value} CU per selection over {n} scenario(s) and {selections} selection(s); declared figures, no sampling bound",
    zh: "每次圈选 {value} CU（Σ CU / Σ 请求数，{n} 个场景共 {selections} 次圈选）；为声明值，无抽样置信界",
  },
  "missing.cu_cost_file": {
    en: "No cost file was submitted; `claimcheck template cost` prints its header (scenario, requests, cu, …): one row per selection workload with the CU it consumed.",
    zh: "未提交成本文件；`claimcheck template cost` 会输出其表头（`scenario, requests, cu, …`）：每种圈选负载一行，写明其消耗的 CU。",
  },
  "invalid.cu_unfilled": {
    en: "The cost file needs a cu value on every row{where, select, row { (line {line}, scenario {scenario}, has none)} other {}}; give the compute units each scenario consumed.",
    zh: "成本文件每行都需要 `cu` 值{where, select, row {（第 {line} 行，场景 {scenario}，缺少该值）} other {}}；请填写每个场景消耗的计算单元（CU）。",
  },
  "invalid.cu_no_selection": {
    en: "The cost file's scenarios served no selection (requests is 0).",
    zh: "成本文件中的场景没有完成任何圈选（`requests` 为 0）。",
  },
  // --- model sizes ---
  "method.compression_ratio": {
    en: "{role} {b} GiB ({b_how}) / candidate {c} GiB ({c_how}); declared sizes, no sampling bound",
    zh: "{role} {b} GiB（{b_how}）/ 候选 {c} GiB（{c_how}）；为声明的大小，无抽样置信界",
  },
  "model_size.declared": { en: "declared bytes", zh: "声明的字节数" },
  "model_size.computed": { en: "parameters × bits / 8", zh: "参数量 × 位数 / 8" },
  "model_size.mixed": { en: "bytes, or parameters × bits / 8", zh: "字节数，或参数量 × 位数 / 8" },
  "missing.compression_models": {
    en: "Compression needs two models files: the compressed model under role candidate and the original under role {role}, each with bytes or parameters_b and bits_per_weight (`claimcheck template models`).",
    zh: "计算压缩率需要两个模型文件：压缩后的模型放在角色 `candidate` 下，原始模型放在角色 `{role}` 下，各自给出 `bytes`，或 `parameters_b` 和 `bits_per_weight`（`claimcheck template models`）。",
  },
  "invalid.compression_zero_size": {
    en: "A models file gives a size of 0; give bytes, or parameters_b and bits_per_weight.",
    zh: "有一个模型文件给出的大小为 0；请填写 `bytes`，或 `parameters_b` 和 `bits_per_weight`。",
  },
  "missing.models_column": {
    en: "The models file gives no {what}; fill in that column.",
    zh: "模型文件没有给出{what}；请填写该列。",
  },
  // --- GPU memory ---
  "missing.model_weights": {
    en: "The model's weight size is not declared; set system.model_weights_gib in claimcheck.yaml (or the claim condition model_weights_gib).",
    zh: "未声明模型权重大小；请在 claimcheck.yaml 中设置 system.model_weights_gib（或在声明的条件中写明 model_weights_gib）。",
  },
  "invalid.memory_no_idle_sample": {
    en: "The memory timeline has no sample before the first request ({how}); start nvidia-smi before the first request.",
    zh: "显存时间线在第一个请求之前没有采样点（{how}）；请在第一个请求之前启动 nvidia-smi。",
  },
  // --- device lists ---
  "missing.devices": {
    en: "No device list was submitted; `claimcheck template devices` prints its header (device, share, passed, speed).",
    zh: "未提交设备清单；`claimcheck template devices` 会输出其表头（`device, share, passed, speed`）。",
  },
  "invalid.devices_no_share": {
    en: "Coverage by share was declared but the device list has no share on every row.",
    zh: "声明了按份额计算覆盖率，但设备清单并非每行都有 `share`。",
  },
};
