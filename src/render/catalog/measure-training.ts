/**
 * Training runs (1.1, 4.1, 4.4): how throughput, final loss, MFU and effective training time were
 * recomputed from a log (`method.*`, with the clauses they are built of), and why a log could not
 * give them. The English is byte-identical to what the measure stage stores; catalog ids, config keys,
 * step numbers and the FLOPs formula stay as written.
 */
export const messages: Record<string, { en: string; zh: string }> = {
  "clause.then": { en: "{text}; {clause}", zh: "{text}；{clause}" },
  // --- throughput (training.throughput) ---
  "training.run": {
    en: "{rate} {unit, select, samples {samples/s} other {tokens/s}} over {steps} steps after dropping {dropped} warm-up step(s){gpus, select, none {} other { on {gpus} GPUs}}",
    zh: "去掉 {dropped} 个预热步后 {steps} 步的 {rate} {unit, select, samples {样本/s} other {tokens/s}}{gpus, select, none {} other {（{gpus} 张 GPU）}}",
  },
  "method.training_throughput_change": {
    en: "{comparison, select, loss {1 − candidate / reference} other {candidate / reference − 1}}; candidate {candidate}; reference {reference}; bootstrap over steps ({resamples} resamples, seed {seed})",
    zh: "{comparison, select, loss {1 − 候选 / 参考} other {候选 / 参考 − 1}}；候选：{candidate}；参考：{reference}；按步自助法（{resamples} 次重抽样，种子 {seed}）",
  },
  "training.reference_run": { en: "{role}: {run}", zh: "{role}运行，{run}" },
  "training.reference_sum": { en: "Σ nᵢ·tᵢ = {parts}", zh: "Σ nᵢ·tᵢ = {parts}" },
  "training.plus": { en: "{left} + {right}", zh: "{left} + {right}" },
  "training.part_own": { en: "{count} × {model} (own run)", zh: "{count} × {model}（自身运行）" },
  "training.part_scaled": {
    en: "{count} × {model} (scaled from {from} by dense BF16 peaks {own}/{base})",
    zh: "{count} × {model}（由 {from} 按稠密 BF16 峰值 {own}/{base} 换算）",
  },
  "training.peak_unverified": { en: "; at least one is unverified", zh: "；至少有一个未经核实" },
  "training.tflops_not_recomputed": {
    en: "TFLOP/s/GPU not recomputed: {why}",
    zh: "未重新计算 TFLOP/s/GPU：{why}",
  },
  "training.tflops_recomputed": {
    en: "TFLOP/s/GPU recomputed {value} at iteration {iteration} with {formula}",
    zh: "按{formula}，重新计算第 {iteration} 次迭代的 TFLOP/s/GPU 为 {value}",
  },
  "training.mfu_note": {
    en: "MFU {percent} % of the {precision} dense peak {tflops}{bf16, select, none {} other { ({bf16} % against the BF16 peak would overstate it: the run used FP8)}}",
    zh: "MFU 为 {precision} 稠密峰值 {tflops} 的 {percent} %{bf16, select, none {} other {（按 BF16 峰值算得的 {bf16} % 会高估：该运行使用 FP8）}}",
  },
  "missing.training_baseline": {
    en: "No {role} training log was submitted (role {role}, or {role}-<accelerator> for each homogeneous run).",
    zh: "未提交角色 `{role}` 的训练日志（或为每个同构运行各提交一个 `{role}-<accelerator>` 角色）。",
  },
  "invalid.training_no_step": {
    en: "The {role} training log has no step with a usable time and batch size.",
    zh: "{role}训练日志中没有一步同时带有可用的时间和批大小。",
  },
  "invalid.training_units": {
    en: "The runs are in different units (tokens/s and samples/s); declare seq_length with the claim.",
    zh: "各运行的单位不同（tokens/s 与样本/s）；请在声明中给出 seq_length。",
  },
  "invalid.training_homogeneous_unnamed": {
    en: "The homogeneous run {name} does not say its accelerator and GPU count; name the role {role}-<catalog id> and give gpus (CSV column or claim condition).",
    zh: "同构运行 {name} 未说明其加速卡和 GPU 数量；请将角色命名为 `{role}-<catalog id>`，并给出 `gpus`（CSV 列或声明条件）。",
  },
  "invalid.training_no_peak": {
    en: "{model} has no homogeneous run and no catalog BF16 peak to scale one from; submit its own run.",
    zh: "{model} 既没有同构运行，硬件目录中也没有可用于换算的 BF16 峰值；请提交它自己的运行。",
  },
  // --- final loss (training.loss) and the window two runs are compared in ---
  "training.no_loss": {
    en: "no training log with a loss per step was submitted",
    zh: "未提交带逐步损失值的训练日志",
  },
  "missing.training_loss": {
    en: "{side, select, baseline {Baseline: no training log with a loss per step was submitted} other {Candidate: no training log with a loss per step was submitted}}",
    zh: "{side, select, baseline {基线：未提交带逐步损失值的训练日志} other {候选：未提交带逐步损失值的训练日志}}",
  },
  "invalid.training_losses": {
    en: "The losses cannot be compared: {window}; submit a baseline run over the same tokens.",
    zh: "损失值无法比较：{window}；请提交覆盖相同 token 的基线运行。",
  },
  "method.training_final_loss": {
    en: "mean loss {loss} over steps {first}–{last}",
    zh: "第 {first}–{last} 步的平均损失 {loss}",
  },
  "method.training_loss_change": {
    en: "(candidate − baseline) / baseline of the final loss {window}: candidate {c}, baseline {b}; bootstrap over steps ({resamples} resamples, seed {seed})",
    zh: "最终损失的 (候选 − 基线) / 基线，{window}：候选 {c}，基线 {b}；按步自助法（{resamples} 次重抽样，种子 {seed}）",
  },
  "partial.training_short_window": {
    en: "Not the final loss: {short}; submit a baseline run as long as the candidate''s.",
    zh: "这不是最终损失：{short}；请提交与候选同样长的基线运行。",
  },
  "window.steps": {
    en: "candidate steps {c1}–{c2}, baseline steps {b1}–{b2}",
    zh: "候选第 {c1}–{c2} 步，基线第 {b1}–{b2} 步",
  },
  "window.final_tenth": {
    en: "at equal {axis, select, tokens {tokens} samples {samples} other {steps}}: the last {share} % of the window both runs cover, {span}",
    zh: "按相同{axis, select, tokens { token 数} samples {样本数} other {步数}}对齐：取两次运行共同覆盖窗口的最后 {share} %，{span}",
  },
  "window.short": {
    en: "the baseline covers only the first {share} % of the candidate''s run ({axis, select, tokens {tokens} samples {samples} other {steps}} {end} of {candidate_end})",
    zh: "基线只覆盖了候选运行的前 {share} %（{axis, select, tokens {token 数} samples {样本数} other {步数}} {end} / {candidate_end}）",
  },
  "window.no_overlap": {
    en: "the runs do not overlap ({span})",
    zh: "两次运行没有重叠（{span}）",
  },
  "window.no_loss": {
    en: "the {side, select, candidate {candidate} other {baseline}} log has no step with a loss",
    zh: "{side, select, candidate {候选} other {基线}}日志中没有带损失值的步",
  },
  "window.no_loss_in_tail": {
    en: "the {side, select, candidate {candidate} other {baseline}} logged no loss in the last {share} % of the window both runs cover ({span})",
    zh: "{side, select, candidate {候选} other {基线}}在两次运行共同覆盖窗口的最后 {share} % 中没有记录损失值（{span}）",
  },
  "window.sides": {
    en: "the candidate ({path}) and the {role} ({path2})",
    zh: "候选（{path}）与{role}（{path2}）",
  },
  // --- MFU (training.mfu) ---
  "method.mfu": {
    en: "MFU = Σ model FLOPs / (Σ step time × {peak}) over {steps} steps after {warmup} warm-up step(s); {formula}; bootstrap over steps ({resamples} resamples, seed {seed})",
    zh: "MFU = Σ 模型 FLOPs / (Σ 步耗时 × {peak})，去掉 {warmup} 个预热步后共 {steps} 步；{formula}；按步自助法（{resamples} 次重抽样，种子 {seed}）",
  },
  "flops_formula.megatron-2025-03": {
    en: "Megatron-LM model FLOPs since 2025-03-06 (causal attention halved): 12·B·s·L·h²·[(1 + g/a + s/(2h))·q/h + f/h·k·m + V/(2Lh)]",
    zh: "Megatron-LM 自 2025-03-06 起的模型 FLOPs 公式（因果注意力减半）：12·B·s·L·h²·[(1 + g/a + s/(2h))·q/h + f/h·k·m + V/(2Lh)]",
  },
  "flops_formula.megatron-pre-2025-03": {
    en: "Megatron-LM model FLOPs before 2025-03-06: 12·B·s·L·h²·[(1 + g/a + s/h)·q/h + f/h·k·m + V/(2Lh)]",
    zh: "Megatron-LM 2025-03-06 之前的模型 FLOPs 公式：12·B·s·L·h²·[(1 + g/a + s/h)·q/h + f/h·k·m + V/(2Lh)]",
  },
  "peak.dense_sum": {
    en: "dense {precision} peak of {terms} = {tflops} TFLOP/s",
    zh: "{terms} 的稠密 {precision} 峰值 = {tflops} TFLOP/s",
  },
  "peak.undeclared": {
    en: "declare the accelerators (system.accelerators with catalog ids) so the dense peak is known",
    zh: "请声明加速卡（在 system.accelerators 中使用硬件目录 id），以便确定稠密峰值",
  },
  "peak.cluster_mismatch": {
    en: "the log ran on {gpus} GPUs but the declared accelerators add up to {declared}; declare the run''s cluster",
    zh: "日志在 {gpus} 张 GPU 上运行，但声明的加速卡合计 {declared} 张；请声明该运行实际使用的集群",
  },
  "peak.not_in_catalog": {
    en: "the hardware catalog has no dense {precision} peak for {id}",
    zh: "硬件目录中没有 {id} 的稠密 {precision} 峰值",
  },
  "shape.lacks": {
    en: "the model shape lacks {missing}{vocab, select, yes { (the log has neither the ''> padded vocab (size: …) with … dummy tokens (new size: …)'' line nor a vocab_size argument: submit the whole log, or declare vocab_size with the claim)} other {}}",
    zh: "模型形状缺少 {missing}{vocab, select, yes {（日志中既没有 “> padded vocab (size: …) with … dummy tokens (new size: …)” 行，也没有 vocab_size 参数：请提交完整日志，或在声明中给出 vocab_size）} other {}}",
  },
  "shape.mla": {
    en: "multi-latent attention models are not covered by the formula",
    zh: "该公式不适用于多头潜在注意力（MLA）模型",
  },
  "missing.mfu_log": {
    en: "No {role} training log was submitted; MFU needs the Megatron-LM log with its argument dump.",
    zh: "未提交{role}训练日志；计算 MFU 需要带参数转储的 Megatron-LM 日志。",
  },
  "missing.mfu_peak": { en: "{role}: {why}", zh: "{role}：{why}" },
  "invalid.mfu_no_step": {
    en: "The {role} log has no step with a time and a batch size.",
    zh: "{role}日志中没有一步同时带有时间和批大小。",
  },
  // --- a baseline run's figure shown beside the candidate's (MFU, effective time) ---
  "method.training_baseline_run": {
    en: "{method}; {role} run {percent} % ({baseline})",
    zh: "{method}；{role}运行为 {percent} %（{baseline}）",
  },
  "method.training_baseline_unavailable": {
    en: "{method}; {role} run: {reason}",
    zh: "{method}；{role}运行：{reason}",
  },
  // --- time to train (training.time_to_train_minutes, an MLPerf Training score) ---
  "method.time_to_train": {
    en: "(run_stop − run_start) / 60 000 ms = {minutes} min, run_start line {start}, run_stop line {stop} (status {status}), as the MLPerf results summarizer reads it",
    zh: "(run_stop − run_start) / 60 000 ms = {minutes} min，run_start 在第 {start} 行，run_stop 在第 {stop} 行（状态 `{status}`），与 MLPerf 结果汇总工具的读法相同",
  },
  "method.time_to_train_change": {
    en: "candidate {c}; {role} {b}",
    zh: "候选：{c}；{role}：{b}",
  },
  "method.exact_one_run": {
    en: "{method}; exact (one run, no sampling)",
    zh: "{method}；精确值（单次运行，无抽样）",
  },
  "missing.time_to_train": {
    en: "No {role} MLPerf Training result with run_start and run_stop was submitted; time to train is MLPerf Training''s score: submit the run''s whole result_N.txt (:::MLLOG lines).",
    zh: "未提交带 run_start 和 run_stop 的{role} MLPerf Training 结果；训练用时是 MLPerf Training 的评分：请提交该次运行完整的 result_N.txt（:::MLLOG 行）。",
  },
  "missing.scored_by_time_to_train": {
    en: "The {role} MLPerf Training result{benchmark, select, none {} other { ({benchmark})}} logs no {what, select, loss {loss} other {throughput}} per step: it is scored by its time to train, {minutes} min with run_stop status {status} (metric training.time_to_train_minutes). For a {what, select, loss {loss} other {throughput}} requirement submit {what, select, loss {a log with a loss per step (a Megatron-LM log, or the training-throughput CSV with its loss column)} other {a log with a throughput per step: a Megatron-LM log (elapsed time per iteration and global batch size), or an MLPerf log whose implementation writes tracked_stats throughput}}.",
    zh: "{role}的 MLPerf Training 结果{benchmark, select, none {} other {（{benchmark}）}}没有逐步记录{what, select, loss {损失值} other {吞吐量}}：它按训练用时评分，为 {minutes} min，run_stop 状态为 `{status}`（指标 training.time_to_train_minutes）。对{what, select, loss {损失} other {吞吐量}}类要求，请提交{what, select, loss {带逐步损失值的日志（Megatron-LM 日志，或带 `loss` 列的 training-throughput CSV）} other {带逐步吞吐量的日志：Megatron-LM 日志（含 “elapsed time per iteration” 与 “global batch size”），或其实现会写出 `tracked_stats` 吞吐量的 MLPerf 日志}}。",
  },
  // --- peak GPU memory during training (gpu_memory.peak_used_gib, 4.1) ---
  "method.peak_memory": {
    en: "peak memory.used {gib} GiB of any GPU over {n} samples",
    zh: "{n} 个采样点中任一 GPU 的 memory.used 峰值 {gib} GiB",
  },
  "method.peak_memory_change": {
    en: "candidate {c} vs {role} {b}",
    zh: "候选：{c}；{role}：{b}",
  },
  "missing.peak_memory_timeline": {
    en: "No {role} GPU memory timeline was submitted (nvidia-smi --query-gpu=timestamp,index,memory.used,memory.total --format=csv -l 1 during training).",
    zh: "未提交{role} GPU 显存时间线（请在训练期间用 `nvidia-smi --query-gpu=timestamp,index,memory.used,memory.total --format=csv -l 1` 采集）。",
  },
  "invalid.peak_memory_no_used": {
    en: "The {role} timeline has no memory.used value.",
    zh: "{role}时间线中没有 memory.used 值。",
  },
  // The baseline run's memory timeline in 4.1, named as the input table names it.
  "role.memory-baseline": { en: "memory-baseline", zh: "显存-基线" },
  // --- effective training time (training.effective_time_ratio) ---
  "method.effective_time": {
    en: "Σ elapsed time per iteration × iterations = {productive} s productive of {wall} s wall clock (from {start}), over {lines} iteration lines; {restarts} restart(s), {redone} iteration(s) redone, {gap} s between lines beyond their iterations (checkpoints, evaluation, stalls); bound from the log''s 1 s time resolution",
    zh: "Σ 每次迭代耗时 × 迭代次数 = 有效训练 {productive} s，墙钟时间 {wall} s（自 {start} 起），共 {lines} 行迭代记录；重启 {restarts} 次，重做迭代 {redone} 次，行与行之间超出迭代本身的时间 {gap} s（检查点、评估、停顿）；置信界取自日志 1 s 的时间分辨率",
  },
  "timeline.start_mark": { en: "[{label}]", zh: "“[{label}]”" },
  "timeline.start_line": {
    en: "[line {line} less its iterations]",
    zh: "第 {line} 行的时间减去其迭代用时",
  },
  "timeline.untimed": {
    en: "its iteration lines carry no time (Megatron-LM prints `[YYYY-MM-DD hh:mm:ss] iteration …`); submit the log as Megatron wrote it",
    zh: "其迭代行不带时间（Megatron-LM 会输出 `[YYYY-MM-DD hh:mm:ss] iteration …`）；请按 Megatron 原样提交日志",
  },
  "missing.effective_time_log": {
    en: "No {role} training log was submitted; the effective training time needs the Megatron-LM log.",
    zh: "未提交{role}训练日志；计算有效训练时长需要 Megatron-LM 日志。",
  },
  "invalid.effective_time_no_clock": {
    en: "The {role} log''s times span no wall clock; submit the whole log.",
    zh: "{role}日志的时间没有跨越任何墙钟时间；请提交完整日志。",
  },
};
