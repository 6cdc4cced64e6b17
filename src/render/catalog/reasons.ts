/**
 * Why a requirement got its verdict (`reason.*`), how a value was obtained (`method.*`) and why a
 * value decides nothing (`partial.*`). The English text is byte-identical to the sentence the judge
 * stores in `reason` / `measured.method`; the catalog test renders every example report both ways.
 */
export const messages: Record<string, { en: string; zh: string }> = {
  // A sentence stored without a key (an older report, or a measure that has none yet): shown as is.
  "reason.text": { en: "{text}", zh: "{text}" },
  "reason.finding": { en: "{finding}", zh: "{finding}" },
  "reason.then_finding": { en: "{reason} {finding}", zh: "{reason}{finding}" },
  "reason.waived": {
    en: "Waived by {officer} on {date}: {reason} (before the waiver: {verdict} — {before})",
    zh: "已由 {officer} 于 {date} 豁免：{reason}（豁免前：{verdict}——{before}）",
  },
  WAIVED: { en: "Waived by {officer} on {date}: {reason}", zh: "已由 {officer} 于 {date} 豁免：{reason}" },
  // A value in a unit that is a word, and a target that quotes it or its tolerance.
  "quantity.unit": { en: "{value} {unit}", zh: "{value} {unit}" },
  "quantity.unit_suffix": { en: " {unit}", zh: " {unit}" },
  "target.op_value": { en: "{op} {value}", zh: "{op} {value}" },
  "target.within": {
    en: "{target} (within {percent} %: {limit})",
    zh: "{target}（容差 {percent} %，即 {limit}）",
  },
  "reason.target_missed": {
    en: "Measured {value} misses the target {target}.",
    zh: "实测值 {value} 未达到目标 {target}。",
  },
  "reason.target_partial": {
    en: "Measured {value} meets {target}, but {partial}",
    zh: "实测值 {value} 达到 {target}，但{partial}",
  },
  "reason.target_summary_only": {
    en: "Measured {value} meets {target}, but the evidence holds only the tool's summary, so nothing bounds it; submit per-request results (e.g. vLLM --save-detailed).",
    zh: "实测值 {value} 达到 {target}，但证据只有工具的汇总结果，无法给出置信区间；请提交逐请求结果（如 vLLM --save-detailed）。",
  },
  "reason.target_no_bound": {
    en: "Measured {value} meets {target}, but there are too few samples for a confidence bound; collect more.",
    zh: "实测值 {value} 达到 {target}，但样本太少，无法给出置信区间；请采集更多样本。",
  },
  "reason.target_bound_misses": {
    en: "Measured {value} meets {target}, but its confidence bound {bound} does not; collect more samples.",
    zh: "实测值 {value} 达到 {target}，但其置信界 {bound} 未达到；请采集更多样本。",
  },
  "reason.target_bound_needs": {
    en: "Measured {value} meets {target}, but its confidence bound {bound} does not; about {needed} samples (now {have}) would decide it.",
    zh: "实测值 {value} 达到 {target}，但其置信界 {bound} 未达到；约需 {needed} 个样本（现有 {have} 个）才能判定。",
  },
  "reason.target_met_exact": {
    en: "Measured {value} meets {target} (an exact reading: no sampling error to bound).",
    zh: "实测值 {value} 达到 {target}（精确读数，无抽样误差）。",
  },
  "reason.target_met": {
    en: "Measured {value} meets {target}, and so does its confidence bound.",
    zh: "实测值 {value} 达到 {target}，其置信界也达到。",
  },
  "reason.claim_mismatch": {
    en: "The claim ({claimed}) disagrees with the recomputed value ({recomputed}).",
    zh: "声明值（{claimed}）与重新计算的值（{recomputed}）不符。",
  },
  "reason.unit_suspect": {
    en: "{reason} But {column} in {path} looks like another unit than milliseconds (see LATENCY_UNIT_SUSPECT), so this is not a pass; fix the column's unit and run again (or, if the values really are milliseconds, declare latency_unit: ms in the claim's conditions).",
    zh: "{reason}但 {path} 的 {column} 列看起来不是毫秒（见 LATENCY_UNIT_SUSPECT），因此不判为通过；请改正该列的单位后重新运行（若数值确为毫秒，请在声明的条件中写明 `latency_unit: ms`）。",
  },
  "reason.parts_together": {
    en: "The {n} {per}s together: {reason}",
    zh: "{n} 个{per}合计：{reason}",
  },
  "reason.part_inconclusive": {
    en: "{reason} But part {part} is inconclusive: {part_reason}",
    zh: "{reason}但分项 {part} 无法判定：{part_reason}",
  },
  "reason.parts_worst": {
    en: "{passed} of {n} {per}s pass; the worst, {per} {worst}: {reason}",
    zh: "{n} 个{per}中 {passed} 个通过；最差的{per} {worst}：{reason}",
  },
  "reason.invalid_errors": {
    en: "{n} error(s) in {path} stop this requirement from being judged{claimed, select, yes { (the claim was not checked)} other {}}; fix the findings listed and run again.",
    zh: "{path} 中有 {n} 个错误，本要求无法判定{claimed, select, yes {（未核对声明值）} other {}}；请修正所列问题后重新运行。",
  },
  "reason.not_comparable": {
    en: "The candidate and the baseline are not comparable{claimed, select, yes { (the claim was not checked)} other {}}: {finding}",
    zh: "候选与基线不可比{claimed, select, yes {（未核对声明值）} other {}}：{finding}",
  },
  "reason.deliverable_none": {
    en: "No evidence declared for {wanted}; add it under `deliverables:` in claimcheck.yaml.",
    zh: "未声明 {wanted} 的证据；请在 claimcheck.yaml 的 `deliverables:` 下添加。",
  },
  "reason.deliverable_unreadable": {
    en: "{n} evidence item(s) cannot be checked.",
    zh: "{n} 项证据无法核查。",
  },
  "reason.deliverable_too_few": {
    en: "Not enough matching items for {wanted}: {tally}.{stray, plural, =0 {} other { # item(s) are of another type.}}",
    zh: "符合 {wanted} 的条目不足：{tally}。{stray, plural, =0 {} other {另有 # 项属于其他类型。}}",
  },
  "reason.deliverable_met": {
    en: "{n} matching item(s) declared for {spec}{alternatives, select, other {, one of {alternatives}} none {}}{asked, select, other { (the seed asks {asked}; more is not a failure)} none {}}; the officer confirms each item.",
    zh: "已声明 {n} 项符合 {spec} 的条目{alternatives, select, other {（{alternatives} 之一）} none {}}{asked, select, other {（课题指南要求 {asked}，超出不算未通过）} none {}}；由项目官员逐项确认。",
  },
  "deliverable.spec": { en: "{count} {kind}", zh: "{count} {kind}" },
  "deliverable.spec_venue": { en: "{count} {kind} ({venue})", zh: "{count} {kind}（{venue}）" },
  "deliverable.or": { en: "{left} or {right}", zh: "{left}或{right}" },
  "deliverable.tally": { en: "{n} of {spec}", zh: "{spec} 已有 {n}" },
  "deliverable.tally_and": { en: "{left}; {right}", zh: "{left}；{right}" },
  "partial.no_epoch": {
    en: "not every log has Unix epoch send times, so nothing shows they ran at the same time; submit logs with Unix epoch send times (start_s) so the overlap can be checked.",
    zh: "并非每个日志都有 Unix 纪元发送时间，无法证明它们同时运行；请提交带 Unix 纪元发送时间（start_s）的日志，以便核查重叠。",
  },
  "method.parts_sum": {
    en: "sum of {n} parts ({terms}); bounds are the sums of the parts' bounds, which hold together at no less than 1 − {n}·α (Bonferroni); {overlap}",
    zh: "{n} 个分项之和（{terms}）；置信界为各分项置信界之和，联合置信度不低于 1 − {n}·α（Bonferroni）；{overlap}",
  },
  "method.overlap_epoch": {
    en: "the logs ran at the same time for {seconds} s (epoch send times)",
    zh: "各日志同时运行了 {seconds} s（按纪元发送时间）",
  },
  "method.overlap_unknown": {
    en: "not every log has Unix epoch send times, so the overlap cannot be checked and the logs are assumed to have run at the same time",
    zh: "并非每个日志都有 Unix 纪元发送时间，无法核查重叠，假定各日志同时运行",
  },
};
