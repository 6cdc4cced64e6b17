/**
 * Chart text in English and Chinese (ICU MessageFormat): legends, axis titles, target and window
 * labels, judged-statistic markers, verdict words and captions. Keys are what `Chart` in the report
 * JSON carries (`ChartText.key`), so an old report's charts render in either language.
 */
export const messages: Record<string, { en: string; zh: string }> = {
  "chart.series.role": { en: roleEn("role"), zh: roleZh("role") },
  "chart.series.role_part": { en: `${roleEn("role")} {part}`, zh: `${roleZh("role")} {part}` },
  "chart.series.role_ranks": {
    en: `${roleEn("role")} ({ranks} ranks)`,
    zh: `${roleZh("role")}（{ranks} 个 rank）`,
  },
  "chart.series.role_gpu": { en: `${roleEn("role")} GPU {gpu}`, zh: `${roleZh("role")} GPU {gpu}` },
  "chart.axis.percentile": { en: "Percentile of requests", zh: "请求百分位" },
  "chart.marker.judged": {
    en: `${roleEn("role")} {stat} {value} {unit}`,
    zh: `${roleZh("role")} {stat} {value} {unit}`,
  },
  "chart.target.absolute": { en: "target {op} {value} {unit}", zh: "目标 {op} {value} {unit}" },
  "chart.target.relative": {
    en: "target: {op} baseline {stat} × {factor} = {value} {unit}",
    zh: "目标：{op} 基线 {stat} × {factor} = {value} {unit}",
  },
  "chart.target.relative_part": {
    en: "target ({part}): {op} baseline {stat} × {factor} = {value} {unit}",
    zh: "目标（{part}）：{op} 基线 {stat} × {factor} = {value} {unit}",
  },
  "chart.target.delta": {
    en: "target: {op} baseline {stat} + {limit} = {value} {unit}",
    zh: "目标：{op} 基线 {stat} + {limit} = {value} {unit}",
  },
  "chart.target.line_rate_fraction": {
    en: "target: {percent} % of line rate = {value} GB/s",
    zh: "目标：线速的 {percent}% = {value} GB/s",
  },
  "chart.target.busbw_loss": {
    en: "loss target: baseline {baseline} GB/s × {factor} = {value} GB/s",
    zh: "损耗目标：基线 {baseline} GB/s × {factor} = {value} GB/s",
  },
  "chart.reference.line_rate": {
    en: "line rate per direction {value} GB/s",
    zh: "单向线速 {value} GB/s",
  },
  "chart.target.weights_allowance": {
    en: "weights + allowance {value} GiB",
    zh: "权重 + 允许余量 {value} GiB",
  },
  "chart.target.weights_allowance_per_gpu": {
    en: "(weights + allowance) / {gpus} GPUs: {value} GiB per GPU",
    zh: "（权重 + 允许余量）/ {gpus} 块 GPU：每块 {value} GiB",
  },
  "chart.band.window": { en: "judged window: ≥ {size}", zh: "判定窗口：≥ {size}" },
  "chart.band.startup": { en: "start-up: before the first request", zh: "启动阶段：首个请求之前" },
  "chart.marker.startup_peak": { en: "judged start-up peak {value} GiB", zh: "判定的启动峰值 {value} GiB" },
  "chart.marker.startup_peak_per_gpu": {
    en: "judged start-up peak {total} GiB: {value} GiB per GPU",
    zh: "判定的启动峰值 {total} GiB：每块 GPU {value} GiB",
  },
  "chart.verdict": {
    en: "{verdict, select, pass {PASS} fail {FAIL} inconclusive {INCONCLUSIVE} missing {MISSING} invalid {INVALID} waived {WAIVED} other {{verdict}}}",
    zh: "{verdict, select, pass {通过} fail {未通过} inconclusive {无法判定} missing {缺失} invalid {无效} waived {豁免} other {{verdict}}}",
  },
  "chart.caption.whiskers": {
    en: "Bars are coloured by verdict; whiskers are each value's confidence bound at {confidence} % ({sides, select, 1 {one-sided: only the end on the target's side is judged} other {two-sided}}); dashed lines mark the targets.",
    zh: "柱按判定结论着色；误差线为各值的 {confidence}% 置信区间（{sides, select, 1 {单侧：只判定目标一侧的端点} other {双侧}}）；虚线为目标。",
  },
  "chart.caption.exact": {
    en: "Bars are coloured by verdict; these values are exact readings (no sampling bound); dashed lines mark the targets.",
    zh: "柱按判定结论着色；这些值为精确读数（无抽样误差）；虚线为目标。",
  },
  "chart.caption.percentile": {
    en: "The x axis is the percentile on a log scale of 1 − quantile (as HdrHistogram plots it), so the tail gets as much room as the median{stat, select, none {.} other {; dots mark the judged {stat} of each run.}}",
    zh: "横轴为百分位，按 1 − 分位数取对数刻度（HdrHistogram 的画法），尾部与中位数同样清晰{stat, select, none {。} other {；圆点标出各次运行被判定的 {stat}。}}",
  },
  "chart.caption.requirements_left_out": {
    en: "{n, plural, one {# requirement is} other {# requirements are}} left out: invalid, so nothing was judged (see the findings).",
    zh: "{n} 项要求未绘出：无效，未作判定（见问题列表）。",
  },
  "chart.caption.rows_left_out": {
    en: `{n, plural, one {# row} other {# rows}} of the ${roleEn("role")} left out: errors were found in {n, plural, one {it} other {them}} (see the findings).`,
    zh: `${roleZh("role")}有 {n} 行未绘出：这些行有错误（见问题列表）。`,
  },
  "chart.caption.series_left_out": {
    en: `The ${roleEn("role")} is left out: its file has errors the rows cannot be matched to (see the findings).`,
    zh: `${roleZh("role")}未绘出：其文件有错误，且无法对应到行（见问题列表）。`,
  },
  "chart.caption.startup": {
    en: "The shaded span is the start-up window (samples before the first request); its highest memory in use, summed over GPUs, minus the declared weights is judged against the allowance.",
    zh: "阴影区为启动阶段（首个请求之前的采样）；以其中各 GPU 显存占用之和的最大值减去声明的权重大小，与允许余量比较。",
  },
  "chart.caption.startup_per_gpu": {
    en: "Each line is one GPU. The shaded span is the start-up window (samples before the first request); its highest memory in use, summed over the {gpus} GPUs, minus the declared weights is judged against the allowance. The limit line and the marked peak are the limit and that highest sum divided by {gpus}, the grain of the lines: one GPU may rise above the line while the sum stays within the limit.",
    zh: "每条线为一块 GPU。阴影区为启动阶段（首个请求之前的采样）；以其中 {gpus} 块 GPU 显存占用之和的最大值减去声明的权重大小，与允许余量比较。限值线和标出的峰值为限值与该最大总和各除以 {gpus}，与各条线口径相同：单块 GPU 可以高出限值线，而总和仍在限值之内。",
  },
  "chart.caption.window": {
    en: "The shaded span is the judged window (messages ≥ {size}); the median busbw of its cells is judged against the target line.",
    zh: "阴影区为判定窗口（消息 ≥ {size}）；以窗口内各点 busbw 的中位数与目标线比较。",
  },
};

// --- internal ---

/** A role name in the reader's language; any other role (`peer`) prints as it is. */
function roleEn(param: string): string {
  return `{${param}, select, candidate {candidate} baseline {baseline} other {{${param}}}}`;
}

function roleZh(param: string): string {
  return `{${param}, select, candidate {候选} baseline {基线} other {{${param}}}}`;
}
