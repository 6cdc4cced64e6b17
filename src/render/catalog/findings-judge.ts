/**
 * Findings raised while the judge stage runs, by code. A code whose sentence differs by
 * where it is raised selects its variant with the `variant` param the finding stores.
 */
export const messages: Record<string, { en: string; zh: string }> = {
  BUSBW_DOUBLED: {
    en: "{doubled_count} busbw cell(s) are twice size / time × factor (e.g. {busbw} printed, {value} GB/s recomputed): the bidirectional convention. claimcheck uses the per-direction value and compares it with per-direction link rates.",
    zh: "{doubled_count} 个总线带宽 busbw 单元是 size / time × 系数的两倍（例如打印 {busbw}，重新计算为 {value} GB/s）：这是双向口径。claimcheck 使用单向值，并与单向链路速率比较。",
  },
  BUSBW_MISMATCH: {
    en: "{variant, select, collective_plausibility_1 {Printed {algbw}busbw {busbw} GB/s, but size / time gives {is_na_n}{value} GB/s; the numbers were edited or computed with another rank count or factor.} collective_plausibility_2 {Printed algbw {algbw} GB/s, but size / time gives {value} GB/s; the numbers were edited.} other {Printed {algbw}busbw {busbw} GB/s, but size / time gives {is_na_n}{value} GB/s; the numbers were edited or computed with another rank count or factor.}}",
    zh: "{variant, select, collective_plausibility_1 {打印的 {algbw}busbw 为 {busbw} GB/s，但 size / time 算得 {is_na_n}{value} GB/s；这些数字被修改过，或按其他 rank 数或系数计算。} collective_plausibility_2 {打印的 algbw 为 {algbw} GB/s，但 size / time 算得 {value} GB/s；这些数字被修改过。} other {打印的 {algbw}busbw 为 {busbw} GB/s，但 size / time 算得 {is_na_n}{value} GB/s；这些数字被修改过，或按其他 rank 数或系数计算。}}",
  },
  CLAIM_AS_FRACTION: {
    en: "Claimed {value}, but {requirement} is in {unit} and the evidence gives {shown} {unit2}: the claim looks like a fraction ({value2} = {percent} {unit3}). Write it in {points}: value: {percent2}.",
    zh: "声明值为 {value}，但 {requirement} 的单位是 {unit}，证据给出 {shown} {unit2}：该声明看起来是小数（{value2} = {percent} {unit3}）。请以{points, select, percent {百分数} other {百分点}}书写：value: {percent2}。",
  },
  CLAIM_MISMATCH: {
    en: "Claimed {value} but the evidence gives {shown} (tolerance {tolerance} % relative); correct the claim or submit the evidence it came from.",
    zh: "声明值为 {value}，但证据给出 {shown}（相对容差 {tolerance} %）；请改正声明值，或提交其所依据的证据。",
  },
  COLLECTIVE_SIZE_MISMATCH: {
    en: "size {size_bytes} B is not count {count} × {type} × {multiplier} for {collective} on {ranks} ranks: the rank count or the collective is not what ran.",
    zh: "size {size_bytes} B 不等于 count {count} × {type} × {multiplier}（{collective}，{ranks} 个 rank）：实际运行的 rank 数或集合通信与此不符。",
  },
  COLLECTIVE_TIME_NOT_INCREASING: {
    en: "{size_bytes} B took {time_us} us, {value} % less than {size_bytes2} B ({time_us2} us); genuine runs drop by at most about 25 % (a protocol switch or noise), so check that the rows come from one run and submit the unedited stdout.",
    zh: "{size_bytes} B 用时 {time_us} us，比 {size_bytes2} B（{time_us2} us）少 {value} %；真实运行最多下降约 25 %（协议切换或噪声），请检查这些行是否来自同一次运行，并提交未经修改的标准输出。",
  },
  COMPARE_COLLECTIVE_MISMATCH: {
    en: "The candidate ({path}) ran {wanted} but the {role} ({path2}) holds {names}: there is no {wanted2} baseline; submit the baseline cluster''s {wanted3}_perf output.",
    zh: "候选（{path}）运行的是 {wanted}，但{role}（{path2}）只有 {names}：没有 {wanted2} 的基线；请提交基线集群的 {wanted3}_perf 输出。",
  },
  COMPARE_ITEMS_MISMATCH: {
    en: "The candidate ({path}) and the {role} ({path2}) {what}; {action}.",
    zh: "候选（{path}）与{role}（{path2}）{what}；{action}。",
  },
  COMPARE_MODEL_MISMATCH: {
    en: "The candidate ({path}) served {c} and the {role} ({path2}) {b}: latencies of two models are not a comparison of the systems; submit both runs with the same model.",
    zh: "候选（{path}）服务的是 {c}，而{role}（{path2}）是 {b}：两个模型的时延不能用来比较系统；请用同一模型提交两次运行。",
  },
  COMPARE_PRECISION_MISMATCH: {
    en: "The candidate ({path}) trained in {to_upper_case} and the {role} ({path2}) in {to_upper_case2}: the throughput gap would be the precision''s; run both in the same precision.",
    zh: "候选（{path}）以 {to_upper_case} 训练，而{role}（{path2}）以 {to_upper_case2} 训练：吞吐量差距来自精度；请以相同精度运行两者。",
  },
  COMPARE_PROTOCOL_MISMATCH: {
    en: "{task}: the candidate ({path}) and the {role} ({path2}) differ in few-shot count, task version or item count; run both with the same harness configuration.",
    zh: "{task}：候选（{path}）与{role}（{path2}）的 few-shot 数、任务版本或条目数不同；请以相同的评测配置运行两者。",
  },
  COMPARE_SCENARIOS_DIFFER: {
    en: "The candidate cost file ({path}) and the {role} ({path2}) cover different scenarios (only in the candidate: {list}; only in the baseline: {list2}); price the same traffic scenarios in both.",
    zh: "候选成本文件（{path}）与{role}（{path2}）覆盖的场景不同（仅候选有：{list}；仅基线有：{list2}）；请为两者核算相同的流量场景。",
  },
  COMPARE_SEQUENCE_MISMATCH: {
    en: "The candidate ({path}) trained on sequences of {seq_length} tokens and the {role} ({path2}) on {seq_length2}: attention''s cost grows with the length, so tokens/s are not comparable; run both at one sequence length.",
    zh: "候选（{path}）的训练序列长 {seq_length} 个 token，而{role}（{path2}）为 {seq_length2}：注意力的开销随长度增长，tokens/s 不可比；请以同一序列长度运行两者。",
  },
  COMPARE_UNIT_MISMATCH: {
    en: "The candidate cost file ({path}) gives {has} and the {role} ({path2}) {has2}: there is no common unit to compare; fill the same column (cost in one currency, or gpu_hours) on every row of both files.",
    zh: "候选成本文件（{path}）给出 {has}，而{role}（{path2}）给出 {has2}：没有可比较的共同单位；请在两个文件的每一行填写同一列（同一币种的成本，或 gpu_hours）。",
  },
  COMPARE_WINDOW_MISMATCH: {
    en: "The losses of {sides} cannot be compared: {window}; submit a baseline run over the same tokens as the candidate.",
    zh: "{sides} 的损失无法比较：{window}；请提交与候选覆盖相同 token 的基线运行。",
  },
  COMPARE_WINDOW_PARTIAL: {
    en: "The final losses of {sides} are not at the same point of training: {short}, so the candidate''s final loss has no baseline to meet; submit a baseline run as long as the candidate''s.",
    zh: "{sides} 的最终损失不在训练的同一位置：{short}，因此候选的最终损失没有可对照的基线；请提交与候选同样长的基线运行。",
  },
  COMPARE_WORLD_SIZE_MISMATCH: {
    en: "{variant, select, comparability_resources_1 {The candidate timeline ({path}) samples {nc} GPU(s) and the {role} ({path2}) {nb}: utilization of different GPU sets is no comparison; record both runs on the same GPUs.} comparability_training_1 {The candidate ({path}) ran on {gpus} GPUs and the {role} ({path2}) on {gpus2}: a throughput loss between them measures the scale, not the method; run the baseline on {gpus3} GPUs.} comparability_training_2 {The candidate ({path}) ran on {gpus} GPUs but the reference Σ nᵢ·tᵢ is over the {declared} accelerators claimcheck.yaml declares: declare the accelerators the run used, or submit the run on all {declared2}.} comparability_collective_1 {The candidate''s {wanted} ({path}) ran on {ranks} ranks and the {role}''s ({path2}) on {ranks2}: busbw changes with the rank count and topology; run the baseline on {ranks3} ranks.} other {The candidate timeline ({path}) samples {nc} GPU(s) and the {role} ({path2}) {nb}: utilization of different GPU sets is no comparison; record both runs on the same GPUs.}}",
    zh: "{variant, select, comparability_resources_1 {候选时间线（{path}）采样了 {nc} 块 GPU，而{role}（{path2}）为 {nb} 块：不同 GPU 集合的利用率不可比；请在同一批 GPU 上记录两次运行。} comparability_training_1 {候选（{path}）在 {gpus} 块 GPU 上运行，而{role}（{path2}）在 {gpus2} 块上：二者之间的吞吐量损失反映的是规模而非方法；请在 {gpus3} 块 GPU 上运行基线。} comparability_training_2 {候选（{path}）在 {gpus} 块 GPU 上运行，但参考值 Σ nᵢ·tᵢ 基于 claimcheck.yaml 声明的 {declared} 块加速卡：请声明实际使用的加速卡，或在全部 {declared2} 块上运行。} comparability_collective_1 {候选的 {wanted}（{path}）在 {ranks} 个 rank 上运行，而{role}（{path2}）在 {ranks2} 个上：总线带宽 busbw 随 rank 数和拓扑变化；请在 {ranks3} 个 rank 上运行基线。} other {候选时间线（{path}）采样了 {nc} 块 GPU，而{role}（{path2}）为 {nb} 块：不同 GPU 集合的利用率不可比；请在同一批 GPU 上记录两次运行。}}",
  },
  DELIVERABLE_WRONG_TYPE: {
    en: '"{text}" looks like {what}, but {id} wants {format_deliverable_specs}, so it does not count here; give {wants} — or a signed attestation that says which it is.',
    zh: "“{text}” 看起来是 {what}，但 {id} 要求 {format_deliverable_specs}，因此不计入；请提供 {wants}——或一份写明类型的签字声明。",
  },
  EVIDENCE_MEASURED_NOTHING: {
    en: "This file measured nothing: {what}, so no metric can be taken from it. {fix}.",
    zh: "该文件没有测得任何值：{what}，无法从中得出指标。{fix}。",
  },
  EVIDENCE_NO_ROWS: {
    en: "The file was read but holds no results (no requests, samples or scores); submit the complete output of the run.",
    zh: "文件已读取，但没有结果（没有请求、采样或得分）；请提交该次运行的完整输出。",
  },
  FOOTER_MISMATCH: {
    en: "''# Avg bus bandwidth'' says {value} but the mean of the {rows_count} busbw cells above it is {value2}; the table or the footer was edited.",
    zh: "“# Avg bus bandwidth” 为 {value}，但其上方 {rows_count} 个 busbw 单元的均值为 {value2}；表格或页脚被修改过。",
  },
  MEMORY_NEGATIVE: {
    en: "memory.used {used} MiB is negative; check the column.",
    zh: "memory.used {used} MiB 为负数；请检查该列。",
  },
  MEMORY_TIME_NOT_MONOTONIC: {
    en: "Timestamps of GPU {gpu} go back in time; concatenated or edited logs must keep time order.",
    zh: "GPU {gpu} 的时间戳出现倒退；拼接或修改过的日志必须保持时间顺序。",
  },
  MEMORY_USED_GT_TOTAL: {
    en: "memory.used {used} MiB exceeds memory.total {total} MiB; check the columns'' order and units.",
    zh: "memory.used {used} MiB 超过 memory.total {total} MiB；请检查列的顺序和单位。",
  },
  MEMORY_UTILIZATION_RANGE: {
    en: "utilization.gpu {utilization} % is outside 0–100 %; check the column.",
    zh: "utilization.gpu {utilization} % 超出 0–100 %；请检查该列。",
  },
  MODEL_MISMATCH: {
    en: "{variant, select, model_crosscheck_1 {models.csv declares `{text}` ({describe_model}), but system.model in claimcheck.yaml declares `{text2}` ({describe_model2}), and {plainly} that model. Make the two declarations agree.} model_crosscheck_2 {The log ran `{text}` ({describe_model}), but {source} declares `{text2}` ({describe_model2}): the numbers {plainly} from another model than the one declared. Submit the log of the declared model, or correct the declaration.} model_crosscheck_3 {This row declares `{text}` ({describe_model}), but the request log {log_path} ran `{text2}` ({describe_model2}); a model requirement cannot pass on a declaration the evidence contradicts. Correct models.csv or submit the declared model''s log.} other {models.csv declares `{text}` ({describe_model}), but system.model in claimcheck.yaml declares `{text2}` ({describe_model2}), and {plainly} that model. Make the two declarations agree.}}",
    zh: "{variant, select, model_crosscheck_1 {models.csv 声明的是 `{text}`（{describe_model}），但 claimcheck.yaml 的 system.model 声明的是 `{text2}`（{describe_model2}），{plainly}。请使两处声明一致。} model_crosscheck_2 {日志运行的是 `{text}`（{describe_model}），但 {source} 声明的是 `{text2}`（{describe_model2}）：这些数字{plainly, select, come {来自} other {可能来自}}另一个模型。请提交所声明模型的日志，或改正声明。} model_crosscheck_3 {该行声明的是 `{text}`（{describe_model}），但请求日志 {log_path} 运行的是 `{text2}`（{describe_model2}）；证据与声明矛盾时，模型要求不能通过。请改正 models.csv 或提交所声明模型的日志。} other {models.csv 声明的是 `{text}`（{describe_model}），但 claimcheck.yaml 的 system.model 声明的是 `{text2}`（{describe_model2}），{plainly}。请使两处声明一致。}}",
  },
  OUTCOME_DUPLICATE_ITEM: {
    en: 'item_id "{value}" appears twice in the same trial; duplicated rows inflate n. Remove the copy.',
    zh: "item_id “{value}” 在同一次试验中出现两次；重复行会虚增样本量 n。请删除重复项。",
  },
  PARTS_NOT_CONCURRENT: {
    en: "{requirement} is the sum over the models served together, but the logs never all ran at the same time ({spans}), so their {metric} values are not summed; run every model''s load at once on the card and submit those logs.",
    zh: "{requirement} 是同时服务的各模型之和，但这些日志从未同时运行（{spans}），因此其 {metric} 值不相加；请在同一张卡上同时运行每个模型的负载，并提交这些日志。",
  },
  ROLE_UNPAIRED: {
    en: "{id} is judged per {per}, and the file under role `{present}` has no partner `{absent}`; add the other side''s file under the role `{absent2}` (roles pair by the name after `{candidate_prefix}-` and `{baseline}-`).",
    zh: "{id} 按{per}判定，角色 `{present}` 下的文件没有配对的 `{absent}`；请在角色 `{absent2}` 下添加另一侧的文件（角色按 `{candidate_prefix}-` 与 `{baseline}-` 之后的名称配对）。",
  },
  ROLE_UNUSED: {
    en: "No requirement of topic {id} reads the {kind} file under role `{role}`, so it was not judged; the topic {reads} (closest first). Rename the role in claimcheck.yaml''s evidence, or drop the file.",
    zh: "课题 {id} 没有任何要求读取角色 `{role}` 下的 `{kind}` 文件，因此未判定；该课题 {reads}（按接近程度排序）。请在 claimcheck.yaml 的 evidence 中重命名该角色，或删除该文件。",
  },
  SERVING_DUPLICATE_REQUEST: {
    en: 'request_id "{id}" appears more than once; duplicated rows inflate n. Remove the copy.',
    zh: "request_id “{id}” 出现不止一次；重复行会虚增样本量 n。请删除重复项。",
  },
  SERVING_E2E_INCONSISTENT: {
    en: "TTFT + TPOT·(output_tokens − 1) = {value} ms but e2e_ms is {e2e}; TPOT must exclude the first token. Recompute TPOT or leave the column empty to derive it.",
    zh: "TTFT + TPOT·(output_tokens − 1) = {value} ms，但 e2e_ms 为 {e2e}；TPOT 不应包含首个 token。请重新计算 TPOT，或留空该列由系统推导。",
  },
  SERVING_MISSING_VALUE: {
    en: "A successful request has no {column}; fill it in, or mark the row status=error.",
    zh: "一个成功请求缺少 {column}；请填写，或将该行标记为 status=error。",
  },
  SERVING_NEGATIVE_TIME: {
    en: "{variant, select, summary_check_1 {The file reports {statistic} {metric} = {value}, below zero; submit the file exactly as the tool wrote it.} request_plausibility_1 {A negative {column} ({value}) is impossible; check the clock or the column''s unit.} other {The file reports {statistic} {metric} = {value}, below zero; submit the file exactly as the tool wrote it.}}",
    zh: "{variant, select, summary_check_1 {文件报告 {statistic} {metric} = {value}，小于零；请按工具写出的原样提交文件。} request_plausibility_1 {{column} 为负值（{value}），这不可能；请检查时钟或该列的单位。} other {文件报告 {statistic} {metric} = {value}，小于零；请按工具写出的原样提交文件。}}",
  },
  SERVING_NEGATIVE_TOKENS: {
    en: "A negative {column} ({value}) is impossible; it counts tokens.",
    zh: "{column} 为负值（{value}），这不可能；它是 token 计数。",
  },
  SERVING_START_NOT_MONOTONIC: {
    en: "start_s goes back in time ({start_s} after {last_start}); sort rows by start time or check the clock.",
    zh: "start_s 出现倒退（{start_s} 在 {last_start} 之后）；请按开始时间排序，或检查时钟。",
  },
  SERVING_TTFT_GT_E2E: {
    en: "TTFT {ttft} ms exceeds end-to-end {e2e} ms; the first token cannot come after the last. Check which column is which.",
    zh: "首字延迟 TTFT {ttft} ms 超过端到端时延 {e2e} ms；首个 token 不可能晚于最后一个。请检查各列是否对应正确。",
  },
  SUMMARY_MISMATCH: {
    en: "The file reports {statistic} {metric} = {value}, but its {values_count} successful requests give {value2}: the summary was edited or computed on other requests. Submit the file exactly as the tool wrote it.",
    zh: "文件报告 {statistic} {metric} = {value}，但其 {values_count} 个成功请求算得 {value2}：汇总被修改过，或基于其他请求计算。请按工具写出的原样提交文件。",
  },
  WORKLOAD_MISMATCH: {
    en: "{variant, select, workload_check_1 {The baseline has {m} requests and the candidate {n}: more than 10 % apart, so they are not the same workload; run both on the same trace.} workload_check_2 {The baseline''s prompt lengths differ from the candidate''s (Kolmogorov–Smirnov D = {d} > {critical} at α = {ks_alpha}; median {median_b} vs {median_c} input tokens), so the baseline ran another workload; run both on the same trace.} other {The baseline has {m} requests and the candidate {n}: more than 10 % apart, so they are not the same workload; run both on the same trace.}}",
    zh: "{variant, select, workload_check_1 {基线有 {m} 个请求，候选有 {n} 个：相差超过 10 %，不是同一负载；请在同一请求轨迹上运行两者。} workload_check_2 {基线的提示长度分布与候选不同（Kolmogorov–Smirnov D = {d} > {critical}，α = {ks_alpha}；中位数 {median_b} 对 {median_c} 个输入 token），基线运行的是另一种负载；请在同一请求轨迹上运行两者。} other {基线有 {m} 个请求，候选有 {n} 个：相差超过 10 %，不是同一负载；请在同一请求轨迹上运行两者。}}",
  },
};
