/**
 * Collective bandwidth (3.2): how busbw was read from a log (`method.busbw_*`), the link it is divided
 * by (`link.*`), why a log could not be judged, and the sentences findings quote (which convention a
 * claim used, what to declare). The English is byte-identical to what the measure stage stores;
 * collective names, config keys and catalog ids stay as written.
 */
export const messages: Record<string, { en: string; zh: string }> = {
  // --- the link a busbw is divided by ---
  "link.declared": {
    en: "{gbps} GB/s per direction, as declared",
    zh: "单向 {gbps} GB/s（团队声明）",
  },
  "link.catalog": {
    en: "{name} link, {gbps} GB/s per direction (catalog {id})",
    zh: "{name} 链路，单向 {gbps} GB/s（硬件目录 {id}）",
  },
  "link.nics_aggregate": {
    en: "{nics} NICs per node × {link} = {gbps} GB/s per direction (a {hosts}-node run)",
    zh: "每节点 {nics} 块网卡 × {link} = 单向 {gbps} GB/s（{hosts} 节点运行）",
  },
  "link.undeclared": {
    en: "No bottleneck link was declared: give `link` (a hardware catalog id or GB/s per direction), or the accelerators in `system`.",
    zh: "未声明瓶颈链路：请给出 `link`（硬件目录 id 或单向 GB/s），或在 `system` 中声明加速卡。",
  },
  "link.not_in_catalog": {
    en: "{id} is not in the hardware catalog with a link rate; declare `link` as GB/s per direction (the report will say it is declared).",
    zh: "硬件目录中没有 {id} 的链路速率；请将 `link` 声明为单向 GB/s（报告会注明这是声明值）。",
  },
  // --- methods ---
  "method.busbw_utilization": {
    en: "median recomputed busbw {busbw} GB/s of {collective} over {cells} cells ≥ {min_bytes} (peak {peak}) on {ranks} ranks ÷ {link}",
    zh: "{ranks} 个 rank 上 {collective} 在 ≥ {min_bytes} 的 {cells} 个消息规模上重新计算的 busbw 中位数 {busbw} GB/s（峰值 {peak}）÷ {link}",
  },
  "method.busbw_window": {
    en: "median busbw {busbw} GB/s of {collective} over {cells} cells ≥ {min_bytes} on {ranks} ranks",
    zh: "{ranks} 个 rank 上 {collective} 在 ≥ {min_bytes} 的 {cells} 个消息规模上的 busbw 中位数 {busbw} GB/s",
  },
  "method.busbw_loss": {
    en: "1 − candidate / {role}: {c} vs {b}",
    zh: "1 − 候选 / {role}（候选：{c}；{role}：{b}）",
  },
  "partial.busbw_in_network": {
    en: "busbw exceeds the line rate through in-network reduction ({reduction}), so {percent} % is not a wire utilization; the officer judges this requirement.",
    zh: "busbw 借助网络内归约（`{reduction}`）超过了线速，因此 {percent} % 不是链路利用率；本要求由项目官员判定。",
  },
  // --- why a log cannot be judged ---
  "missing.collective_log": {
    en: "No {role} collective benchmark (nccl-tests / rccl-tests output or the collective-bandwidth CSV) was submitted.",
    zh: "未提交{role}集合通信基准测试结果（nccl-tests / rccl-tests 输出或 collective-bandwidth CSV）。",
  },
  "missing.collective_test": {
    en: "The {role} log holds no {wanted} test (it has {has}); submit the {wanted}_perf output.",
    zh: "{role}日志中没有 {wanted} 测试（只有 {has}）；请提交 {wanted}_perf 的输出。",
  },
  "invalid.collective_no_ranks": {
    en: "The log lists no ranks, so busbw cannot be recomputed; keep the ''#  Rank'' lines.",
    zh: "日志未列出各 rank，无法重新计算 busbw；请保留 “#  Rank” 行。",
  },
  "invalid.collective_sweep_short": {
    en: "The sweep stops at {largest}, below the {min_bytes} window where links, not latency, set the bandwidth; rerun with -e 8G (or declare min_bytes).",
    zh: "消息规模扫描止于 {largest}，未到 {min_bytes} 起的窗口（在该窗口内带宽由链路而非时延决定）；请用 -e 8G 重新运行（或声明 min_bytes）。",
  },
  "invalid.busbw_above_line_rate": {
    en: "busbw reaches {peak} GB/s, above the {gbps} GB/s line rate ({link}); {advice}",
    zh: "总线带宽 busbw 达到 {peak} GB/s，超过线速 {gbps} GB/s（{link}）；{advice}",
  },
  "advice.above_line_rate": {
    en: "{hosts, select, none {} other {the run spans {hosts} nodes, so if each node has several NICs declare system.nics_per_node (the line rate is then their aggregate); }}if NVLink SHARP, SHARP or CollNet reduced in the network declare system.in_network_reduction (nvls, sharp, collnet); otherwise the rank count, the busbw factor or the declared link is wrong.",
    zh: "{hosts, select, none {} other {该运行跨 {hosts} 个节点，若每个节点有多块网卡，请声明 `system.nics_per_node`（线速即为各网卡之和）；}}若由 NVLink SHARP、SHARP 或 CollNet 在网络内完成归约，请声明 `system.in_network_reduction`（`nvls`、`sharp`、`collnet`）；否则是 rank 数、busbw 系数或所声明的链路有误。",
  },
  // --- which convention a mismatching utilization claim used (UTILIZATION_DENOMINATOR) ---
  "denominator.doubled": {
    en: "busbw doubled (the bidirectional convention) against a per-direction rate",
    zh: "按双向约定翻倍后的 busbw 除以单向速率",
  },
  "denominator.footer": {
    en: "the footer''s ''# Avg bus bandwidth'', which averages every message size, not the large-message window",
    zh: "日志末尾的 “# Avg bus bandwidth”（它对所有消息规模取平均，而不是大消息窗口）",
  },
  "denominator.best_cell": {
    en: "the single best cell ({peak} GB/s), not the window''s median",
    zh: "单个最佳消息规模（{peak} GB/s），而不是窗口的中位数",
  },
  "denominator.below_line_rate": {
    en: 'a link rate of {implied} GB/s per direction, below the {gbps} GB/s line rate (an "effective" rate after protocol overhead is not the line rate)',
    zh: "单向 {implied} GB/s 的链路速率，低于 {gbps} GB/s 的线速（扣除协议开销后的“有效”速率不是线速）",
  },
  "denominator.link_rate": {
    en: "a link rate of {implied} GB/s per direction",
    zh: "单向 {implied} GB/s 的链路速率",
  },
  // --- ranks in the log against the declared system (COLLECTIVE_RANKS_SYSTEM) ---
  "ranks_system.hosts": {
    en: " on {hosts, plural, one {# host} other {# hosts}}",
    zh: "（{hosts} 台主机）",
  },
  "ranks_system.said": {
    en: "{nodes, select, none {{declared} accelerators} other {{nodes} nodes × {per} = {declared} accelerators}}",
    zh: "{nodes, select, none {{declared} 块加速卡} other {{nodes} 个节点 × {per} = {declared} 块加速卡}}",
  },
  "ranks_system.hint_nodes": {
    en: " Declare system.nodes: {hosts} (accelerators[].count is then per node).",
    zh: "请声明 system.nodes: {hosts}（此时 accelerators[].count 为每节点的数量）。",
  },
  "ranks_system.hint_fix": {
    en: " Fix system.accelerators (count per node) and system.nodes, or submit the log of the declared system.",
    zh: "请修正 system.accelerators（每节点的数量）和 system.nodes，或提交所声明系统的日志。",
  },
};
