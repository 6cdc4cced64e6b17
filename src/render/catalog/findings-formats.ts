/**
 * Findings raised while the formats stage runs, by code. A code whose sentence differs by
 * where it is raised selects its variant with the `variant` param the finding stores.
 */
export const messages: Record<string, { en: string; zh: string }> = {
  AIPERF_UNKNOWN_UNIT: {
    en: 'Unit "{unit}" of metrics.{tag} is neither a time unit (ms, ns, us, s) nor tokens; submit the file as AIPerf wrote it.',
    zh: "metrics.{tag} 的单位 “{unit}” 既不是时间单位（ms、ns、us、s）也不是 tokens；请按 AIPerf 写出的原样提交文件。",
  },
  AIPERF_DUPLICATE_RESOLVED: {
    en: "Used {key} = {kept}, the one of its {n} values that satisfies TTFT + ITL × (OSL − 1) = request latency; remove the other value from the record.",
    zh: "采用 {key} = {kept}：在其 {n} 个值中，只有它满足 TTFT + ITL × (OSL − 1) = 请求时延；请从记录中删除另一个值。",
  },
  DETAIL_LENGTH_MISMATCH: {
    en: '"{key}" has {count} entries but "ttfts" has {n}; every per-request list needs one entry per request, so "{key}" was ignored. Submit the file as the tool wrote it.',
    zh: "“{key}” 有 {count} 个条目，而 “ttfts” 有 {n} 个；每个逐请求列表都必须每个请求一个条目，因此忽略了 “{key}”。请按工具写出的原样提交文件。",
  },
  JSON_WRONG_TYPE: {
    en: 'Field "{field}" holds {value} where {expected} is expected; fix the value or submit the file exactly as the tool wrote it.',
    zh: "字段 “{field}” 的值为 {value}，应为 {expected}；请修正该值，或按工具写出的原样提交文件。",
  },
  JSON_NUMBER_AS_STRING: {
    en: '{n, plural, one {# field holds a number} other {# fields hold numbers}} written as a string (first: "{field}" = "{text}"), read as numbers; nothing to do when the tool wrote the file this way.',
    zh: "{n} 个字段的数字写成了字符串（第一个：“{field}” = “{text}”），已按数字读取；若工具本就如此写出，无需处理。",
  },
  MLPERF_NO_RESULTS: {
    en: "{variant, select, accuracy_only {This is an AccuracyOnly run, which has no performance results; submit the PerformanceOnly run''s log.} other {The log has no result lines; submit the whole log of a finished PerformanceOnly run.}}",
    zh: "{variant, select, accuracy_only {这是 AccuracyOnly 运行，没有性能结果；请提交 PerformanceOnly 运行的日志。} other {日志中没有结果行；请提交一次已完成的 PerformanceOnly 运行的完整日志。}}",
  },
  ACCURACY_OUT_OF_RANGE: {
    en: "{variant, select, accuracy_csv_1 {{metric} {value} is outside [0, 1]; write scores as fractions (0.6354, not 63.54).} lm_eval_1 {results.{task}.{key} is {value}, outside [0, 1]; submit the results file exactly as lm-eval wrote it.} other {{metric} {value} is outside [0, 1]; write scores as fractions (0.6354, not 63.54).}}",
    zh: "{variant, select, accuracy_csv_1 {{metric} {value} 超出 [0, 1]；请以小数形式写得分（0.6354，而不是 63.54）。} lm_eval_1 {results.{task}.{key} 为 {value}，超出 [0, 1]；请按 lm-eval 写出的原样提交结果文件。} other {{metric} {value} 超出 [0, 1]；请以小数形式写得分（0.6354，而不是 63.54）。}}",
  },
  AIPERF_WARMUP_SKIPPED: {
    en: "{warmup} warm-up records were left out; only the profiling phase counts.",
    zh: "略去了 {warmup} 条预热记录；只统计性能测试阶段。",
  },
  BEIR_QRELS_NO_HEADER: {
    en: "The first line is not BEIR''s header ''query-id<TAB>corpus-id<TAB>score''; BEIR''s loader skips the first line whatever it holds, so BEIR itself would drop this judgment. Submit the qrels file as BEIR ships it.",
    zh: "第一行不是 BEIR 的表头 “query-id<TAB>corpus-id<TAB>score”；BEIR 的加载器无论第一行是什么都会跳过，因此 BEIR 自身会丢掉这条标注。请按 BEIR 发布的原样提交 qrels 文件。",
  },
  COLLECTIVE_DATA_ERRORS: {
    en: "{variant, select, nccl_tests_1 {{wrong_count} result cell(s) report wrong data (#wrong/error {check}); a run that corrupts data proves no bandwidth.} nccl_tests_2 {The test reports {count} out-of-bounds value(s).} hccl_test_1 {check_result is failed: the collective produced wrong data.} other {{wrong_count} result cell(s) report wrong data (#wrong/error {check}); a run that corrupts data proves no bandwidth.}}",
    zh: "{variant, select, nccl_tests_1 {{wrong_count} 个结果单元报告数据错误（#wrong/error {check}）；数据出错的运行不能证明任何带宽。} nccl_tests_2 {测试报告了 {count} 个越界值。} hccl_test_1 {check_result 为 failed：集合通信产生了错误数据。} other {{wrong_count} 个结果单元报告数据错误（#wrong/error {check}）；数据出错的运行不能证明任何带宽。}}",
  },
  COLLECTIVE_NO_DATA: {
    en: "{variant, select, nccl_tests_1 {No result rows (size, count, type, redop, time, algbw, busbw) were found; submit the whole stdout of the test.} hccl_test_1 {No HCCL Test result rows (data_size | time | alg_bandwidth | check) were found.} nccl_tests_json_1 {The JSON has no results list; submit the file nccl-tests wrote with -J.} nccl_tests_json_2 {The results list is empty.} other {No result rows (size, count, type, redop, time, algbw, busbw) were found; submit the whole stdout of the test.}}",
    zh: "{variant, select, nccl_tests_1 {未找到结果行（size、count、type、redop、time、algbw、busbw）；请提交测试的完整标准输出。} hccl_test_1 {未找到 HCCL Test 结果行（data_size | time | alg_bandwidth | check）。} nccl_tests_json_1 {该 JSON 没有 results 列表；请提交 nccl-tests 用 -J 写出的文件。} nccl_tests_json_2 {results 列表为空。} other {未找到结果行（size、count、type、redop、time、algbw、busbw）；请提交测试的完整标准输出。}}",
  },
  COLLECTIVE_ROW_MALFORMED: {
    en: "{variant, select, nccl_tests_1 {The row has {fields_count} fields where {head} are expected ({head2}, then time, algbw, busbw and #wrong twice); the log was cut or edited.} nccl_tests_2 {The {placement} time, algbw or busbw is not a number; the log was cut or edited.} collective_csv_1 {size_bytes and a positive time_us are required on every row.} nccl_tests_json_1 {results[{i}].{key} lacks a numeric time, alg_bw or bus_bw.} other {The row has {fields_count} fields where {head} are expected ({head2}, then time, algbw, busbw and #wrong twice); the log was cut or edited.}}",
    zh: "{variant, select, nccl_tests_1 {该行有 {fields_count} 个字段，应为 {head} 个（{head2}，然后两组 time、algbw、busbw 和 #wrong）；日志被截断或修改过。} nccl_tests_2 {{placement} 的 time、algbw 或 busbw 不是数字；日志被截断或修改过。} collective_csv_1 {每一行都必须有 size_bytes 和为正数的 time_us。} nccl_tests_json_1 {results[{i}].{key} 缺少数值型的 time、alg_bw 或 bus_bw。} other {该行有 {fields_count} 个字段，应为 {head} 个（{head2}，然后两组 time、algbw、busbw 和 #wrong）；日志被截断或修改过。}}",
  },
  COLLECTIVE_UNKNOWN: {
    en: "{variant, select, collective_csv_1 {\"{name}\" is not a collective; use one of {collectives}.} collective_plausibility_1 {The test at line {line} does not say which collective ran{ranks}, so its bandwidth cannot be recomputed; keep the ''# Collective test starting'' and ''#  Rank'' lines, or declare the format''s collective.} other {\"{name}\" is not a collective; use one of {collectives}.}}",
    zh: "{variant, select, collective_csv_1 {“{name}” 不是集合通信操作；请使用 {collectives} 之一。} collective_plausibility_1 {第 {line} 行的测试未说明运行的是哪种集合通信{ranks}，无法重新计算其带宽；请保留 “# Collective test starting” 和 “#  Rank” 行，或声明该格式的集合通信。} other {“{name}” 不是集合通信操作；请使用 {collectives} 之一。}}",
  },
  COMPANION_FORMAT: {
    en: "A companion joins GenAI-Perf''s profile_export.json with its profile_export_genai_perf.json or .csv; here a {format} file was given a {format2} companion. Remove the companion or submit that pair.",
    zh: "companion 用于把 GenAI-Perf 的 profile_export.json 与其 profile_export_genai_perf.json 或 .csv 配对；这里给 {format} 文件配了 {format2} 的 companion。请删除 companion 或提交这一对文件。",
  },
  COMPANION_OTHER_RUN: {
    en: "The companion summary counts {count} requests but the profile export holds {rows}; they are not from the same run. Submit the profile_export_genai_perf file GenAI-Perf wrote beside this profile_export.json.",
    zh: "companion 汇总统计了 {count} 个请求，但 profile export 中有 {rows} 个；二者不是同一次运行。请提交 GenAI-Perf 写在该 profile_export.json 旁边的 profile_export_genai_perf 文件。",
  },
  CSV_BAD_FLAG: {
    en: '"{cell}" is not 1/0, true/false or pass/fail; write one of those in {name}.',
    zh: "“{cell}” 不是 1/0、true/false 或 pass/fail；请在 {name} 中写其中之一。",
  },
  CSV_BAD_NUMBER: {
    en: '{variant, select, outcomes_csv_1 {"{cell}" is not a plain, non-negative number of milliseconds.} opencompass_csv_1 {"{cell}" is not a score; OpenCompass writes scores like 44.16 (or - when missing).} canonical_rows_1 {"{cell}" is not a plain number; write {name} as a number{unit} without units or separators.} serving_cells_1 {"{cell}" is not a plain number; write the value in {unit} without units or separators.} genai_perf_stats_1 {"{trimmed}" is not a number; submit the CSV as GenAI-Perf wrote it.} gpu_memory_csv_1 {"{s}" is not a GPU index; write 0, 1, … .} cost_csv_1 {{name} {value} is negative; write the amount served or spent.} nvidia_smi_cells_1 {"{s}" is not a GPU index (0, 1, …); keep the file as nvidia-smi wrote it.} dcgmi_dmon_1 {"{text}" is not a number; keep the file as dcgmi dmon wrote it.} other {"{cell}" is not a plain, non-negative number of milliseconds.}}',
    zh: "{variant, select, outcomes_csv_1 {“{cell}” 不是以毫秒计的普通非负数。} opencompass_csv_1 {“{cell}” 不是得分；OpenCompass 写的得分形如 44.16（缺失时为 -）。} canonical_rows_1 {“{cell}” 不是普通数字；请把 {name} 写成数字{unit}，不带单位或分隔符。} serving_cells_1 {“{cell}” 不是普通数字；请以{unit, select, milliseconds {毫秒} other {该列的单位}}写数值，不带单位或分隔符。} genai_perf_stats_1 {“{trimmed}” 不是数字；请按 GenAI-Perf 写出的原样提交 CSV。} gpu_memory_csv_1 {“{s}” 不是 GPU 编号；请写 0、1、…。} cost_csv_1 {{name} {value} 为负数；请写服务量或花费金额。} nvidia_smi_cells_1 {“{s}” 不是 GPU 编号（0、1、…）；请保持 nvidia-smi 写出的原样。} dcgmi_dmon_1 {“{text}” 不是数字；请保持 dcgmi dmon 写出的原样。} other {“{cell}” 不是以毫秒计的普通非负数。}}",
  },
  CSV_BAD_STATUS: {
    en: 'Status "{cell}" is neither ok nor error; use one of those two words.',
    zh: "状态 “{cell}” 既不是 ok 也不是 error；请使用这两个词之一。",
  },
  CSV_BAD_TIMESTAMP: {
    en: '"{text}" is not an ISO 8601 time; write it like 2026-10-12T08:00:01.250Z, or use a timestamp_s column in seconds.',
    zh: "“{text}” 不是 ISO 8601 时间；请写成 2026-10-12T08:00:01.250Z 这样，或使用以秒计的 timestamp_s 列。",
  },
  CSV_DUPLICATE_COLUMN: {
    en: 'Column "{key}" appears twice; keep one of them.',
    zh: "列 “{key}” 出现两次；请只保留一个。",
  },
  CSV_FIELD_COUNT: {
    en: "{variant, select, outcomes_csv_1 {Row has {fields_count} fields but the header has {width}; fix the delimiters or quoting of this row.} opencompass_csv_1 {Row has {fields_count} fields but the header has {models_count}; fix the delimiters or quoting of this row.} canonical_rows_1 {Row has {fields} fields but the header has {width}; fix the delimiters or quoting of this row.} serving_cells_1 {Row has {fields} fields but the header has {header}; fix the delimiters or quoting of this row.} genai_perf_stats_1 {Row has {cells_count} fields but its table''s header has {header_count}; submit the CSV as GenAI-Perf wrote it.} nvidia_smi_1 {Row has {fields_count} fields but the header has {width}, so it was left out; nvidia-smi was probably stopped mid-line — remove the cut line.} gpu_memory_csv_1 {Row has {fields_count} fields but the header has {width}, so it was left out; fix the delimiters or quoting of this row.} other {Row has {fields_count} fields but the header has {width}; fix the delimiters or quoting of this row.}}",
    zh: "{variant, select, outcomes_csv_1 {该行有 {fields_count} 个字段，但表头有 {width} 个；请修正这一行的分隔符或引号。} opencompass_csv_1 {该行有 {fields_count} 个字段，但表头有 {models_count} 个；请修正这一行的分隔符或引号。} canonical_rows_1 {该行有 {fields} 个字段，但表头有 {width} 个；请修正这一行的分隔符或引号。} serving_cells_1 {该行有 {fields} 个字段，但表头有 {header} 个；请修正这一行的分隔符或引号。} genai_perf_stats_1 {该行有 {cells_count} 个字段，但所在表的表头有 {header_count} 个；请按 GenAI-Perf 写出的原样提交 CSV。} nvidia_smi_1 {该行有 {fields_count} 个字段，但表头有 {width} 个，已略去；nvidia-smi 可能在行中途被停止——请删除被截断的行。} gpu_memory_csv_1 {该行有 {fields_count} 个字段，但表头有 {width} 个，已略去；请修正这一行的分隔符或引号。} other {该行有 {fields_count} 个字段，但表头有 {width} 个；请修正这一行的分隔符或引号。}}",
  },
  CSV_MISSING_COLUMN: {
    en: '{variant, select, outcomes_csv_1 {Give a success column, or both expected and observed; `claimcheck template outcomes` prints the header.} opencompass_csv_1 {The header starts with "{fields}" where OpenCompass writes "dataset,version,metric,mode,<models…>"; the first line is missing or edited.} column_spec_1 {Required column "{name}" ({description}) is missing from the header; add it (`claimcheck template` prints the full header).} genai_perf_stats_1 {This table starts with "{header}" where GenAI-Perf writes its "Metric,…" header; submit the CSV as GenAI-Perf wrote it.} nvidia_smi_cells_1 {Column "{name}" is missing from the header; {fix}: {smi_command}.} dcgmi_dmon_1 {The capture has no {field} column, so memory cannot be read from it; record with dcgmi dmon -e 252,250,203 -d 1000.} other {Give a success column, or both expected and observed; `claimcheck template outcomes` prints the header.}}',
    zh: "{variant, select, outcomes_csv_1 {请提供 success 列，或同时提供 expected 和 observed 列；`claimcheck template outcomes` 会打印表头。} opencompass_csv_1 {表头以 “{fields}” 开头，而 OpenCompass 写的是 “dataset,version,metric,mode,<models…>”；第一行缺失或被修改。} column_spec_1 {表头缺少必需列 “{name}”（{description}）；请添加（`claimcheck template` 会打印完整表头）。} genai_perf_stats_1 {该表以 “{header}” 开头，而 GenAI-Perf 写的是 “Metric,…” 表头；请按 GenAI-Perf 写出的原样提交 CSV。} nvidia_smi_cells_1 {表头缺少列 “{name}”；{fix}：{smi_command}。} dcgmi_dmon_1 {采集结果没有 {field} 列，无法从中读取显存；请用 dcgmi dmon -e 252,250,203 -d 1000 记录。} other {请提供 success 列，或同时提供 expected 和 observed 列；`claimcheck template outcomes` 会打印表头。}}",
  },
  CSV_NEGATIVE_VALUE: {
    en: "{name} is {cell}; it counts or measures something, so it cannot be below 0.",
    zh: "{name} 为 {cell}；它是计数或度量值，不能小于 0。",
  },
  CSV_NO_ROWS: {
    en: "{variant, select, canonical_rows_1 {The file has a header but no rows; add one row per {entry}.} serving_csv_bytes_1 {The file has a header but no request rows; add one row per request.} nvidia_smi_1 {The file has nvidia-smi''s header but no samples; record for the whole run with -l 1.} gpu_memory_csv_1 {The file has a header but no samples; add one row per sample.} other {The file has a header but no rows; add one row per {entry}.}}",
    zh: "{variant, select, canonical_rows_1 {文件只有表头没有数据行；请每个{entry}写一行。} serving_csv_bytes_1 {文件只有表头没有请求行；请每个请求写一行。} nvidia_smi_1 {文件有 nvidia-smi 的表头但没有采样；请用 -l 1 记录整个运行过程。} gpu_memory_csv_1 {文件只有表头没有采样；请每个采样写一行。} other {文件只有表头没有数据行；请每个{entry}写一行。}}",
  },
  CSV_STRAY_QUOTE: {
    en: 'Text follows a closing quote before the next delimiter; quote the whole field and double inner quotes ("").',
    zh: '闭合引号之后、下一个分隔符之前还有文本；请给整个字段加引号，并把内部引号写成两个（""）。',
  },
  CSV_UNKNOWN_COLUMN: {
    en: 'Column "{key}" is not a column of this kind and is ignored; the closest known column is "{name}" ({description}). Rename it if that is what it holds, or drop it (`claimcheck template` prints the header).',
    zh: "列 “{key}” 不属于这种文件，已忽略；最接近的已知列是 “{name}”（{description}）。若内容确是该列请重命名，否则删除（`claimcheck template` 会打印表头）。",
  },
  CSV_UNTERMINATED_QUOTE: {
    en: "A quoted field opened on this line is never closed; close the quote or remove it.",
    zh: "本行开始的带引号字段没有闭合；请补上引号或删除它。",
  },
  DETAIL_COUNT_MISMATCH: {
    en: "The run reports completed = {completed}, but its per-request lists show {ok} successful requests (empty errors[i] and output_lens[i] > 0); check the failed requests of this run.",
    zh: "该运行报告 completed = {completed}，但逐请求列表显示 {ok} 个成功请求（errors[i] 为空且 output_lens[i] > 0）；请检查这次运行中失败的请求。",
  },
  DEVICES_BAD_SHARE: {
    en: "share {share} is outside [0, 1]; write market share as a fraction (0.12, not 12).",
    zh: "份额 {share} 超出 [0, 1]；请以小数写市场份额（0.12，而不是 12）。",
  },
  DEVICES_SHARE_OVER_ONE: {
    en: "The shares add up to {value}, more than 1; each device model''s share of users must be a fraction of the same whole.",
    zh: "各份额之和为 {value}，大于 1；每种设备型号的用户份额必须是同一整体的一部分。",
  },
  DMON_DELAY_ASSUMED: {
    en: "dcgmi dmon prints no timestamps and the capture does not show its -d delay, so sweep k is placed at k × {default_delay_ms} ms (dcgmi''s default). Keep the ''dcgmi dmon … -d N'' command line at the top of the capture, or record with nvidia-smi --query-gpu=timestamp,… for real times.",
    zh: "dcgmi dmon 不打印时间戳，采集结果也没有写明 -d 间隔，因此第 k 次采样按 k × {default_delay_ms} ms（dcgmi 的默认值）放置。请在采集结果开头保留 “dcgmi dmon … -d N” 命令行，或用 nvidia-smi --query-gpu=timestamp,… 记录真实时间。",
  },
  DMON_NOT_AVAILABLE: {
    en: "{name} is N/A here (DCGM had no value for it), so this sample is missing; check the GPU and the host engine if it repeats.",
    zh: "{name} 在此处为 N/A（DCGM 没有该值），该采样缺失；若反复出现请检查 GPU 和 host engine。",
  },
  GENAI_PERF_NO_TOKEN_COUNTS: {
    en: "The responses carry no server token counts (GenAI-Perf counts tokens with its own tokenizer), so TPOT and token throughput come only from the tool''s summary; {submit_companion}",
    zh: "响应中没有服务端的 token 计数（GenAI-Perf 用自己的分词器计数），因此 TPOT 和 token 吞吐量只能来自工具的汇总；{submit_companion}",
  },
  GENAI_PERF_SEVERAL_EXPERIMENTS: {
    en: "The file holds {count} experiments (load levels); their requests were pooled. Submit one profile export per load level when you claim about one of them.",
    zh: "该文件包含 {count} 个实验（负载档位），其请求已合并统计。若声明针对其中某一档，请每个负载档位提交一个 profile export。",
  },
  GENAI_PERF_UNKNOWN_UNIT: {
    en: 'Unit "{unit}" of "{cells}" is not a time unit claimcheck knows (ms, ns, us, s); submit the CSV as GenAI-Perf wrote it.',
    zh: "“{cells}” 的单位 “{unit}” 不是 claimcheck 认识的时间单位（ms、ns、us、s）；请按 GenAI-Perf 写出的原样提交 CSV。",
  },
  HCCL_BANDWIDTH_GIB: {
    en: "alg_bandwidth is printed in GiB/s although its header says GB/s (e.g. {size_bytes} B in {time_us} us printed as {value}, which is size / time / 2^30); claimcheck reads it as GiB/s and works in GB/s (10^9 B/s) like nccl-tests.",
    zh: "alg_bandwidth 的表头写的是 GB/s，实际打印的是 GiB/s（例如 {size_bytes} B 用时 {time_us} us 打印为 {value}，即 size / time / 2^30）；claimcheck 按 GiB/s 读取，并像 nccl-tests 一样以 GB/s（10^9 B/s）计算。",
  },
  JSON_DUPLICATE_KEY: {
    en: 'Key "{key}" appears twice in the same object ({lines}); JSON readers keep only the last value. Remove or rename the duplicate so the file says one thing.',
    zh: "键 “{key}” 在同一对象中出现两次（{lines}）；JSON 读取器只保留最后一个值。请删除或重命名重复的键，使文件只表达一个值。",
  },
  JSON_NOT_A_NUMBER: {
    en: "Field \"{key}\" is {word} (the tool writes this when no request succeeded), so it was left out; check the run''s failed requests.",
    zh: "字段 “{key}” 为 {word}（没有请求成功时工具会这样写），已略去；请检查该运行中失败的请求。",
  },
  JSON_SYNTAX: {
    en: "{where}: {message}; fix the JSON there or submit the file exactly as the tool wrote it.",
    zh: "{where}：{message}；请修正该处 JSON，或按工具写出的原样提交文件。",
  },
  LLMPERF_ITL_INCLUDES_TTFT: {
    en: "{variant, select, llmperf_summary_1 {LLMPerf''s inter_token_latency_s includes the time to first token (about E2E / output tokens); it is reported as e2e_per_output_token_ms and is not comparable with a TPOT or ITL claim.} llmperf_2 {LLMPerf''s inter_token_latency_s includes the time to first token (about E2E / output tokens), so it was not used as ITL; TPOT is derived as (E2E − TTFT)/(output tokens − 1).} other {LLMPerf''s inter_token_latency_s includes the time to first token (about E2E / output tokens); it is reported as e2e_per_output_token_ms and is not comparable with a TPOT or ITL claim.}}",
    zh: "{variant, select, llmperf_summary_1 {LLMPerf 的 inter_token_latency_s 包含首 token 时间（约为 E2E / 输出 token 数）；它以 e2e_per_output_token_ms 报告，不能与 TPOT 或 ITL 声明值比较。} llmperf_2 {LLMPerf 的 inter_token_latency_s 包含首 token 时间（约为 E2E / 输出 token 数），因此未当作 ITL 使用；TPOT 按 (E2E − TTFT)/(输出 token 数 − 1) 推导。} other {LLMPerf 的 inter_token_latency_s 包含首 token 时间（约为 E2E / 输出 token 数）；它以 e2e_per_output_token_ms 报告，不能与 TPOT 或 ITL 声明值比较。}}",
  },
  LM_EVAL_GROUP_MISMATCH: {
    en: "Group {task} {metric} is {value} in the file but {value2} recomputed from its {members_count} subtasks (n-weighted); claimcheck uses the recomputed value. Check that the file was not edited.",
    zh: "分组 {task} 的 {metric} 在文件中为 {value}，但由其 {members_count} 个子任务（按样本数加权）重新计算为 {value2}；claimcheck 采用重新计算的值。请检查文件是否被修改。",
  },
  LM_EVAL_GROUP_NOT_RECOMPUTED: {
    en: "Group {task} {metric} cannot be recomputed (its subtasks or their n-samples are missing), so the reported value is used; submit the full results file.",
    zh: "分组 {task} 的 {metric} 无法重新计算（缺少子任务或其样本数），因此采用报告值；请提交完整的结果文件。",
  },
  LM_EVAL_GROUP_UNWEIGHTED: {
    en: "Group {task} {metric} is the unweighted mean of its {members_count} subtasks (weight_by_size: false); claimcheck reads it that way.",
    zh: "分组 {task} 的 {metric} 是其 {members_count} 个子任务的不加权平均（weight_by_size: false）；claimcheck 按此读取。",
  },
  LM_EVAL_LIMIT: {
    en: "The run used --limit {value}, so it scored a subset, not the benchmark; rerun without --limit before claiming a benchmark score.",
    zh: "该运行使用了 --limit {value}，只评测了子集而非完整基准；声明基准得分前请去掉 --limit 重新运行。",
  },
  LM_EVAL_NO_RESULTS: {
    en: 'The file has no "results" object; submit the results_<date>.json that lm_eval wrote.',
    zh: "文件中没有 “results” 对象；请提交 lm_eval 写出的 results_<date>.json。",
  },
  LM_EVAL_PARTIAL: {
    en: "Task {task} scored {effective} of its {original} documents; a partial run is not a full-test-set result.",
    zh: "任务 {task} 只评测了 {original} 个文档中的 {effective} 个；部分运行不是完整测试集的结果。",
  },
  MLLOG_BAD_TIME_TO_TRAIN: {
    en: "{variant, select, time_to_train {run_stop is not after run_start ({minutes} min): the timestamps were edited or the lines of two runs were mixed; submit the run''s unedited result_N.txt.} other {run_stop (time_ms {time_ms}) is not after run_start (time_ms {time_ms2}); the timestamps were edited or the lines of two runs were mixed.}}",
    zh: "{variant, select, time_to_train {run_stop 不在 run_start 之后（{minutes} min）：时间戳被修改，或混入了两次运行的行；请提交该次运行未经修改的 result_N.txt。} other {run_stop（time_ms {time_ms}）不在 run_start（time_ms {time_ms2}）之后；时间戳被修改，或混入了两次运行的行。}}",
  },
  MLLOG_MALFORMED: {
    en: "This :::MLLOG line is not valid JSON; the log was cut or edited.",
    zh: "这一行 :::MLLOG 不是合法的 JSON；日志被截断或修改过。",
  },
  MLLOG_NO_RUN_STOP: {
    en: "run_start is logged but no run_stop follows: the run did not finish (the results summarizer drops such a file); submit a finished run.",
    zh: "记录了 run_start 但之后没有 run_stop：运行没有结束（结果汇总工具会丢弃这样的文件）；请提交已完成的运行。",
  },
  MLLOG_RUN_NOT_SUCCESS: {
    en: "{variant, select, time_to_train {run_stop has status {status}: MLPerf scores only a run that ends with status success, so this run has no time to train; submit a run that converged.} other {run_stop has status {status}; an aborted run is not a result.}}",
    zh: "{variant, select, time_to_train {run_stop 的状态为 `{status}`：MLPerf 只为以 `success` 状态结束的运行评分，因此这次运行没有训练用时；请提交已收敛的运行。} other {run_stop 的状态为 `{status}`；中止的运行不是结果。}}",
  },
  MLPERF_BAD_EVENT: {
    en: "This :::MLLOG line is not a JSON object with a key; the log was cut or edited. Submit LoadGen''s file unedited.",
    zh: "这一行 :::MLLOG 不是带 key 的 JSON 对象；日志被截断或修改过。请提交未经修改的 LoadGen 文件。",
  },
  MLPERF_BAD_VALUE: {
    en: '"{value}" is not a number for "{field}"; submit LoadGen\'\'s log unedited.',
    zh: "“{value}” 不是 “{field}” 的数值；请提交未经修改的 LoadGen 日志。",
  },
  MLPERF_LOADGEN_ERRORS: {
    en: "LoadGen logged {count} error(s) during the run; read them in mlperf_log_detail.txt and fix them before submitting.",
    zh: "LoadGen 在运行中记录了 {count} 个错误；请在 mlperf_log_detail.txt 中查看并修正后再提交。",
  },
  MLPERF_LOG_ERROR: {
    en: "LoadGen logged an error ({key}: {value}); fix its cause and rerun before submitting.",
    zh: "LoadGen 记录了一个错误（{key}：{value}）；请排除原因并重新运行后再提交。",
  },
  MLPERF_NO_VALIDITY: {
    en: "The log does not say whether the run is VALID (no `Result is` line or result_validity event); submit the whole, unedited log.",
    zh: "日志没有说明运行是否 VALID（没有 `Result is` 行或 result_validity 事件）；请提交完整、未经修改的日志。",
  },
  MLPERF_RESULT_INVALID: {
    en: "LoadGen marked this run INVALID{why}; fix the cause (e.g. lower target_qps) and submit a VALID run.",
    zh: "LoadGen 将这次运行标为 INVALID{why}；请排除原因（如降低 target_qps）并提交 VALID 的运行。",
  },
  MODELS_SIZE_INCONSISTENT: {
    en: "{parameters_b} B parameters at {bits_per_weight} bits per weight make {value} GiB, but bytes says {value2} GiB; correct the parameter count, the bits per weight or the size.",
    zh: "{parameters_b} B 参数、每权重 {bits_per_weight} 位，应为 {value} GiB，但 bytes 给出 {value2} GiB；请改正参数量、每权重位数或大小。",
  },
  OPENCOMPASS_NO_COUNTS: {
    en: "The summary CSV holds scores rounded to 2 decimals without item counts, so no confidence bound can be given; submit OpenCompass''s results/<model>/<dataset>.json or predictions to recompute them.",
    zh: "汇总 CSV 中的得分保留 2 位小数且没有条目数，无法给出置信区间；请提交 OpenCompass 的 results/<model>/<dataset>.json 或预测结果以便重新计算。",
  },
  OUTCOME_BAD_SUCCESS: {
    en: 'success "{raw}" is not 1/0 or true/false; write one of those, or fill expected and observed.',
    zh: "success “{raw}” 不是 1/0 或 true/false；请写其中之一，或填写 expected 和 observed。",
  },
  SERVING_E2E_DERIVED: {
    en: "The per-request lists have no \"latencies\", so each request''s end-to-end latency is taken as ttfts[i] + Σ itls[i] (its last streamed chunk), which can be slightly below the tool''s own E2E; TPOT is derived from it.",
    zh: "逐请求列表中没有 “latencies”，因此每个请求的端到端时延取 ttfts[i] + Σ itls[i]（最后一个流式分块），可能略低于工具自己的 E2E；TPOT 由此推导。",
  },
  SERVING_MULTIPLE_RUNS: {
    en: "The file holds {count} runs (one JSON object per line, as {tool} writes them); {pooled}the reported statistics and run facts are those of the last run, on line {last_line}. Submit one file per run when the runs used different settings.",
    zh: "该文件包含 {count} 次运行（每行一个 JSON 对象，{tool} 就是这样写的）；{pooled}报告的统计量和运行信息取自最后一次运行（第 {last_line} 行）。若各次运行设置不同，请每次运行提交一个文件。",
  },
  SERVING_NO_DATA: {
    en: "The file holds no per-request rows and no {what}; submit the tool''s result file unedited.",
    zh: "该文件没有逐请求行，也没有 {what}；请提交未经修改的工具结果文件。",
  },
  SERVING_SWEEP_AMBIGUOUS: {
    en: "The list holds runs of {settings_count} different settings ({s}), so no requirement can tell which one it is about; nothing was measured from it. Submit the summary.json of one combination (vllm bench sweep writes one per SERVE-…-BENCH-… folder).",
    zh: "列表包含 {settings_count} 种不同设置的运行（{s}），无法判断要求针对哪一种；未从中测量任何值。请提交单个组合的 summary.json（vllm bench sweep 在每个 SERVE-…-BENCH-… 目录下各写一个）。",
  },
  SERVING_SWEEP_REPEATS: {
    en: "The summary holds {runs_count} runs of one setting (run_number {run_number}); each statistic is the least favourable of them (highest latency, lowest throughput). Submit one run''s run=N.json to judge that run alone.",
    zh: "汇总包含同一设置的 {runs_count} 次运行（run_number {run_number}）；每个统计量取其中最不利的一次（时延最高、吞吐量最低）。如需单独判定某次运行，请提交其 run=N.json。",
  },
  SMI_BAD_TIMESTAMP: {
    en: "Timestamp \"{text}\" is not nvidia-smi''s YYYY/MM/DD HH:MM:SS.mmm; keep the file as nvidia-smi wrote it.",
    zh: "时间戳 “{text}” 不是 nvidia-smi 的 YYYY/MM/DD HH:MM:SS.mmm 格式；请保持 nvidia-smi 写出的原样。",
  },
  SMI_BAD_UNIT: {
    en: 'Column "{name}" is in [{printed}], but nvidia-smi prints [{unit}]; submit the file as nvidia-smi wrote it.',
    zh: "列 “{name}” 的单位是 [{printed}]，但 nvidia-smi 打印的是 [{unit}]；请按 nvidia-smi 写出的原样提交文件。",
  },
  TAU_BENCH_INCOMPLETE: {
    en: "Run result {index} lacks a task_id or a numeric reward; submit the results file exactly as τ-bench wrote it.",
    zh: "运行结果 {index} 缺少 task_id 或数值型 reward；请按 τ-bench 写出的原样提交结果文件。",
  },
  TRAINING_NO_DATA: {
    en: "{variant, select, megatron_log_1 {No Megatron iteration line with an elapsed time was found; submit the training log (the lines '' iteration N/M | …'').} mlperf_training_1 {The MLLOG file has neither tracked_stats throughput lines nor a run_start and run_stop pair; submit the complete result_N.txt of the run.} other {No Megatron iteration line with an elapsed time was found; submit the training log (the lines '' iteration N/M | …'').}}",
    zh: "{variant, select, megatron_log_1 {未找到带耗时的 Megatron 迭代行；请提交训练日志（“ iteration N/M | …” 这些行）。} mlperf_training_1 {MLLOG 文件既没有 tracked_stats 吞吐量行，也没有成对的 run_start 和 run_stop；请提交该次运行完整的 result_N.txt。} other {未找到带耗时的 Megatron 迭代行；请提交训练日志（“ iteration N/M | …” 这些行）。}}",
  },
  TRAINING_STEP_INCOMPLETE: {
    en: "The iteration line has no ''elapsed time per iteration (ms)''; submit the log as Megatron printed it, not trimmed.",
    zh: "迭代行中没有 “elapsed time per iteration (ms)”；请按 Megatron 打印的原样提交日志，不要裁剪。",
  },
  TREC_BAD_RELEVANCE: {
    en: '{variant, select, trec_beir_qrels_1 {The score "{cell}" (3rd column) is not an integer; BEIR reads it with int(), so write a level such as 0, 1 or 2.} trec_qrels_1 {The relevance "{cell}" (4th field) is not an integer; write a level such as 0, 1, 2 (or -1 for unjudged).} other {The score "{cell}" (3rd column) is not an integer; BEIR reads it with int(), so write a level such as 0, 1 or 2.}}',
    zh: "{variant, select, trec_beir_qrels_1 {得分 “{cell}”（第 3 列）不是整数；BEIR 用 int() 读取，请写 0、1、2 等等级。} trec_qrels_1 {相关度 “{cell}”（第 4 个字段）不是整数；请写 0、1、2 等等级（未标注写 -1）。} other {得分 “{cell}”（第 3 列）不是整数；BEIR 用 int() 读取，请写 0、1、2 等等级。}}",
  },
  TREC_BAD_SCORE: {
    en: 'The score "{sim}" (5th field) is not a number; write the retrieval score as a plain decimal.',
    zh: "得分 “{sim}”（第 5 个字段）不是数字；请以普通小数写检索得分。",
  },
  TREC_DUPLICATE_DOC: {
    en: "Document {docno} is retrieved twice for query {qid} (first on line {first}); trec_eval rejects such runs, so keep one line per query and document.",
    zh: "文档 {docno} 在查询 {qid} 下被检索了两次（首次在第 {first} 行）；trec_eval 会拒绝这样的运行结果，每个查询和文档只保留一行。",
  },
  TREC_DUPLICATE_JUDGMENT: {
    en: "{variant, select, trec_beir_qrels_1 {Query {qid} judges document {docno} again (first on line {first}); BEIR keeps the last score, and so does claimcheck, but trec_eval would reject the file: keep one judgment.} trec_qrels_1 {Query {qid} judges document {docno} twice (first on line {first}); trec_eval rejects such qrels, so keep one judgment.} other {Query {qid} judges document {docno} again (first on line {first}); BEIR keeps the last score, and so does claimcheck, but trec_eval would reject the file: keep one judgment.}}",
    zh: "{variant, select, trec_beir_qrels_1 {查询 {qid} 再次标注了文档 {docno}（首次在第 {first} 行）；BEIR 与 claimcheck 都保留最后一个得分，但 trec_eval 会拒绝该文件：请只保留一条标注。} trec_qrels_1 {查询 {qid} 对文档 {docno} 标注了两次（首次在第 {first} 行）；trec_eval 会拒绝这样的 qrels，请只保留一条标注。} other {查询 {qid} 再次标注了文档 {docno}（首次在第 {first} 行）；BEIR 与 claimcheck 都保留最后一个得分，但 trec_eval 会拒绝该文件：请只保留一条标注。}}",
  },
  TREC_FIELD_COUNT: {
    en: "The line has {found} field(s) but needs {split_count} (`{layout}`, separated by whitespace); fix or remove it.",
    zh: "该行有 {found} 个字段，应为 {split_count} 个（`{layout}`，以空白分隔）；请修正或删除该行。",
  },
};
